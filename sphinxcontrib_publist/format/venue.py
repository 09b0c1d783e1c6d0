"""Format stage: the default style's venue line, composed of the parts an entry's type calls for.

The parts, in this order, each left out when the entry has nothing for it:

``type``       a thesis's or report's kind: "PhD thesis", "Master's thesis", "Technical report"
``edition``    a book's edition: "2nd edition"
``venue``      the journal, book or proceedings, school or institution (``Publication.venue``)
``volume``     an article's ``volume(number):pages``, or its pages alone
``chapter``    a chapter and pages in a book or collection: "chapter 3, pp. 12-34" (an en dash in ranges)
``number``     a report's number: "no. TR-17"
``publisher``  a book's publisher, when it is not already the venue
``eprint``     a preprint's identifier (an entry without a venue): "arXiv:2101.00001 [cs.LG]"
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping

from ..bib.convert import venue_field
from ..bib.model import Publication, eprint_label
from ..core.richtext import Inline, RichText, Text
from .biblatex import TYPE_WORDS

VENUE_PARTS = ("type", "edition", "venue", "volume", "chapter", "number", "publisher", "eprint")
THESES = {
    "phdthesis": TYPE_WORDS["phdthesis"],
    "mastersthesis": TYPE_WORDS["mastersthesis"],
    "thesis": "Thesis",
}
REPORTS = {"techreport": TYPE_WORDS["techreport"], "report": "Report"}
BOOKS = frozenset({"book", "mvbook", "inbook", "incollection", "collection", "proceedings"})
PARTS_OF_BOOKS = frozenset({"inbook", "incollection", "bookinbook", "suppbook"})
ARTICLES = frozenset({"article", "periodical", "suppperiodical"})
_RANGE = re.compile(r"\s*[-\u2010-\u2013]+\s*")
_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd"}

_Part = Callable[[Publication], str]


def compose_venue(publication: Publication, parts: Collection[str]) -> RichText:
    """The venue line's text: the ``parts`` asked for, in ``VENUE_PARTS`` order, comma-separated."""
    pieces: list[RichText] = []
    for name in VENUE_PARTS:
        if name not in parts:
            continue
        if name == "venue":
            piece = _container(publication, parts)
        else:
            value = _TEXT_PARTS[name](publication)
            piece = (Text(value),) if value else ()
        if piece:
            pieces.append(piece)
    joined: list[Inline] = []
    for index, piece in enumerate(pieces):
        if index:
            _drop_trailing_separator(joined)
            joined.append(Text(", "))
        joined.extend(piece)
    return tuple(joined)


def _drop_trailing_separator(joined: list[Inline]) -> None:
    # Exports often end a journal with its own comma ("Phys. Rev.,"): one comma, not two.
    last = joined[-1] if joined else None
    if isinstance(last, Text):
        trimmed = last.value.rstrip(" ,;")
        if trimmed:
            joined[-1] = Text(trimmed)
        else:
            joined.pop()


def _container(publication: Publication, parts: Collection[str]) -> RichText:
    source = venue_field(publication.raw_fields)
    if source is None and "eprint" in parts:
        # The eprint part names the preprint, with its class.
        return ()
    if source == "publisher" and "publisher" in parts and _publisher(publication):
        return ()
    return publication.venue


def _field(publication: Publication, name: str) -> str:
    return publication.fields.get(name, "").strip()


def _kind(publication: Publication) -> str:
    kind = publication.entry_type
    default = THESES.get(kind) or REPORTS.get(kind)
    if default is None:
        return ""
    given = _field(publication, "type")
    return TYPE_WORDS.get(given.lower(), given) if given else default


def _edition(publication: Publication) -> str:
    edition = _field(publication, "edition")
    if not edition or publication.entry_type not in BOOKS:
        return ""
    if not edition.isdecimal():
        return edition if "edition" in edition.lower() else f"{edition} edition"
    number = int(edition)
    suffix = "th" if 10 <= number % 100 <= 20 else _ORDINAL_SUFFIX.get(number % 10, "th")
    return f"{number}{suffix} edition"


def _pages(publication: Publication) -> str:
    return _RANGE.sub("\u2013", _field(publication, "pages"))


def _volume(publication: Publication) -> str:
    if publication.entry_type not in ARTICLES:
        return ""
    volume, number, pages = (
        _field(publication, "volume"),
        _field(publication, "number"),
        _pages(publication),
    )
    if not volume:
        return f"pp. {pages}" if pages else ""
    issue = f"({number})" if number else ""
    return f"{volume}{issue}:{pages}" if pages else f"{volume}{issue}"


def _chapter(publication: Publication) -> str:
    if publication.entry_type not in PARTS_OF_BOOKS:
        return ""
    chapter = _field(publication, "chapter")
    pages = _pages(publication)
    shown = [f"chapter {chapter}" if chapter else "", f"pp. {pages}" if pages else ""]
    return ", ".join(part for part in shown if part)


def _number(publication: Publication) -> str:
    number = _field(publication, "number")
    return f"no. {number}" if number and publication.entry_type in REPORTS else ""


def _publisher(publication: Publication) -> str:
    return _field(publication, "publisher") if publication.entry_type in BOOKS else ""


def _eprint(publication: Publication) -> str:
    if venue_field(publication.raw_fields) is not None:
        # Published: the journal or proceedings names it; the eprint is a link.
        return ""
    label = eprint_label(publication.fields)
    category = _field(publication, "eprintclass") or _field(publication, "primaryclass")
    return f"{label} [{category}]" if label and category else label


_TEXT_PARTS: Mapping[str, _Part] = {
    "type": _kind,
    "edition": _edition,
    "volume": _volume,
    "chapter": _chapter,
    "number": _number,
    "publisher": _publisher,
    "eprint": _eprint,
}
