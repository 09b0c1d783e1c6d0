"""Custom doctree nodes and their visitors for every builder family."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from .core.richtext import Inline, Link, Math, RichText, Text

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

STYLE_NODES: dict[str, type[nodes.TextElement]] = {
    "emph": nodes.emphasis,
    "strong": nodes.strong,
    "code": nodes.literal,
    "sup": nodes.superscript,
    "sub": nodes.subscript,
}


class publist_list(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """A whole publication list; ``data`` holds ``data-publist-*`` attributes for the script."""


class publist_group(nodes.General, nodes.Element):  # noqa: N801
    """The entries sharing one group value, after their heading."""


class publist_entry(nodes.Part, nodes.Element):  # noqa: N801
    """One publication: an item of the list's bullet list."""


class publist_pending(nodes.General, nodes.Element):  # noqa: N801
    """A formatted entry, turned into nodes only while it is written (see ``expand.py``)."""


class publist_abstract(nodes.General, nodes.Element):  # noqa: N801
    """An abstract: first child is its label paragraph, then the text."""


def rich_to_nodes(rich: RichText) -> list[nodes.Node]:
    """Docutils nodes for rich text; text stays text, so writers escape it."""
    return [_inline_to_node(item) for item in rich]


def _inline_to_node(item: Inline) -> nodes.Node:
    if isinstance(item, Text):
        return nodes.Text(item.value)
    if isinstance(item, Math):
        return nodes.math(item.latex, item.latex)
    children = rich_to_nodes(item.children)
    if isinstance(item, Link):
        return nodes.reference("", "", *children, refuri=item.url, internal=False)
    node_class = STYLE_NODES.get(item.style)
    if node_class is None:
        return nodes.inline("", "", *children, classes=[f"publist-{item.style}"])
    return node_class("", "", *children)


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


def _pass(self: object, node: nodes.Element) -> None:
    """Render nothing for a wrapper: its children render as usual."""


def skip(self: object, node: nodes.Element) -> None:
    """Render nothing, children included."""
    raise nodes.SkipNode


Visitors = tuple[Any, Any]
WRAPPER: Visitors = (_pass, _pass)
HIDDEN: Visitors = (skip, None)


def render_as(name: str) -> Visitors:
    """Visitors that render a node as the writer renders ``name`` nodes."""

    def visit(self: Any, node: nodes.Element) -> None:
        getattr(self, f"visit_{name}")(node)

    def depart(self: Any, node: nodes.Element) -> None:
        getattr(self, f"depart_{name}")(node)

    return visit, depart


NON_HTML_FORMATS = ("latex", "text", "man", "texinfo")


def add_node(app: Sphinx, node: type[nodes.Element], html: Visitors, other: Visitors) -> None:
    """Register ``node`` with ``html`` visitors and ``other`` for every non-HTML writer."""
    others: dict[str, Any] = dict.fromkeys(NON_HTML_FORMATS, other)
    app.add_node(node, html=html, **others)


def register(app: Sphinx) -> None:
    """Add the nodes with one visitor pair per builder family."""
    add_node(app, publist_list, (visit_list_html, depart_div_html), WRAPPER)
    add_node(app, publist_group, (visit_group_html, depart_div_html), WRAPPER)
    add_node(app, publist_entry, (visit_entry_html, depart_entry_html), render_as("list_item"))
    add_node(app, publist_abstract, (visit_abstract_html, None), render_as("block_quote"))
