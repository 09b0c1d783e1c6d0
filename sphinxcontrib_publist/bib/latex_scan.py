"""Model stage: low-level pieces of the LaTeX scan (text runs, node builders, lookups)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.richtext import Inline, Link, RichText, Styled, StyleName, Text

LIGATURES = (
    ("---", "\u2014"),
    ("--", "\u2013"),
    ("``", "\u201c"),
    ("''", "\u201d"),
    ("`", "\u2018"),
    ("'", "\u2019"),
    ("~", "\u00a0"),
)
_BLANKS = re.compile(r"[ \t]*")

# What an open brace (a font switch, a list, an item) on the mark stack stands for.
GROUP, ARGUMENT, DECLARATION, WRAPPER, LIST, ITEM = range(6)


@dataclass
class Builder:
    """Children collected for one rich-text node under construction."""

    style: StyleName | None = None
    link: str | None = None
    # A list's builder collects its finished items; its own text is what precedes the first.
    items: list[RichText] | None = None
    ordered: bool = False
    children: list[Inline] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)

    def flush(self) -> None:
        """Turn the pending text pieces into one text child."""
        if not self.pieces:
            return
        value = "".join(self.pieces)
        self.pieces.clear()
        last = self.children[-1] if self.children else None
        if isinstance(last, Text):
            self.children[-1] = Text(last.value + value)
        else:
            self.children.append(Text(value))

    def add(self, node: Inline) -> None:
        """Append a child after the pending text."""
        self.flush()
        self.children.append(node)

    def finish(self) -> RichText:
        """The children collected, pending text included."""
        self.flush()
        return tuple(self.children)


class Finder:
    """First unescaped occurrence of ``target`` at or after a position, cached."""

    def __init__(self, source: str, pattern: str, target: str) -> None:
        self._source = source
        self._pattern = re.compile(pattern, re.DOTALL)
        self._target = target
        self._last_from = -1
        self._last_found = -1

    def find(self, start: int) -> int:
        """The next match's position from ``start``, or -1."""
        # The scan only moves forward, so a result stays valid until it is passed.
        if self._last_from != -1 and self._last_from <= start <= self._last_found:
            return self._last_found
        if self._last_from != -1 and self._last_found == -1 and start >= self._last_from:
            return -1
        found = -1
        for match in self._pattern.finditer(self._source, start):
            if match.group() == self._target:
                found = match.start()
                break
        self._last_from, self._last_found = start, found
        return found


def typeset(run: str) -> str:
    """TeX's ligatures and active characters in a run of plain text."""
    # ?` and !` (¿ ¡) before ` alone; one test keeps them off the common path.
    if "`" in run and ("?`" in run or "!`" in run):
        run = run.replace("?`", "\u00bf").replace("!`", "\u00a1")
    for ascii_form, character in LIGATURES:
        if ascii_form in run:
            run = run.replace(ascii_form, character)
    return run


def skip_blanks(source: str, position: int) -> int:
    """Return the position after the spaces and tabs at ``position``."""
    match = _BLANKS.match(source, position)
    return match.end() if match else position


def starts_line(source: str, position: int) -> bool:
    """Whether ``position`` follows a line break, with only blanks between."""
    before = position - 1
    while before >= 0 and source[before] in " \t":
        before -= 1
    return before >= 0 and source[before] == "\n"


def match_braces(source: str) -> dict[int, int]:
    """Each balanced unescaped ``{`` position mapped to its ``}``, in one pass."""
    pairs: dict[int, int] = {}
    open_positions: list[int] = []
    for match in re.finditer(r"\\.|[{}]", source, re.DOTALL):
        token = match.group()
        if token == "{":
            open_positions.append(match.start())
        elif token == "}" and open_positions:
            pairs[open_positions.pop()] = match.start()
    return pairs


def strip_trailing_blanks(rich: RichText) -> RichText:
    """Strip trailing blanks, looking into the last nested node."""
    return _strip_edge(rich, at_end=True)


def strip_leading_blanks(rich: RichText) -> RichText:
    """Strip leading blanks, looking into the first nested node."""
    return _strip_edge(rich, at_end=False)


def _strip_edge(rich: RichText, at_end: bool) -> RichText:
    edge = -1 if at_end else 0
    chain = [rich]
    while chain[-1]:
        outer = chain[-1][edge]
        if not isinstance(outer, (Styled, Link)):
            break
        chain.append(outer.children)
    innermost = chain[-1]
    if not innermost:
        return rich
    last = innermost[edge]
    if not isinstance(last, Text):
        return rich
    value = last.value
    stripped = value.rstrip(" ") if at_end else value.lstrip(" ")
    if stripped == value:
        return rich
    kept = (Text(stripped),) if stripped else ()
    nodes = innermost[:-1] + kept if at_end else kept + innermost[1:]
    for siblings in reversed(chain[:-1]):
        container = siblings[edge]
        assert isinstance(container, (Styled, Link))
        wrapped = (with_children(container, nodes),) if nodes else ()
        nodes = siblings[:-1] + wrapped if at_end else wrapped + siblings[1:]
    return nodes


def with_children(node: Styled | Link, children: RichText) -> Inline:
    """A copy of ``node`` holding ``children``."""
    if isinstance(node, Styled):
        return Styled(node.style, children)
    return Link(node.url, children)
