"""Rich text as docutils nodes: text stays text, so every writer escapes it."""

from __future__ import annotations

from docutils import nodes

from ..core.richtext import (
    Break,
    DisplayMath,
    Inline,
    Link,
    Listing,
    Math,
    Name,
    RichText,
    Text,
    plain_text,
)

# Display math on one line, where a title or another line holds it.
INLINE_ENVIRONMENTS = {
    "align*": "aligned",
    "flalign*": "aligned",
    "eqnarray*": "aligned",
    "alignat*": "aligned",
    "gather*": "gathered",
    "multline*": "gathered",
}

STYLE_NODES: dict[str, type[nodes.TextElement]] = {
    "emph": nodes.emphasis,
    "strong": nodes.strong,
    "code": nodes.literal,
    "sup": nodes.superscript,
    "sub": nodes.subscript,
}


def rich_to_nodes(rich: RichText) -> list[nodes.Node]:
    """Docutils nodes for rich text on one line (blocks too: a title may hold display math)."""
    shown: list[nodes.Node] = []
    for number, item in enumerate(rich):
        block = isinstance(item, (Break, DisplayMath, Listing))
        # Blocks come without the spaces around them, which a line needs.
        if block and shown:
            shown.append(nodes.Text(" "))
        if not isinstance(item, Break):
            shown.append(_inline_to_node(item))
        if block and number + 1 < len(rich) and not isinstance(item, Break):
            shown.append(nodes.Text(" "))
    return shown


def rich_to_blocks(rich: RichText, classes: list[str]) -> list[nodes.Element]:
    """Rich text as paragraphs (each with ``classes``), displayed math and lists."""
    blocks: list[nodes.Element] = []
    run: list[Inline] = []

    def end_paragraph() -> None:
        if run and (plain_text(tuple(run)).strip() or not all(isinstance(i, Text) for i in run)):
            blocks.append(nodes.paragraph("", "", *rich_to_nodes(tuple(run)), classes=classes))
        run.clear()

    for item in rich:
        if isinstance(item, (Break, DisplayMath, Listing)):
            end_paragraph()
            if isinstance(item, DisplayMath):
                blocks.append(_display_math(item))
            elif isinstance(item, Listing):
                blocks.append(_list(item, classes))
        else:
            run.append(item)
    end_paragraph()
    return blocks


def _display_math(item: DisplayMath) -> nodes.math_block:
    if not item.environment:
        return nodes.math_block(item.latex, item.latex, nowrap=False, number=None)
    # Typeset in its own environment, which neither MathJax nor LaTeX wraps again.
    source = f"\\begin{{{item.environment}}}\n{item.latex}\n\\end{{{item.environment}}}"
    return nodes.math_block(source, source, nowrap=True, number=None)


def _list(item: Listing, classes: list[str]) -> nodes.Element:
    listing: nodes.Element = (
        nodes.enumerated_list("", enumtype="arabic", prefix="", suffix=".")
        if item.ordered
        else nodes.bullet_list("", bullet="*")
    )
    for entry in item.items:
        listing += nodes.list_item("", *rich_to_blocks(entry, classes))
    return listing


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
    if isinstance(item, DisplayMath):
        latex = _inline_display(item)
        return nodes.math(latex, latex)
    if isinstance(item, Listing):
        return nodes.inline("", "", *_inline_items(item))
    if isinstance(item, Name):
        return name_node(item)
    if isinstance(item, Break):
        return nodes.Text(" ")
    children = rich_to_nodes(item.children)
    if isinstance(item, Link):
        return nodes.reference("", "", *children, refuri=item.url, internal=False)
    node_class = STYLE_NODES.get(item.style)
    if node_class is None:
        return nodes.inline("", "", *children, classes=[f"publist-{item.style}"])
    return node_class("", "", *children)


def _inline_display(item: DisplayMath) -> str:
    inner = INLINE_ENVIRONMENTS.get(item.environment)
    if inner is None:
        return item.latex
    return f"\\begin{{{inner}}}{item.latex}\\end{{{inner}}}"


def _inline_items(item: Listing) -> list[nodes.Node]:
    # A list where only a line can be: its items one after the other, as "1. a 2. b".
    shown: list[nodes.Node] = []
    for number, entry in enumerate(item.items, start=1):
        shown.append(nodes.Text(f"{number}. " if item.ordered else "\u2022 "))
        shown.extend(rich_to_nodes(entry))
        shown.append(nodes.Text(" "))
    return shown
