"""Rich text as docutils nodes: text stays text, so every writer escapes it."""

from __future__ import annotations

from docutils import nodes

from ..core.richtext import Inline, Link, Math, Name, RichText, Text

STYLE_NODES: dict[str, type[nodes.TextElement]] = {
    "emph": nodes.emphasis,
    "strong": nodes.strong,
    "code": nodes.literal,
    "sup": nodes.superscript,
    "sub": nodes.subscript,
}


def rich_to_nodes(rich: RichText) -> list[nodes.Node]:
    """Docutils nodes for rich text."""
    return [_inline_to_node(item) for item in rich]


def name_node(name: Name) -> nodes.Node:
    """A name, in bold when it is the list's owner and linked to its page if it has one.

    Every style's names come here, on the author line and inside a formatted reference.
    """
    node: nodes.Node = nodes.Text(name.text)
    if name.highlighted:
        node = nodes.strong(name.text, name.text, classes=["publist-me"])
    if name.url:
        node = nodes.reference(
            "", "", node, refuri=name.url, internal=False, classes=["publist-author-link"]
        )
    if not name.marks:
        return node
    marks = nodes.superscript(name.marks, name.marks, classes=["publist-author-marks"])
    return nodes.inline("", "", node, marks, classes=["publist-author"])


def _inline_to_node(item: Inline) -> nodes.Node:
    if isinstance(item, Text):
        return nodes.Text(item.value)
    if isinstance(item, Math):
        return nodes.math(item.latex, item.latex)
    if isinstance(item, Name):
        return name_node(item)
    children = rich_to_nodes(item.children)
    if isinstance(item, Link):
        return nodes.reference("", "", *children, refuri=item.url, internal=False)
    node_class = STYLE_NODES.get(item.style)
    if node_class is None:
        return nodes.inline("", "", *children, classes=[f"publist-{item.style}"])
    return node_class("", "", *children)
