"""A small rich-text tree: what LaTeX in bib fields is converted to, and styles emit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, TypeAlias

from .pickling import pickled_by_fields

StyleName = Literal["emph", "strong", "code", "sup", "sub", "smallcaps", "underline"]


@pickled_by_fields
@dataclass(frozen=True)
class Text:
    """Plain text, never markup."""

    value: str


@pickled_by_fields
@dataclass(frozen=True)
class Styled:
    """Text in a style: emphasis, bold, monospace, super-/subscript..."""

    style: StyleName
    children: RichText


@pickled_by_fields
@dataclass(frozen=True)
class Math:
    """Inline TeX math, kept as TeX source for the math renderer."""

    latex: str


@pickled_by_fields
@dataclass(frozen=True)
class DisplayMath:
    """Displayed TeX math; ``environment`` (``align*``...) is the one to typeset it in, if any."""

    latex: str
    environment: str = ""


@dataclass(frozen=True)
class Break:
    """A paragraph break: where text shown as paragraphs starts a new one."""


@pickled_by_fields
@dataclass(frozen=True)
class Listing:
    """A list of items, numbered or not, each rich text of its own."""

    items: tuple[RichText, ...]
    ordered: bool = False


@pickled_by_fields
@dataclass(frozen=True)
class Link:
    """A hyperlink; ``url`` has been checked by :func:`safe_url` before it gets here."""

    url: str
    children: RichText


@pickled_by_fields
@dataclass(frozen=True)
class Name:
    """A person's name as a style wrote it, with what the list says of that person.

    ``highlighted`` marks the list's owner; ``url`` links the name to a page;
    ``omitted`` leaves it off the list's author line (its details page still shows it);
    ``marks`` are the author marks ("*", "†") shown raised after it.
    """

    text: str
    highlighted: bool = False
    url: str | None = None
    omitted: bool = False
    marks: str = ""


Inline: TypeAlias = "Text | Styled | Math | DisplayMath | Break | Listing | Link | Name"
RichText: TypeAlias = "tuple[Inline, ...]"

EMPTY: RichText = ()


def plain_text(rich: RichText, math: Callable[[str], str] | None = None) -> str:
    """The text a reader sees, without markup; math as its TeX source, or as ``math`` spells it."""
    parts: list[str] = []
    _collect_plain(rich, parts, math)
    return "".join(parts)


def _collect_plain(rich: RichText, parts: list[str], math: Callable[[str], str] | None) -> None:
    for item in rich:
        if isinstance(item, Text):
            parts.append(item.value)
        elif isinstance(item, Math):
            parts.append(item.latex if math is None else math(item.latex))
        elif isinstance(item, Name):
            parts.append(item.text + item.marks)
        elif isinstance(item, DisplayMath):
            parts.append(f"\n\n{item.latex if math is None else math(item.latex)}\n\n")
        elif isinstance(item, Break):
            parts.append("\n\n")
        elif isinstance(item, Listing):
            for entry in item.items:
                parts.append("\n")
                _collect_plain(entry, parts, math)
            parts.append("\n\n")
        else:
            _collect_plain(item.children, parts, math)


def text(value: str) -> RichText:
    """Rich text holding one plain string (or nothing, for an empty string)."""
    return (Text(value),) if value else EMPTY


def link_urls(rich: RichText) -> frozenset[str]:
    """Every URL the text links to."""
    found: set[str] = set()
    pending = list(rich)
    while pending:
        item = pending.pop()
        if isinstance(item, Link):
            found.add(item.url)
        if isinstance(item, (Link, Styled)):
            pending.extend(item.children)
    return frozenset(found)
