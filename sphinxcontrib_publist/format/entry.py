"""Format stage: the record every style returns for an entry, and the choices shaping it."""

from __future__ import annotations

from dataclasses import dataclass

from ..bib.names import NameFormat, NameLookup, NameMatcher
from ..core.pickling import pickled_by_fields
from ..core.richtext import EMPTY, RichText


@pickled_by_fields
@dataclass(frozen=True)
class AuthorName:
    """One name on the author line."""

    name: str
    highlighted: bool = False
    url: str | None = None


@pickled_by_fields
@dataclass(frozen=True)
class FormattedEntry:
    """What one list entry shows; empty parts are simply not rendered.

    Styles from pybtex fill ``citation`` (the whole formatted reference) and
    ``label``; the default style fills the separate parts, as a profile page does.
    """

    key: str
    title: RichText = EMPTY
    authors: tuple[AuthorName, ...] = ()
    venue: RichText = EMPTY
    year: str = ""
    forthcoming: bool = False
    abstract: RichText = EMPTY
    citation: RichText = EMPTY
    label: str = ""


@dataclass(frozen=True)
class FormatOptions:
    """Choices that shape every entry of one list."""

    highlight: NameMatcher
    omit: NameMatcher
    name_format: NameFormat = "first-last"
    abstracts: bool = True
    author_links: NameLookup[str] | None = None
