"""Format stage: pybtex formatting styles (``plain``, ``alpha``...) as list styles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from pybtex.database import Entry
from pybtex.database import Person as PybtexPerson
from pybtex.exceptions import PybtexError
from pybtex.plugin import find_plugin
from pybtex.richtext import BaseMultipartText, HRef, String, Symbol, Tag
from pybtex.style.template import join, node, sentence, tag

from ..bib.convert import displayed_source
from ..bib.dates import FORTHCOMING_NOTE
from ..bib.latex import latex_to_rich
from ..bib.model import Publication
from ..bib.people import OTHERS, parse_person, split_marks
from ..core.diagnostics import Diagnostic, Subtype
from ..core.richtext import Inline, Link, Name, RichText, Styled, Text, plain_text
from ..core.urls import safe_url
from .default_style import format_default, marked_name
from .entry import FormatOptions, FormattedEntry

TAG_STYLES = {"em": "emph", "i": "emph", "b": "strong", "strong": "strong", "tt": "code"}
NAME_TAG = "publist-name-"
SYMBOLS = {"ndash": "\u2013", "newblock": " ", "nbsp": "\u00a0"}


def pybtex_style_exists(name: str) -> bool:
    """True when pybtex has a formatting style plugin called ``name``."""
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
    """Format with a pybtex style; an entry the style cannot format keeps only its parts."""
    style = find_plugin("pybtex.style.formatting", style_name)()
    marks = _NameMarks(style)
    _end_with_et_al(style)
    entries = [_pybtex_entry(publication, options, marks) for publication in publications]
    labels = list(style.format_labels(entries))
    formatted: list[FormattedEntry] = []
    diagnostics: list[Diagnostic] = []
    for publication, entry, label in zip(publications, entries, labels, strict=True):
        parts = format_default(publication, options)
        try:
            text = style.format_entry(label, entry).text
        except (PybtexError, KeyError, AttributeError) as error:
            message = f"entry {publication.key!r}: style {style_name!r} cannot format it ({error})"
            diagnostics.append(
                Diagnostic(message, Subtype.MISSING_FIELD, publication.source, publication.line)
            )
            formatted.append(replace(parts, label=label))
            continue
        reference = _rich_from_pybtex(text, marks.names)
        # A note such as "to appear" is already in the reference: no second status.
        says_status = FORTHCOMING_NOTE.search(plain_text(reference)) is not None
        formatted.append(
            replace(
                parts,
                reference=reference,
                label=label,
                forthcoming=parts.forthcoming and not says_status,
            )
        )
    return formatted, diagnostics


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
    fields = {
        name: displayed_source(name, value)
        for name, value in publication.raw_fields.items()
        if name not in ("crossref", *publication.raw_persons)
    }
    more = [role for role, names in publication.raw_persons.items() if OTHERS in names]
    if more:
        fields[MORE_FIELD] = " ".join(more)
    entry = Entry(publication.entry_type, fields=fields)
    entry.key = publication.key
    # A reference names every author: omitting applies to author lines only.
    for role, raw_names in publication.raw_persons.items():
        for raw in raw_names:
            if raw == OTHERS:
                continue
            # Marks follow the name as ours, never inside it (nor in alpha's labels).
            person = PybtexPerson(split_marks(raw)[0] or raw)
            marks.mark(person, marked_name(parse_person(raw)[0], options))
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


def _rich_from_pybtex(node: object, names: Sequence[Name]) -> RichText:
    if isinstance(node, String):
        return _string_to_rich(node.value)
    if isinstance(node, Symbol):
        return (Text(SYMBOLS.get(node.name, "")),)
    if not isinstance(node, BaseMultipartText):
        return ()
    children: list[Inline] = []
    for part in node.parts:
        children.extend(_rich_from_pybtex(part, names))
    content = tuple(children)
    if isinstance(node, Tag) and node.name.startswith(NAME_TAG):
        marked = names[int(node.name.removeprefix(NAME_TAG))]
        return (replace(marked, text=plain_text(content)),)
    if isinstance(node, Tag) and node.name in TAG_STYLES:
        return (Styled(TAG_STYLES[node.name], content),)  # type: ignore[arg-type]
    if isinstance(node, HRef):
        url = safe_url(node.url)
        return (Link(url, content),) if url else content
    return content
