"""Model stage: frozen publication records built from parsed bib entries."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..core.pickling import pickled_by_fields
from ..core.richtext import EMPTY, RichText

_KEYWORD_SEPARATORS = re.compile(r"[,;]")


def eprint_archive(fields: Mapping[str, str]) -> str:
    """The archive an ``eprint`` belongs to, as biblatex (``eprinttype``) or BibTeX names it."""
    return (fields.get("eprinttype") or fields.get("archiveprefix") or "").strip()


def eprint_label(fields: Mapping[str, str]) -> str:
    """``arXiv:2101.00001`` (or ``HAL:…``, ``Preprint:…``) for an ``eprint`` field, else ""."""
    eprint = fields.get("eprint", "").strip()
    if not eprint:
        return ""
    kind = eprint_archive(fields)
    return f"arXiv:{eprint}" if kind.lower() == "arxiv" else f"{kind or 'Preprint'}:{eprint}"


def partial_date(year: int | None, month: int | None, day: int | None, separator: str) -> str:
    """``2024-03-05``, ``2024-03`` or ``2024`` (with ``separator``), or "" without a year."""
    if year is None:
        return ""
    parts = [f"{year:04d}"]
    if month is not None:
        parts.append(f"{month:02d}")
        if day is not None:
            parts.append(f"{day:02d}")
    return separator.join(parts)


@pickled_by_fields
@dataclass(frozen=True)
class Person:
    """A name split the BibTeX way, LaTeX already decoded to plain text.

    ``marks`` are the author marks written with the name ("*" for equal
    contribution, "†"...), shown after it and never part of it. ``homonym`` is
    DBLP's number telling people of one name apart ("Wei Zhang 0001"): never
    shown, but a configured name that has one matches only that person.
    """

    first: str = ""
    middle: str = ""
    prelast: str = ""
    last: str = ""
    lineage: str = ""
    marks: str = ""
    homonym: str = ""

    @property
    def given(self) -> str:
        """First and middle names."""
        return " ".join(part for part in (self.first, self.middle) if part)

    @property
    def family(self) -> str:
        """The von part and the last name, as sorted and shown."""
        return " ".join(part for part in (self.prelast, self.last) if part)

    def full_name(self) -> str:
        """``First Middle von Last, Jr.``, the seed page's format."""
        name = " ".join(part for part in (self.given, self.family) if part)
        return f"{name}, {self.lineage}" if self.lineage else name


@pickled_by_fields
@dataclass(frozen=True)
class Publication:
    """One bibliography entry, ready to filter, sort and format.

    ``fields`` holds every field after crossref resolution, names lowercased and
    values as LaTeX-decoded plain text; the rich-text attributes keep markup;
    ``raw_fields`` and ``raw_persons`` keep the LaTeX source for export and pybtex styles
    (with ``others``, which ``more_authors`` and ``more_editors`` say instead of a person).
    The mappings are plain dicts so that publications pickle; never mutate them.
    """

    key: str
    entry_type: str
    fields: Mapping[str, str] = field(default_factory=dict)
    raw_fields: Mapping[str, str] = field(default_factory=dict)
    raw_persons: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    authors: tuple[Person, ...] = ()
    editors: tuple[Person, ...] = ()
    more_authors: bool = False
    more_editors: bool = False
    title: RichText = EMPTY
    venue: RichText = EMPTY
    abstract: RichText = EMPTY
    award: RichText = EMPTY
    year: int | None = None
    month: int | None = None
    day: int | None = None
    forthcoming: bool = False
    url: str | None = None
    source: str = ""
    line: int | None = None

    @property
    def keywords(self) -> tuple[str, ...]:
        """The ``keywords`` field's words, split at commas or semicolons as exporters write them."""
        words = (
            word.strip() for word in _KEYWORD_SEPARATORS.split(self.fields.get("keywords", ""))
        )
        return tuple(word for word in words if word)

    @property
    def date_key(self) -> tuple[int, int, int]:
        """A sortable date; unknown parts sort first."""
        return (self.year or 0, self.month or 0, self.day or 0)
