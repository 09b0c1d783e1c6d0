"""Format stage: the profile-page style, as the seed page shows an entry."""

from __future__ import annotations

from ..bib.model import Person, Publication
from ..bib.names import display_name
from ..core.richtext import EMPTY, Name, RichText, text
from .entry import FormatOptions, FormattedEntry
from .venue import compose_venue


def format_default(publication: Publication, options: FormatOptions) -> FormattedEntry:
    """The profile-page style: title, co-authors, venue (with its parts) and year, abstract.

    Every style starts from these parts, which the details page shows.
    """
    people = publication.authors or publication.editors
    more = publication.more_authors if publication.authors else publication.more_editors
    return FormattedEntry(
        key=publication.key,
        title=publication.title or _stand_in_title(publication),
        authors=tuple(marked_name(person, options) for person in people),
        more_authors=more,
        venue=compose_venue(publication, options.venue_parts),
        year=str(publication.year) if publication.year is not None else "",
        forthcoming=publication.forthcoming,
        abstract=publication.abstract if options.abstracts else EMPTY,
    )


def _stand_in_title(publication: Publication) -> RichText:
    # An entry with no title, people or venue (xampl.bib's misc-minimal) would be
    # a blank item: its note says what it is, else its key names it.
    if publication.authors or publication.editors or publication.venue:
        return EMPTY
    return text(publication.fields.get("note", "").strip() or publication.key)


def marked_name(person: Person, options: FormatOptions, text: str | None = None) -> Name:
    """``person``'s name (as ``text``, or in the list's name format) with the list's marks."""
    links = options.author_links
    return Name(
        display_name(person, options.name_format) if text is None else text,
        highlighted=options.highlight.matches(person),
        url=links.get(person) if links else None,
        omitted=options.omit.matches(person),
        marks=person.marks,
    )
