"""Format stage: the profile-page style, as the seed page shows an entry."""

from __future__ import annotations

from ..bib.model import Publication
from ..bib.names import display_name
from ..core.richtext import EMPTY
from .entry import AuthorName, FormatOptions, FormattedEntry


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
