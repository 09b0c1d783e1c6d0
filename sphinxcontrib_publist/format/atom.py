"""Export stage: an Atom 1.0 feed of a list's newest entries (RFC 4287).

Nothing in the feed depends on when it was built: each entry's ``updated`` is
its publication date, the feed's is its newest entry's, and ids are the
entries' own URLs, so an unchanged list gives the same bytes and readers see
no entry twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from ..bib.model import Publication
from .scholar import readable

ATOM_NS = "http://www.w3.org/2005/Atom"
# Undated entries need a date too: the earliest RFC 3339 allows them, so they sort oldest.
NO_DATE = "0001-01-01T00:00:00Z"


@dataclass(frozen=True)
class FeedInfo:
    """The feed's own facts: its absolute URL, the list page's, title and author."""

    url: str
    page_url: str
    title: str
    author: str


def newest(publications: Sequence[Publication], count: int) -> list[Publication]:
    """The ``count`` newest entries, newest first; undated last; ties by key."""
    by_key = sorted(publications, key=lambda publication: publication.key)
    dated = sorted(by_key, key=lambda publication: publication.date_key, reverse=True)
    return dated[:count]


def entry_date(publication: Publication) -> str:
    """The entry's date as an RFC 3339 timestamp, unknown month and day taken as the first."""
    if publication.year is None or publication.year < 1:
        return NO_DATE
    month, day = publication.month or 1, publication.day or 1
    return f"{publication.year:04d}-{month:02d}-{day:02d}T00:00:00Z"


def atom_feed(
    info: FeedInfo, publications: Sequence[Publication], link_of: Callable[[Publication], str]
) -> str:
    """The feed's XML; ``link_of`` gives each entry's absolute URL, also its id."""
    # Names stay unqualified under a default namespace, as feeds are usually written.
    feed = ET.Element("feed", xmlns=ATOM_NS)
    _text(feed, "id", info.url)
    _text(feed, "title", info.title)
    dates = [entry_date(publication) for publication in publications]
    _text(feed, "updated", max(dates, default=NO_DATE))
    ET.SubElement(feed, "link", rel="self", href=info.url)
    ET.SubElement(feed, "link", rel="alternate", type="text/html", href=info.page_url)
    # A feed-level author makes every entry valid, including those without authors.
    author = ET.SubElement(feed, "author")
    _text(author, "name", info.author)
    for publication, date in zip(publications, dates, strict=True):
        feed.append(_entry(publication, date, link_of(publication)))
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'


def _entry(publication: Publication, date: str, url: str) -> ET.Element:
    entry = ET.Element("entry")
    _text(entry, "id", url)
    _text(entry, "title", readable(publication.title) or publication.key)
    _text(entry, "updated", date)
    ET.SubElement(entry, "link", rel="alternate", type="text/html", href=url)
    for person in publication.authors:
        author = ET.SubElement(entry, "author")
        _text(author, "name", " ".join(part for part in (person.given, person.family) if part))
    summary = ", ".join(
        part for part in (readable(publication.venue), str(publication.year or "")) if part
    )
    if summary:
        _text(entry, "summary", summary)
    return entry


def _text(parent: ET.Element, name: str, text: str) -> None:
    ET.SubElement(parent, name).text = text
