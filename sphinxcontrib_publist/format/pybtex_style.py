"""Format stage: pybtex formatting styles (``plain``, ``alpha``...) as list styles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from pybtex.database import Entry
from pybtex.database import Person as PybtexPerson
from pybtex.exceptions import PybtexError
from pybtex.plugin import find_plugin
from pybtex.richtext import BaseMultipartText, HRef, Protected, String, Symbol, Tag
from pybtex.style.template import FieldIsMissing, join, node, sentence, tag

from ..bib.badges import note_is_award
from ..bib.convert import displayed_source
from ..bib.latex import latex_to_rich
from ..bib.model import Publication
from ..bib.people import OTHERS, parse_person, split_marks
from ..core.diagnostics import Diagnostic, Subtype
from ..core.richtext import Inline, Link, Name, RichText, Styled, Text, plain_text
from ..core.urls import safe_url
from .biblatex import bibtex_entry
from .default_style import format_default, marked_name
from .entry import FormatOptions, FormattedEntry, with_reference

TAG_STYLES = {"em": "emph", "i": "emph", "b": "strong", "strong": "strong", "tt": "code"}
NAME_TAG = "publist-name-"
FALLBACK_VENUES = ("journal", "booktitle", "school", "institution", "organization", "publisher")
SYMBOLS = {"ndash": "\u2013", "newblock": " ", "nbsp": "\u00a0"}
_TRAILING_COMMAND = re.compile(r"\\[A-Za-z]+\s*$")


def pybtex_style_exists(name: str) -> bool:
    """True when pybtex has a formatting style plugin called ``name``."""
    if not name:
        # find_plugin gives pybtex's own default style for no name.
        return False
    try:
        find_plugin("pybtex.style.formatting", name)
    except PybtexError:
        return False
    return True


def format_with_pybtex(
    publications: Sequence[Publication],
    style_name: str,
    options: FormatOptions,
) -> tuple[list[FormattedEntry], list[Diagnostic]]:
    """Format with a pybtex style: every entry in it, each missing field one diagnostic."""
    style = find_plugin("pybtex.style.formatting", style_name)()
    marks = _NameMarks(style)
    _end_with_et_al(style)
    entries = [_pybtex_entry(publication, options, marks) for publication in publications]
    labels = list(style.format_labels(entries))
    formatted: list[FormattedEntry] = []
    diagnostics: list[Diagnostic] = []
    for publication, entry, label in zip(publications, entries, labels, strict=True):
        text, problem = _formatted_text(style, label, entry)
        if problem is not None:
            message = (
                f"entry {publication.key!r}: style {style_name!r} needs {problem};"
                " formatted from the fields it has"
            )
            diagnostics.append(
                Diagnostic(message, Subtype.MISSING_FIELD, publication.source, publication.line)
            )
        parts = format_default(publication, options)
        reference = _rich_from_pybtex(text, marks.names)
        formatted.append(with_reference(parts, reference, label))
    return formatted, diagnostics


def _formatted_text(style: Any, label: str, entry: Entry) -> tuple[object, str | None]:
    """The style's text for ``entry``, and what it missed when it had to fall back.

    An entry the style cannot format (a required field missing, a type it does
    not know) is formatted by the same style as ``misc``, whose every field is
    optional, with its venue as ``howpublished``: the list keeps one look.
    """
    try:
        return style.format_entry(label, entry).text, None
    except (PybtexError, KeyError, AttributeError) as error:
        problem = _missing_what(error, entry)
    fallback = Entry("misc", fields=dict(entry.fields), persons=entry.persons)
    fallback.key = entry.key
    venue = next((entry.fields[name] for name in FALLBACK_VENUES if name in entry.fields), None)
    if venue is not None and "howpublished" not in entry.fields:
        fallback.fields["howpublished"] = venue
    try:
        text = style.format_entry(label, fallback).text
    except (PybtexError, KeyError, AttributeError):
        text = None
    if text is None or not str(text).strip():
        # Nothing the style shows (a biblatex @set, an entry of unknown fields):
        # its title or key, so the entry keeps its place and label in the list.
        return String(entry.fields.get("title") or entry.key), problem
    return text, problem


def _missing_what(error: Exception, entry: Entry) -> str:
    if isinstance(error, FieldIsMissing):
        return f"field {error.field_name!r}"
    if isinstance(error, AttributeError):
        return f"a template for entry type {entry.type!r}"
    return f"what it reported ({error})"


class _NameMarks:
    """Wraps the names the list marks (highlighted, linked, author marks) in a tag pybtex keeps.

    pybtex formats every name through its style's ``format_name``; the tag names
    the index of our ``Name`` for that person, which ``_rich_from_pybtex`` reads.
    """

    def __init__(self, style: Any) -> None:
        self.names: list[Name] = []
        self._index: dict[int, int] = {}
        plain = style.format_name

        def format_name(person: PybtexPerson, abbr: bool = False) -> Any:
            template = plain(person, abbr)
            index = self._index.get(id(person))
            return template if index is None else tag(f"{NAME_TAG}{index}")[template]

        style.format_name = format_name

    def mark(self, person: PybtexPerson, name: Name) -> None:
        """Remember ``name``'s marks for ``person``, kept alive by its entry."""
        if name.highlighted or name.url or name.marks:
            self._index[id(person)] = len(self.names)
            self.names.append(name)


