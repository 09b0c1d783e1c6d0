"""Pending entries: a formatted entry stored in the doctree, expanded into nodes when written.

A list of thousands of entries would otherwise be tens of thousands of nodes
that every read-time transform walks and the pickled doctree stores. Writers
that know ``publist_pending`` expand each entry while writing it and drop its
nodes right after.
"""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes
from sphinx.writers.text import TextTranslator

from ..core.pickling import pickled_by_fields
from . import labels
from .elements import publist_coins, publist_entry, publist_pending
from .entry import render_entry
from .entry_parts import copy_download_files, spell_out_links

LINKS_ATTRIBUTE = "publist_links"


@pickled_by_fields
@dataclass(frozen=True)
class EntryLinks:
    """What one entry gets when written: a details link, its target, its COinS."""

    target: str
    internal: bool
    show_link: bool
    coins: str


def expanded(pending: publist_pending) -> nodes.Element:
    """The nodes of one pending entry, with the download files Sphinx collected."""
    entry = render_entry(pending["entry"], pending["extra"], pending["abstracts"])
    # Outside HTML a tabbed list repeats entries, and only the first keeps its id.
    entry["ids"] = list(pending["ids"])
    copy_download_files(pending, entry)
    add_details(entry, pending.get(LINKS_ATTRIBUTE))
    return entry


def visit_pending(self: object, node: publist_pending) -> None:
    """Swap in the entry's nodes; the writer then walks them as usual."""
    entry = expanded(node)
    if isinstance(self, TextTranslator):
        spell_out_links(entry)
    del node[:]
    node += entry


def depart_pending(self: object, node: publist_pending) -> None:
    """Drop the nodes just written."""
    del node[:]


def add_details(node: publist_entry, links: EntryLinks | None) -> None:
    """Add an expanded entry's details link, title link and COinS, if it has them."""
    if links is None:
        return
    if links.show_link:
        label = labels.view_details()
        link = nodes.reference(label, label, refuri=links.target, internal=links.internal)
        node += nodes.paragraph("", "", link, classes=["publist-details-link"])
    if links.internal:
        _link_title(node, links.target)
    node += publist_coins(coins=links.coins)


def _link_title(entry: nodes.Element, target: str) -> None:
    for title in entry.findall(nodes.paragraph):
        if "publist-title" not in title["classes"]:
            continue
        existing = next(iter(title.findall(nodes.reference)), None)
        if existing is not None and existing.parent is title:
            existing["refuri"] = target
            existing["internal"] = True
        else:
            children = list(title.children)
            title.clear()
            title += nodes.reference("", "", *children, refuri=target, internal=True)
        return
