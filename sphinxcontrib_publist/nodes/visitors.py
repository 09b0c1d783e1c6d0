"""How the writers render our nodes: HTML markup, and what paper needs elsewhere."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from .elements import (
    publist_abstract,
    publist_authors,
    publist_badge,
    publist_bibtex,
    publist_coins,
    publist_details_link,
    publist_entry,
    publist_group,
    publist_list,
    publist_more_authors,
)

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator


def _data_attributes(node: nodes.Element) -> dict[str, Any]:
    data: dict[str, object] = node.get("data", {})
    return {f"data-publist-{name}": str(value) for name, value in data.items()}


def visit_list_html(self: HTML5Translator, node: publist_list) -> None:
    """Open the list's ``<div>`` with its data attributes."""
    self.body.append(self.starttag(node, "div", CLASS="publist", **_data_attributes(node)))


def visit_group_html(self: HTML5Translator, node: publist_group) -> None:
    """Open a group's ``<div>``."""
    self.body.append(self.starttag(node, "div", CLASS="publist-group", **_data_attributes(node)))


def depart_div_html(self: HTML5Translator, node: nodes.Element) -> None:
    """Close a ``<div>``."""
    self.body.append("</div>\n")


def visit_entry_html(self: HTML5Translator, node: publist_entry) -> None:
    """Open an entry's ``<li>`` with its data attributes."""
    self.body.append(self.starttag(node, "li", CLASS="publist-entry", **_data_attributes(node)))


def depart_entry_html(self: HTML5Translator, node: publist_entry) -> None:
    """Close an entry's ``<li>``."""
    self.body.append("</li>\n")


def visit_abstract_html(self: HTML5Translator, node: publist_abstract) -> None:
    """Render a native ``<details>`` toggle: keyboard-accessible without any script."""
    attributes: dict[str, Any] = {"CLASS": "publist-abstract"}
    if node.get("expanded"):
        attributes["open"] = "open"
    self.body.append(self.starttag(node, "details", **attributes))
    summary = self.starttag(nodes.Element(), "summary", "", CLASS="publist-abstract-summary")
    self.body.append(summary + self.encode(node["summary"]) + "</summary>\n")
    self.body.append(self.starttag(nodes.Element(), "div", CLASS="publist-abstract-text"))
    # The first child is the "Abstract:" label other builders print; here the
    # summary says it.
    for child in node.children[1:]:
        child.walkabout(self)
    self.body.append("</div>\n</details>\n")
    raise nodes.SkipNode


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
    # No newline after the tag: unfolded, it would show as a space before the names.
    self.body.append(self.starttag(node, "details", "", CLASS="publist-more-authors"))
    self.body.append(self.starttag(nodes.Element(), "summary", "", CLASS="publist-more-summary"))
    self.body.append(self.encode(summary_node.astext()) + "</summary>")
    names.walkabout(self)
    self.body.append("</details>")
    raise nodes.SkipNode


def visit_more_authors_other(self: Any, node: publist_more_authors) -> None:
    """Print only "and N more": paper cannot expand."""
    node.children[0].walkabout(self)
    raise nodes.SkipNode


def visit_badge_html(self: HTML5Translator, node: publist_badge) -> None:
    """A ``<span>`` badge with the label, without the brackets other builders print."""
    kind = node["kind"]
    self.body.append(self.starttag(node, "span", "", CLASS=f"publist-badge publist-badge-{kind}"))
    for child in node.children[1:-1]:
        child.walkabout(self)
    self.body.append("</span>")
    raise nodes.SkipNode


def visit_coins_html(self: HTML5Translator, node: publist_coins) -> None:
    """An empty ``span.Z3988`` whose ``title`` reference managers read."""
    self.body.append(self.starttag(node, "span", "", CLASS="Z3988", title=node["coins"]))
    self.body.append("</span>")
    raise nodes.SkipNode


def visit_details_link_html(self: HTML5Translator, node: publist_details_link) -> None:
    """A link kept for the eye and for screen readers, left out of the tab order."""
    attributes = {"href": node["refuri"], "tabindex": "-1", "CLASS": "reference internal"}
    self.body.append(self.starttag(node, "a", "", **attributes))
    self.body.append(self.encode(node.astext()) + "</a>")
    raise nodes.SkipNode
