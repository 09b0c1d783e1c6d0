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

from ..nodes.elements import publist_pending
from ..nodes.entry import entry_search_text
from ..nodes.pending import expanded
from ..nodes.registry import NON_HTML_FORMATS

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

    def run(self, **kwargs: Any) -> None:
        """Expand every entry of the document."""
        expand_all(self.document)


class ExpandForShownUrls(SphinxPostTransform):
    """Expand before LaTeX's ``latex_show_urls`` spells out link targets (at 400)."""

    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        """Expand every entry of the document when URLs are to be shown."""
        if self.config.latex_show_urls not in (False, "no"):
            expand_all(self.document)
