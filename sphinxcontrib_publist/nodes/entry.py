"""Doctree assembly: formatted entries and groups become publist nodes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from docutils import nodes

from ..bib.badges import Badge
from ..core.pickling import pickled_by_fields
from ..core.richtext import RichText, plain_text
from ..format.entry import FormattedEntry
from . import labels
from .elements import (
    publist_abstract,
    publist_entry,
    publist_group,
    publist_list,
    publist_pending,
)
from .entry_parts import RenderedLink, author_line, badge_nodes, bibtex_block, links_paragraph
from .rich import rich_to_nodes


@dataclass(frozen=True)
class RenderedGroup:
    """A group heading (empty for an ungrouped list) and its entries, in order."""

    heading: str
    value: str
    entries: tuple[FormattedEntry, ...]


@pickled_by_fields
@dataclass(frozen=True)
class EntryExtras:
    """Per-entry data the node layer adds: anchor, title link, script attributes."""

    anchor: str
    title_url: str | None = None
    data: tuple[tuple[str, str], ...] = ()
    links: tuple[RenderedLink, ...] = ()
    badges: tuple[Badge, ...] = ()
    bibtex: str | None = None
    max_authors: int | None = None


def render_list(
    groups: Sequence[RenderedGroup],
    extras: Callable[[FormattedEntry], EntryExtras],
    abstracts: str,
    data: dict[str, str],
) -> publist_list:
    """The node of one whole list."""
    root = publist_list(data=data)
    if not any(group.entries for group in groups):
        root += nodes.paragraph("", labels.no_publications(), classes=["publist-empty"])
        return root
    for group in groups:
        container = publist_group(data={"group": group.value} if group.heading else {})
        if group.heading:
            container += nodes.rubric(
                group.heading, group.heading, classes=["publist-group-heading"]
            )
        items = nodes.bullet_list(classes=["publist-entries"])
        items.extend(pending_entry(entry, extras(entry), abstracts) for entry in group.entries)
        container += items
        root += container
    return root


def pending_entry(entry: FormattedEntry, extra: EntryExtras, abstracts: str) -> publist_pending:
    """A placeholder holding the formatted entry; expanded into nodes at write time.

    A list of thousands of entries would otherwise be tens of thousands of nodes
    that every read-time transform walks and the pickled doctree stores.
    """
    return publist_pending(ids=[extra.anchor], entry=entry, extra=extra, abstracts=abstracts)


def render_entry(entry: FormattedEntry, extra: EntryExtras, abstracts: str) -> publist_entry:
    """The node of one entry: title, authors, venue line, abstract."""
    node = publist_entry(ids=[extra.anchor], data=dict(extra.data))
    citation = _with_badges(_citation(entry), extra.badges) if entry.citation else None
    if citation is not None:
        node += citation
    else:
        if entry.title:
            node += _title(entry.title, extra.title_url)
        if entry.authors:
            node += author_line(entry.authors, extra.max_authors)
        venue_line = _with_badges(_venue_line(entry), extra.badges)
        if venue_line:
            node += venue_line
    links = links_paragraph(extra.links)
    if links:
        node += links
    if entry.abstract and abstracts != "hidden":
        node += _abstract(entry.abstract, expanded=abstracts == "expanded")
    if extra.bibtex:
        node += bibtex_block(extra.bibtex)
    return node


def entry_search_text(entry: FormattedEntry, abstracts: str) -> str:
    """The words an entry shows, for a site search index that never sees its nodes."""
    parts = [
        entry.label,
        plain_text(entry.citation),
        plain_text(entry.title),
        *(author.name for author in entry.authors),
        plain_text(entry.venue),
        entry.year,
        labels.to_appear() if entry.forthcoming else "",
    ]
    if abstracts != "hidden":
        parts.append(plain_text(entry.abstract))
    return " ".join(part for part in parts if part)


def _with_badges(
    paragraph: nodes.paragraph | None, badges: Sequence[Badge]
) -> nodes.paragraph | None:
    if not badges:
        return paragraph
    if paragraph is None:
        paragraph = nodes.paragraph(classes=["publist-meta"])
    parts = badge_nodes(badges)
    paragraph.extend(parts if len(paragraph) else parts[1:])
    return paragraph


def _citation(entry: FormattedEntry) -> nodes.paragraph:
    paragraph = nodes.paragraph(classes=["publist-citation"])
    if entry.label:
        label = f"[{entry.label}]"
        paragraph += nodes.inline(label, label, classes=["publist-label"])
        paragraph += nodes.Text(" ")
    paragraph.extend(rich_to_nodes(entry.citation))
    return paragraph


def _title(title: RichText, url: str | None) -> nodes.paragraph:
    paragraph = nodes.paragraph(classes=["publist-title"])
    content = rich_to_nodes(title)
    if url:
        paragraph += nodes.reference("", "", *content, refuri=url, internal=False)
    else:
        paragraph.extend(content)
    return paragraph


def _venue_line(entry: FormattedEntry) -> nodes.paragraph | None:
    paragraph = nodes.paragraph(classes=["publist-meta"])
    if entry.venue:
        paragraph += nodes.inline("", "", *rich_to_nodes(entry.venue), classes=["publist-venue"])
    if entry.year:
        if entry.venue:
            paragraph += nodes.Text(" ")
        year = f"({entry.year})"
        paragraph += nodes.inline(year, year, classes=["publist-year"])
    if entry.forthcoming:
        if len(paragraph):
            paragraph += nodes.Text(" ")
        status = labels.to_appear()
        paragraph += nodes.inline(
            status,
            status,
            classes=["publist-status", "publist-badge", "publist-badge-to-appear"],
        )
    return paragraph if len(paragraph) else None


def _abstract(abstract: RichText, expanded: bool) -> publist_abstract:
    node = publist_abstract(summary=labels.preview_abstract(), expanded=expanded)
    label = labels.abstract_label()
    node += nodes.paragraph("", "", nodes.strong(label, label), classes=["publist-abstract-label"])
    node += nodes.paragraph("", "", *rich_to_nodes(abstract), classes=["publist-abstract-body"])
    return node
