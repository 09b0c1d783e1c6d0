"""Nodes for an entry's BibTeX block, badges, folded authors and a list's .bib download.

HTML gets native ``<details>`` toggles and ``<span>`` badges; the other builders
print what a reader of paper needs: the BibTeX as a labelled literal block, badges
as ``[bracketed]`` text, a long author line cut to its visible names with "and N
more", and no download link (there is no file to fetch from a PDF or man page).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from .nodes import HIDDEN, WRAPPER, add_node, render_as

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


class publist_bibtex(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """An entry's BibTeX: a label paragraph, then a ``literal_block``."""


class publist_authors(nodes.Part, nodes.Element):  # noqa: N801
    """A folded author line: a ``<div>`` in HTML, since ``<details>`` cannot sit in a ``<p>``."""


class publist_more_authors(nodes.Inline, nodes.Element):  # noqa: N801
    """The folded names: first child says "and N more", the second holds the names."""


class publist_badge(nodes.Inline, nodes.TextElement):  # noqa: N801
    """A status badge; its text child is the ``[bracketed]`` form other builders print."""


class publist_download(nodes.General, nodes.Element):  # noqa: N801
    """A list's .bib file (``bibtex``, ``docname``), replaced by a link when written."""


def visit_bibtex_html(self: HTML5Translator, node: publist_bibtex) -> None:
    """Open a ``<details>`` whose summary is the BibTeX label; the script adds a copy button."""
    attributes = {
        "CLASS": "publist-bibtex",
        "data-publist-copy": node["copy_label"],
        "data-publist-copied": node["copied_label"],
    }
    if node.get("expanded"):
        attributes["open"] = "open"
    self.body.append(self.starttag(node, "details", **attributes))
    summary = self.starttag(nodes.Element(), "summary", "", CLASS="publist-bibtex-summary")
    self.body.append(summary + self.encode(node["summary"]) + "</summary>\n")
    # The first child is the label other builders print; here the summary says it.
    for child in node.children[1:]:
        child.walkabout(self)
    self.body.append("</details>\n")
    raise nodes.SkipNode


def visit_authors_html(self: HTML5Translator, node: publist_authors) -> None:
    """Open the author line's ``<div>``."""
    self.body.append(self.starttag(node, "div", CLASS="publist-authors"))


def depart_authors_html(self: HTML5Translator, node: publist_authors) -> None:
    """Close the author line's ``<div>``."""
    self.body.append("</div>\n")


def visit_more_authors_html(self: HTML5Translator, node: publist_more_authors) -> None:
    """Fold the names into a ``<details>``: expandable by keyboard, without script."""
    summary_node, names = node.children
    self.body.append(self.starttag(node, "details", CLASS="publist-more-authors"))
    self.body.append(self.starttag(nodes.Element(), "summary", "", CLASS="publist-more-summary"))
    self.body.append(self.encode(summary_node.astext().strip()) + "</summary>")
    names.walkabout(self)
    self.body.append("</details>")
    raise nodes.SkipNode


def visit_more_authors_other(self: Any, node: publist_more_authors) -> None:
    """Print only "and N more": paper cannot expand."""
    node.children[0].walkabout(self)
    raise nodes.SkipNode


def visit_badge_html(self: HTML5Translator, node: publist_badge) -> None:
    """A ``<span>`` badge with the bare label."""
    kind = node["kind"]
    self.body.append(
        self.starttag(node, "span", "", CLASS=f"publist-badge publist-badge-{kind}")
        + self.encode(node["label"])
        + "</span>"
    )
    raise nodes.SkipNode


def register(app: Sphinx) -> None:
    """Add the nodes with one visitor pair per builder family."""
    add_node(app, publist_bibtex, (visit_bibtex_html, None), WRAPPER)
    add_node(
        app, publist_authors, (visit_authors_html, depart_authors_html), render_as("paragraph")
    )
    add_node(
        app, publist_more_authors, (visit_more_authors_html, None), (visit_more_authors_other, None)
    )
    add_node(app, publist_badge, (visit_badge_html, None), WRAPPER)
    add_node(app, publist_download, HIDDEN, HIDDEN)
