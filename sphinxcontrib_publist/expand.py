"""Write-time expansion of formatted entries into ordinary doctree nodes.

Writers that know ``publist_pending`` expand each entry while they write it
and drop its nodes right after, so a list of thousands of entries never exists
as one full tree: that is most of a large build's peak memory. Other builders
get the full tree once the document is resolved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.text import TextTranslator

from .details import LINKS_ATTRIBUTE, add_details
from .entry_parts import copy_download_files, spell_out_links
from .nodes import NON_HTML_FORMATS, add_node, publist_pending
from .render import entry_search_text, render_entry

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

# The epub builder adds visible link targets to the doctree after the
# post-transforms, so it must see every entry's links in the tree.
FULL_TREE_BUILDERS = frozenset({"epub"})
STREAMING_FORMATS = frozenset({"html", *NON_HTML_FORMATS})


def streams(builder: Builder) -> bool:
    """Whether ``builder``'s writer expands pending entries itself, one at a time."""
    return builder.format in STREAMING_FORMATS and builder.name not in FULL_TREE_BUILDERS


def prepare_for_writer(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Give each entry its search words, or replace it by its nodes for other builders.

    It runs once Sphinx's post-transforms are done, so they walk the small tree.
    """
    if not streams(app.builder):
        expand_all(doctree)
    elif app.builder.format == "html":
        # The search indexer reads the tree before it is written.
        for pending in doctree.findall(publist_pending):
            pending += nodes.Text(entry_search_text(pending["entry"], pending["abstracts"]))


def expand_all(doctree: nodes.Element) -> None:
    """Replace every pending entry of ``doctree`` by its nodes."""
    for pending in list(doctree.findall(publist_pending)):
        pending.replace_self(expanded(pending))


class ExpandForLinkcheck(SphinxPostTransform):
    """Expand before the link checker collects the document's links (at 800)."""

    builders = ("linkcheck",)
    default_priority = 790

    def run(self, **kwargs: Any) -> None:
        """Expand every entry of the document."""
        expand_all(self.document)


class ExpandForShownUrls(SphinxPostTransform):
    """Expand before LaTeX's ``latex_show_urls`` spells out link targets (at 400)."""

    formats = ("latex",)
    default_priority = 390

    def run(self, **kwargs: Any) -> None:
        """Expand every entry of the document when URLs are to be shown."""
        if self.config.latex_show_urls not in (False, "no"):
            expand_all(self.document)


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


def register(app: Sphinx) -> None:
    """Add the expansion: by the writers, by a handler, or before links are collected."""
    app.connect("doctree-resolved", prepare_for_writer, priority=600)
    app.add_post_transform(ExpandForLinkcheck)
    app.add_post_transform(ExpandForShownUrls)
    add_node(app, publist_pending, (visit_pending, depart_pending), (visit_pending, depart_pending))
