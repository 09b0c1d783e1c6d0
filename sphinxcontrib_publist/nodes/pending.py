"""Pending entries: a formatted entry stored in the doctree, expanded into nodes when written.

A list of thousands of entries would otherwise be tens of thousands of nodes
that every read-time transform walks and the pickled doctree stores. Writers
that know ``publist_pending`` expand each entry while writing it and drop its
nodes right after.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.latex import LaTeXTranslator
from sphinx.writers.texinfo import TexinfoTranslator
from sphinx.writers.text import TextTranslator

from .elements import publist_pending
from .entry import render_entry
from .entry_parts import copy_download_files, spell_out_links

LINKS_ATTRIBUTE = "publist_links"


def expanded(pending: publist_pending) -> nodes.Element:
    """The nodes of one pending entry, with the download files Sphinx collected."""
    links = pending.get(LINKS_ATTRIBUTE)
    entry = render_entry(pending["entry"], pending["extra"], pending["abstracts"], links)
    # The entry keeps the ids the document knows it by, its pending node's.
    entry["ids"] = list(pending["ids"])
    copy_download_files(pending, entry)
    return entry


def visit_pending(self: object, node: publist_pending) -> None:
    """Swap in the entry's nodes; the writer then walks them as usual."""
    entry = expanded(node)
    if isinstance(self, TextTranslator):
        spell_out_links(entry)
    if isinstance(self, (LaTeXTranslator, TexinfoTranslator)):
        # Their list items drop ids: a target keeps the entry's anchor, which ``pub`` links to.
        entry.insert(0, nodes.target("", "", ids=list(entry["ids"])))
    del node[:]
    node += entry


def depart_pending(self: object, node: publist_pending) -> None:
    """Drop the nodes just written."""
    del node[:]
