"""Format stage: styles turn a ``Publication`` into the parts a reader sees."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .bib.model import Publication
from .bib.names import NameFormat, NameLookup, NameMatcher, display_name
from .core.diagnostics import Diagnostic
from .core.pickling import pickled_by_fields
from .core.richtext import EMPTY, RichText

DEFAULT_STYLE = "default"


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


def format_default(publication: Publication, options: FormatOptions) -> FormattedEntry:
    """The profile-page style: title, co-authors, venue and year, abstract."""
    people = publication.authors or publication.editors
    links = options.author_links
    authors = tuple(
        AuthorName(
            display_name(person, options.name_format),
            options.highlight.matches(person),
            links.get(person) if links else None,
        )
        for person in people
        if not options.omit.matches(person)
    )
    return FormattedEntry(
        key=publication.key,
        title=publication.title,
        authors=authors,
        venue=publication.venue,
        year=str(publication.year) if publication.year is not None else "",
        forthcoming=publication.forthcoming,
        abstract=publication.abstract if options.abstracts else EMPTY,
    )


def format_entries(
    publications: Sequence[Publication], style: str, options: FormatOptions
) -> tuple[list[FormattedEntry], list[Diagnostic]]:
    """Format ``publications`` (already in display order) with ``style``."""
    if style == DEFAULT_STYLE:
        return [format_default(publication, options) for publication in publications], []
    from .pybtex_styles import format_with_pybtex

    return format_with_pybtex(publications, style, options, format_default)
