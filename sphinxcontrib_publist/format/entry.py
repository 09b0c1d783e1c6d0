"""Format stage: the record every style returns for an entry, and the choices shaping it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

from ..bib.dates import FORTHCOMING_NOTE
from ..bib.names import NameFormat, NameLookup, NameMatcher
from ..core.pickling import pickled_by_fields
from ..core.richtext import EMPTY, Name, RichText, plain_text
from .venue import VENUE_PARTS


@pickled_by_fields
@dataclass(frozen=True)
class FormattedEntry:
    """What one entry shows: the same record from every style.

    Every style fills the parts: the title; every author (or editor), marked
    highlighted, linked or omitted, and whether more follow (BibTeX's ``and
    others``, shown as "et al."); the venue, year and status. The profile
    layout shows them line by line, and the details page shows them all. A
    reference style (pybtex's ``plain``, ``alpha``...) adds ``reference``, the
    whole reference as it formats it with the same names marked inside, shown in
    place of those lines, and ``label`` where it numbers or labels entries.
    """

    key: str
    title: RichText = EMPTY
    authors: tuple[Name, ...] = ()
    more_authors: bool = False
    venue: RichText = EMPTY
    year: str = ""
    forthcoming: bool = False
    abstract: RichText = EMPTY
    reference: RichText = EMPTY
    label: str = ""

    @property
    def listed_authors(self) -> tuple[Name, ...]:
        """The names of the list's author line: all but the omitted ones."""
        return tuple(name for name in self.authors if not name.omitted)


@dataclass(frozen=True)
class FormatOptions:
    """Choices that shape every entry of one list."""

    highlight: NameMatcher
    omit: NameMatcher
    name_format: NameFormat = "first-last"
    abstracts: bool = True
    author_links: NameLookup[str] | None = None
    venue_parts: Collection[str] = VENUE_PARTS


def with_reference(parts: FormattedEntry, reference: RichText, label: str) -> FormattedEntry:
    """``parts`` with a style's formatted ``reference`` and ``label``.

    A note such as "to appear" already in the reference is not shown a second time as a status.
    """
    says_status = FORTHCOMING_NOTE.search(plain_text(reference)) is not None
    return replace(
        parts,
        reference=reference,
        label=label,
        forthcoming=parts.forthcoming and not says_status,
    )
