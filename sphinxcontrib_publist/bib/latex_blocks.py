r"""Model stage: the LaTeX that makes blocks: paragraphs, displayed math, lists.

Abstracts copied from papers keep their ``\\begin{align*}``, ``itemize`` and blank
lines; they become display math, lists and paragraph breaks, never the names of
their environments.
"""

from __future__ import annotations

import re
from typing import Protocol

from ..core.richtext import Break, DisplayMath, Inline, Listing, RichText, Styled, Text
from .latex_scan import (
    ITEM,
    LIST,
    Builder,
    skip_blanks,
    strip_leading_blanks,
    strip_trailing_blanks,
)

# Display-math environments, each typeset unnumbered: a list is no place for
# equation numbers.
DISPLAY_MATH = {
    name + star: name + "*"
    for name in ("equation", "align", "gather", "multline", "flalign", "eqnarray", "alignat")
    for star in ("", "*")
} | {"displaymath": "equation*", "math": ""}
LISTS = {"itemize": False, "enumerate": True, "description": False}
# Environments that only shape their text: their content is shown as it is.
TEXT_ENVIRONMENTS = frozenset(
    ("abstract", "quote", "quotation", "center", "flushleft", "flushright", "small", "footnotesize")
)
BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n[ \t\r\f\v\n]*")
_ENVIRONMENT_NAME = re.compile(r"[ \t]*\{[ \t]*([A-Za-z]+\*?)[ \t]*\}")
_ITEM_LABEL = re.compile(r"[ \t\r\n]*\[([^\]\[]{0,200})\]")


class BlockScan(Protocol):
    """The converter's block commands (mixed into it); see ``latex._Converter``."""

    source: str
    pos: int
    builders: list[Builder]
    marks: list[tuple[int, str]]
    unknown: dict[str, None]
    after_space: bool

    # The converter's own, which these commands use.
    def add(self, node: Inline) -> None: ...  # noqa: D102

    def emit(self, value: str) -> None: ...  # noqa: D102

    def can_nest(self) -> bool: ...  # noqa: D102

    def pop_mark(self) -> None: ...  # noqa: D102

    def convert(self, source: str) -> RichText: ...  # noqa: D102

    def paragraph_break(self) -> None:
        """A new paragraph where paragraphs are shown; elsewhere, inside a style, a space."""
        if len(self.builders) == 1:
            self.add(Break())
            self.after_space = True
        else:
            self.emit(" ")

    def text_with_paragraphs(self, run: str) -> None:
        """A run of text whose blank lines end paragraphs."""
        for number, part in enumerate(BLANK_LINE.split(run)):
            if number:
                self.paragraph_break()
            self.emit(part)

    def display_math(self, latex: str, environment: str = "") -> None:
        """Displayed math, unless it is blank."""
        latex = latex.strip()
        if latex:
            self.add(DisplayMath(latex, environment))

    def begin(self) -> None:
        r"""``\begin{name}``: math read whole, a list opened, a text environment's name dropped."""
        name = self.environment_name()
        if name is None:
            return
        if name in DISPLAY_MATH:
            self.math_environment(name)
        elif name in LISTS:
            self.open_list(LISTS[name])
        elif name not in TEXT_ENVIRONMENTS:
            self.unknown.setdefault(f"\\begin{{{name}}}")

    def end(self) -> None:
        r"""``\end{name}``: a list closed with all that is open in it."""
        name = self.environment_name()
        if name in LISTS and any(mark == LIST for mark, _ in self.marks):
            while self.marks[-1][0] != LIST:
                self.pop_mark()
            self.pop_mark()

    def environment_name(self) -> str | None:
        """Consume ``{name}`` and return the name (None if there is none)."""
        match = _ENVIRONMENT_NAME.match(self.source, self.pos)
        if match is None:
            return None
        self.pos = match.end()
        return match.group(1)

    def math_environment(self, name: str) -> None:
        """Everything up to the environment's end, as display math."""
        closing = f"\\end{{{name}}}"
        close = self.source.find(closing, self.pos)
        if close == -1:  # unclosed: its content is read as text
            return
        self.display_math(self.source[self.pos : close], DISPLAY_MATH[name])
        self.pos = close + len(closing)

    def open_list(self, ordered: bool) -> None:
        """Collect items from here to the list's end."""
        if self.can_nest():
            self.builders.append(Builder(items=[], ordered=ordered))
            self.marks.append((LIST, ""))

    def item(self) -> None:
        r"""``\item``: end the item before, start one (with its term, in a description)."""
        if self.marks and self.marks[-1][0] == ITEM:
            self.pop_mark()
        if not self.marks or self.marks[-1][0] != LIST:
            self.paragraph_break()
            return
        self.builders.append(Builder())
        self.marks.append((ITEM, ""))
        self.after_space = True
        label = _ITEM_LABEL.match(self.source, self.pos)
        if label is not None:
            # A description's term, in bold before its text.
            self.pos = skip_blanks(self.source, label.end())
            term = self.convert(label.group(1))
            if term:
                self.add(Styled("strong", term))
                self.emit(" ")

    def close_item(self) -> None:
        """Add the finished item to its list."""
        item = self.builders.pop().finish()
        items = self.builders[-1].items
        if item and items is not None:
            items.append(_trimmed(item))

    def close_list(self) -> None:
        """Add the finished list where it began."""
        builder = self.builders.pop()
        stray = builder.finish()
        for node in _trimmed(stray):
            self.add(node)
        if builder.items:
            self.add(Listing(tuple(builder.items), builder.ordered))


def _trimmed(rich: RichText) -> RichText:
    return strip_leading_blanks(strip_trailing_blanks(rich))


def tidy_blocks(rich: RichText) -> RichText:
    """One break between paragraphs, none at the ends, no spaces beside a block."""
    tidied: list[Inline] = []
    for node in rich:
        block = isinstance(node, (Break, DisplayMath, Listing))
        if block and tidied and isinstance(tidied[-1], Text):
            kept = tidied[-1].value.rstrip(" ")
            tidied[-1:] = [Text(kept)] if kept else []
        if isinstance(node, Break) and (not tidied or _is_block(tidied[-1])):
            continue
        if isinstance(node, Text) and tidied and _is_block(tidied[-1]):
            node = Text(node.value.lstrip(" "))
            if not node.value:
                continue
        tidied.append(node)
    while tidied and isinstance(tidied[-1], Break):
        tidied.pop()
    return tuple(tidied)


def _is_block(node: Inline) -> bool:
    return isinstance(node, (Break, DisplayMath, Listing))
