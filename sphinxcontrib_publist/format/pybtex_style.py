"""Format stage: pybtex formatting styles (``plain``, ``alpha``...) as list styles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pybtex.database import Entry
from pybtex.database import Person as PybtexPerson
from pybtex.exceptions import PybtexError
from pybtex.plugin import find_plugin
from pybtex.richtext import BaseMultipartText, HRef, String, Symbol, Tag

from ..bib.latex import latex_to_rich
from ..bib.model import Publication
from ..core.diagnostics import Diagnostic, Subtype
from ..core.richtext import Inline, Link, RichText, Styled, Text
from ..core.urls import safe_url
from .default_style import format_default
from .entry import FormatOptions, FormattedEntry

TAG_STYLES = {"em": "emph", "i": "emph", "b": "strong", "strong": "strong", "tt": "code"}
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
    """Format with a pybtex style; an entry the style cannot format falls back."""
    style = find_plugin("pybtex.style.formatting", style_name)()
    entries = [_pybtex_entry(publication) for publication in publications]
    labels = list(style.format_labels(entries))
    formatted: list[FormattedEntry] = []
    diagnostics: list[Diagnostic] = []
    for publication, entry, label in zip(publications, entries, labels, strict=True):
        try:
            citation = style.format_entry(label, entry).text
        except (PybtexError, KeyError, AttributeError) as error:
            message = f"entry {publication.key!r}: style {style_name!r} cannot format it ({error})"
            diagnostics.append(
                Diagnostic(message, Subtype.MISSING_FIELD, publication.source, publication.line)
            )
            formatted.append(replace(format_default(publication, options), label=label))
            continue
        abstract = publication.abstract if options.abstracts else ()
        formatted.append(
            FormattedEntry(
                key=publication.key,
                citation=_rich_from_pybtex(citation),
                abstract=abstract,
                label=label,
            )
        )
    return formatted, diagnostics


def _pybtex_entry(publication: Publication) -> Entry:
    # pybtex keeps {Protected} case from the LaTeX source; what its parser leaves
    # as literal commands is converted by ours in _rich_from_pybtex.
    fields = {
        name: value
        for name, value in publication.raw_fields.items()
        if name not in ("crossref", *publication.raw_persons)
    }
    entry = Entry(publication.entry_type, fields=fields)
    entry.key = publication.key
    for role, names in publication.raw_persons.items():
        for name in names:
            entry.add_person(PybtexPerson(name), role)
    return entry


def _string_to_rich(value: str) -> RichText:
    # The converter trims its input, but pybtex splits "In " from the venue that
    # follows, so the spaces at the edges of a part are separators to keep.
    if not value.strip():
        return (Text(" "),) if value else ()
    leading = (Text(" "),) if value[0].isspace() else ()
    trailing = (Text(" "),) if value[-1].isspace() else ()
    return (*leading, *latex_to_rich(value).rich, *trailing)


def _rich_from_pybtex(node: object) -> RichText:
    if isinstance(node, String):
        return _string_to_rich(node.value)
    if isinstance(node, Symbol):
        return (Text(SYMBOLS.get(node.name, "")),)
    if not isinstance(node, BaseMultipartText):
        return ()
    children: list[Inline] = []
    for part in node.parts:
        children.extend(_rich_from_pybtex(part))
    content = tuple(children)
    if isinstance(node, Tag) and node.name in TAG_STYLES:
        return (Styled(TAG_STYLES[node.name], content),)  # type: ignore[arg-type]
    if isinstance(node, HRef):
        url = safe_url(node.url)
        return (Link(url, content),) if url else content
    return content
