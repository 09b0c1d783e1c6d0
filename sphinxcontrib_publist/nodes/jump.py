"""Jump bar node: a grouped list's links to its group headings, in HTML only.

Plain anchor links in a ``<nav>``, so they work without the script; paper and
plain text have the whole list in order and no use for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from docutils import nodes

from . import labels
from .elements import publist_jump

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator


def jump_node(links: Sequence[tuple[str, str]]) -> publist_jump:
    """The bar linking to each (id, label) of ``links``."""
    return publist_jump(
        links=[[anchor, label] for anchor, label in links], label=labels.jump_label()
    )


def visit_jump_html(self: HTML5Translator, node: publist_jump) -> None:
    """A ``<nav>`` holding a list of links, named by the node's label."""
    self.body.append(
        self.starttag(node, "nav", CLASS="publist-jump", **{"aria-label": node["label"]})
    )
    self.body.append('<ul class="publist-jump-links">\n')
    # A paged list's links say on which page their group starts.
    for anchor, label, *href in node["links"]:
        link = self.starttag(nodes.Element(), "a", "", href=href[0] if href else f"#{anchor}")
        self.body.append(f"<li>{link}{self.encode(label)}</a></li>\n")
    self.body.append("</ul>\n</nav>\n")
    raise nodes.SkipNode
