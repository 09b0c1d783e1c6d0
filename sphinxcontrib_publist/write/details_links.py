"""Write stage: each entry's "View details" link and COinS, for the builder at hand."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..environment import page_available, pages_supported
from ..nodes.details import DETAILS_ATTRIBUTE, ListDetails, list_details
from ..nodes.elements import publist_list, publist_pending
from ..nodes.entry import EntryLinks
from ..nodes.pending import LINKS_ATTRIBUTE

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def note_details_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Tell each pending entry its "View details" link and COinS, in HTML only.

    It runs before the entries are expanded (``expand.py``), which calls
    ``add_details`` on each one.
    """
    for root in doctree.findall(publist_list):
        details = list_details(root)
        if details is None:
            continue
        # The data has served once written; writers must not serialise it.
        del root[DETAILS_ATTRIBUTE]
        if app.builder.format == "html":
            _note_on_entries(app, root, details, docname)


def _note_on_entries(app: Sphinx, root: publist_list, details: ListDetails, docname: str) -> None:
    pages = pages_supported(app.builder)
    by_anchor = {entry.anchor: entry for entry in details.entries}
    for pending in root.findall(publist_pending):
        entry = by_anchor.get(pending["ids"][0])
        if entry is None:
            continue
        page = entry.page if pages and page_available(app.env, entry.page) else ""
        target = app.builder.get_relative_uri(docname, page) if page else entry.fallback
        show_link = details.mode != "none" and bool(target)
        pending[LINKS_ATTRIBUTE] = EntryLinks(target, bool(page), show_link, entry.coins)
