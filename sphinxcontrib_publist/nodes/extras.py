"""An entry's extras: its links (labelled, local files made downloads), badges and BibTeX."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from ..bib.badges import asks_for_bibtex, entry_badges
from ..bib.links import EntryLink, entry_links
from ..bib.model import Publication
from ..format.bibtex import entry_to_bibtex
from . import labels
from .entry import EntryExtras
from .entry_parts import RenderedLink

# A relative URL and its entry's bib file -> the source file it names, if any.
LocalFiles = Callable[[str, str], "str | None"]


@dataclass(frozen=True)
class ExtrasSettings:
    """One list's settings for its entries' extras."""

    link_fields: Mapping[str, str]
    citation_field: str | None
    bibtex: bool
    bibtex_fields: Collection[str] | None
    bibtex_exclude: Collection[str]
    max_authors: int | None


def entry_extras(
    publication: Publication,
    anchor: str,
    settings: ExtrasSettings,
    local_file: LocalFiles,
    ranks: tuple[int, ...] = (),
    tabs: tuple[int, ...] | None = None,
    shown_urls: Collection[str] = (),
    facets: tuple[tuple[int, ...], ...] = (),
) -> EntryExtras:
    """What ``publication`` shows beside its formatted parts, and its place in the controls.

    A link to one of ``shown_urls``, which the formatted text already links to, is left out.
    """
    bibtex = None
    if settings.bibtex or asks_for_bibtex(publication):
        bibtex = entry_to_bibtex(publication, settings.bibtex_fields, settings.bibtex_exclude)
    links = entry_links(publication, settings.link_fields)
    return EntryExtras(
        anchor=anchor,
        title_url=publication.url,
        links=tuple(
            _rendered(link, publication, local_file) for link in links if link.url not in shown_urls
        ),
        badges=entry_badges(publication, settings.citation_field),
        bibtex=bibtex,
        max_authors=settings.max_authors,
        ranks=ranks,
        tabs=tabs,
        facets=facets,
    )


def _rendered(link: EntryLink, publication: Publication, local_file: LocalFiles) -> RenderedLink:
    label = labels.link_label(link.label_key)
    target = local_file(link.url, publication.source) if link.is_local else None
    if target is None:
        return RenderedLink(link.kind, label, link.url)
    return RenderedLink(link.kind, label, target, download=True)
