r"""Format stage: citeproc's output as our rich text, through private-use markers.

citeproc-py formats strings. What it must carry through untouched (our rich
title, a link, a marked name) goes in as a span between two markers naming a
slot; a formatter writes its emphasis, bold... as markers too. ``to_rich``
then reads the string back: each span becomes its slot's rich text, so math,
``\emph`` and links survive any CSL style. The markers are characters of
Unicode's private-use areas, which no bib text keeps (``clean`` removes them).
"""

from __future__ import annotations

import re
import types
from dataclasses import dataclass, field, replace
from typing import TypeAlias

from ...core.richtext import Inline, Link, Name, RichText, Styled, StyleName, Text, plain_text

SPAN_OPEN = "\ue020"
SPAN_CLOSE = "\ue021"
STYLE_CLOSE = "\ue01f"
NUMBER = "\ue024"
STYLE_MARKS: dict[str, StyleName] = {
    "\ue010": "emph",
    "\ue011": "strong",
    "\ue012": "sup",
    "\ue013": "sub",
    "\ue014": "smallcaps",
    "\ue015": "underline",
}
SLOT_BASE = 0xF0000
MAX_SLOTS = 0xFFFD
_OURS = re.compile("[\ue010-\ue02f\U000f0000-\U000fffff]")
_TOKEN = re.compile("([\ue010-\ue015\ue01f\ue024]|[\ue020\ue021][\U000f0000-\U000fffff])")
# What a style writes between a name and its (empty) suffix: the name's end.
_NAME_TAIL = re.compile(r"[\s,]+$")


def clean(value: str) -> str:
    """``value`` without the characters this module uses as markers."""
    return _OURS.sub("", value)


def _wrapper(mark: str) -> type[str]:
    def wrap(text: str) -> str:
        return f"{mark}{text}{STYLE_CLOSE}"

    return wrap  # type: ignore[return-value]


def _style_mark(style: StyleName) -> str:
    return next(mark for mark, name in STYLE_MARKS.items() if name == style)


FORMATTER = types.SimpleNamespace(
    preformat=str,
    Italic=_wrapper(_style_mark("emph")),
    Oblique=_wrapper(_style_mark("emph")),
    Bold=_wrapper(_style_mark("strong")),
    Light=str,
    Underline=_wrapper(_style_mark("underline")),
    Superscript=_wrapper(_style_mark("sup")),
    Subscript=_wrapper(_style_mark("sub")),
    SmallCaps=_wrapper(_style_mark("smallcaps")),
)
"""A citeproc-py output format writing markers instead of markup."""


@dataclass(frozen=True)
class LinkTo:
    """A slot whose text the style writes, made a link to ``url``."""

    url: str


Slot: TypeAlias = "RichText | Name | LinkTo"


@dataclass
class Slots:
    """What each span's slot stands for, in the order the item's fields were marked."""

    items: list[Slot] = field(default_factory=list)

    def span(self, slot: Slot, text: str) -> str:
        """``text`` between the markers of a new slot for ``slot``."""
        if len(self.items) >= MAX_SLOTS:
            return text
        mark = chr(SLOT_BASE + len(self.items))
        self.items.append(slot)
        return f"{SPAN_OPEN}{mark}{text}{SPAN_CLOSE}{mark}"

    def opening(self, slot: Slot) -> tuple[str, str]:
        """A new slot's opening and closing markers, for text citeproc splits (names)."""
        if len(self.items) >= MAX_SLOTS:
            return "", ""
        mark = chr(SLOT_BASE + len(self.items))
        self.items.append(slot)
        return f"{SPAN_OPEN}{mark}", f"{SPAN_CLOSE}{mark}"


@dataclass
class _Frame:
    style: StyleName | None = None
    slot: int | None = None
    children: list[Inline] = field(default_factory=list)


def to_rich(output: str, slots: Slots, number: str = "") -> RichText:
    """Rich text from citeproc's ``output``; ``NUMBER`` becomes ``number``."""
    stack = [_Frame()]
    for token in _TOKEN.split(output.replace(NUMBER, number)):
        if not token:
            continue
        kind = token[0]
        if kind in STYLE_MARKS:
            stack.append(_Frame(style=STYLE_MARKS[kind]))
        elif kind == STYLE_CLOSE:
            if stack[-1].style is not None:
                _close(stack, slots)
        elif kind == SPAN_OPEN:
            index = ord(token[1]) - SLOT_BASE
            # A name's given and family parts both open its span; the first counts.
            if all(frame.slot != index for frame in stack):
                stack.append(_Frame(slot=index))
        elif kind == SPAN_CLOSE:
            index = ord(token[1]) - SLOT_BASE
            if any(frame.slot == index for frame in stack):
                while stack[-1].slot != index:
                    _close(stack, slots)
                _close(stack, slots)
        else:
            stack[-1].children.append(Text(token))
    while len(stack) > 1:
        _close(stack, slots)
    return _merged(stack[0].children)


def _close(stack: list[_Frame], slots: Slots) -> None:
    frame = stack.pop()
    content = _merged(frame.children)
    parent = stack[-1].children
    if frame.style is not None:
        if content:
            parent.append(Styled(frame.style, content))
        return
    slot = slots.items[frame.slot] if frame.slot is not None else None
    if isinstance(slot, Name):
        # The separator a style writes before a name's (empty) suffix is no text.
        text = _NAME_TAIL.sub("", plain_text(content))
        parent.append(replace(slot, text=text, omitted=False))
    elif isinstance(slot, LinkTo):
        parent.append(Link(slot.url, _with_url_prefix(parent, slot.url, content)))
    elif isinstance(slot, tuple):
        parent.extend(slot)
    else:
        parent.extend(content)


def _merged(items: list[Inline]) -> RichText:
    merged: list[Inline] = []
    for item in items:
        if isinstance(item, Text) and merged and _ends_with_period(merged[-1]):
            # citeproc sees the marker after "J." and adds the list's "." again.
            item = Text(item.value.removeprefix("."))
            if not item.value:
                continue
        if isinstance(item, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].value + item.value)
        else:
            merged.append(item)
    return tuple(merged)


def _ends_with_period(item: Inline) -> bool:
    return isinstance(item, Name) and item.text.endswith(".")


def _with_url_prefix(parent: list[Inline], url: str, content: RichText) -> RichText:
    # A style writes "https://doi.org/" before the DOI: the link's text shows it whole.
    before = parent[-1] if parent else None
    if not isinstance(before, Text) or not content:
        return content
    shown = plain_text(content)
    for start in range(len(before.value)):
        prefix = before.value[start:]
        if url == prefix + shown and "://" in prefix:
            parent.pop()
            if start:
                parent.append(Text(before.value[:start]))
            return (Text(prefix), *content)
    return content
