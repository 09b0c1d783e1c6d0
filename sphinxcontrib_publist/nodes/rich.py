"""Rich text as docutils nodes: text stays text, so every writer escapes it."""

from __future__ import annotations

from docutils import nodes

from ..core.richtext import Inline, Link, Math, RichText, Text

STYLE_NODES: dict[str, type[nodes.TextElement]] = {
    "emph": nodes.emphasis,
    "strong": nodes.strong,
    "code": nodes.literal,
    "sup": nodes.superscript,
    "sub": nodes.subscript,
}


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