# Roles whose list ends in BibTeX's "and others", as a field pybtex styles never print.
MORE_FIELD = "publist-more-names"


def _end_with_et_al(style: Any) -> None:
    """Make ``style`` end a name list that says ``and others`` with "et al.", as BibTeX does.

    pybtex's own styles would print a person named "others".
    """
    plain = getattr(style, "format_names", None)
    if plain is None:
        return

    def format_names(role: str, as_sentence: bool = True) -> Any:
        listed = _names_or_et_al(role)[plain(role, as_sentence=False)]
        return sentence[listed] if as_sentence else listed

    style.format_names = format_names


@node  # type: ignore[untyped-decorator]
def _names_or_et_al(children: list[Any], context: dict[str, Any], role: str) -> Any:
    (listed,) = children
    entry = context["entry"]
    if role not in entry.fields.get(MORE_FIELD, "").split():
        return listed.format_data(context)
    style = context["style"]
    names = [style.format_name(person, style.abbreviate_names) for person in entry.persons[role]]
    # "Madelung et al.", "Smith, Doe, et al.", as BibTeX's plain.bst writes them.
    return join(sep=", " if len(names) > 1 else " ")[[*names, "et al."]].format_data(context)


def _pybtex_entry(publication: Publication, options: FormatOptions, marks: _NameMarks) -> Entry:
    # pybtex keeps {Protected} case from the LaTeX source; what its parser leaves
    # as literal commands is converted by ours in _rich_from_pybtex.
    entry_type, mapped = bibtex_entry(publication.entry_type, publication.raw_fields)
    fields = {
        name: displayed_source(name, value)
        for name, value in mapped.items()
        if name not in ("crossref", *publication.raw_persons)
    }
    more = [role for role, names in publication.raw_persons.items() if OTHERS in names]
    if more:
        fields[MORE_FIELD] = " ".join(more)
    if note_is_award(publication):
        # An award named in the note is the entry's award badge: shown once.
        fields.pop("note", None)
    entry = Entry(entry_type, fields=fields)
    entry.key = publication.key
    # A reference names every author: omitting applies to author lines only.
    people = {"author": publication.authors, "editor": publication.editors}
    for role, raw_names in publication.raw_persons.items():
        for position, raw in enumerate(raw_names):
            if raw == OTHERS:
                continue
            # Marks follow the name as ours, never inside it (nor in alpha's labels);
            # the converted person also has the marks of the name annotations.
            person = PybtexPerson(split_marks(raw)[0] or raw)
            known = people.get(role, ())
            ours = known[position] if position < len(known) else parse_person(raw)[0]
            marks.mark(person, marked_name(ours, options))
            entry.add_person(person, role)
    return entry


def _string_to_rich(value: str) -> RichText:
    # The converter trims its input, but pybtex splits "In " from the venue that
    # follows, so the spaces at the edges of a part are separators to keep.
    if not value.strip():
        return (Text(" "),) if value else ()
    leading = (Text(" "),) if value[0].isspace() else ()
    trailing = (Text(" "),) if value[-1].isspace() else ()
    return (*leading, *latex_to_rich(value).rich, *trailing)


def _latex_source(node: Protected) -> str | None:
    """The LaTeX a protected group of plain strings came from, or None if it holds markup."""
    parts: list[str] = []
    for part in node.parts:
        if isinstance(part, String):
            parts.append(part.value)
        elif isinstance(part, Protected) and (inner := _latex_source(part)) is not None:
            parts.append(inner)
        else:
            return None
    return "{" + "".join(parts) + "}"


def _parts_to_rich(parts: Sequence[object], names: Sequence[Name]) -> RichText:
    children: list[Inline] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        following = parts[index + 1] if index + 1 < len(parts) else None
        command = _TRAILING_COMMAND.search(part.value) if isinstance(part, String) else None
        argument = _latex_source(following) if isinstance(following, Protected) else None
        if command is not None and argument is not None:
            # pybtex splits "\emph{x}" into the command and its braced argument:
            # converted apart, the emphasis would be lost.
            children.extend(_string_to_rich(command.string[: command.start()]))
            children.extend(_string_to_rich(command.group().rstrip() + argument))
            index += 2
            continue
        children.extend(_rich_from_pybtex(part, names))
        index += 1
    return tuple(children)


def _rich_from_pybtex(node: object, names: Sequence[Name]) -> RichText:
    if isinstance(node, String):
        return _string_to_rich(node.value)
    if isinstance(node, Symbol):
        return (Text(SYMBOLS.get(node.name, "")),)
    if not isinstance(node, BaseMultipartText):
        return ()
    if isinstance(node, Protected):
        source = _latex_source(node)
        if source is not None:
            # pybtex splits "{\d{i}}" into a command and its braced argument:
            # converted apart, the accent would be lost.
            return _string_to_rich(source)
    content = _parts_to_rich(node.parts, names)
    if isinstance(node, Tag) and node.name.startswith(NAME_TAG):
        marked = names[int(node.name.removeprefix(NAME_TAG))]
        return (replace(marked, text=plain_text(content)),)
    if isinstance(node, Tag) and node.name in TAG_STYLES:
        return (Styled(TAG_STYLES[node.name], content),)  # type: ignore[arg-type]
    if isinstance(node, HRef):
        url = safe_url(node.url)
        return (Link(url, content),) if url else content
    return content
