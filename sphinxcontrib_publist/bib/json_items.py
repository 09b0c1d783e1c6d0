"""Source stage: the items of a JSON file, each with its line, one broken item costing no other."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_DECODER = json.JSONDecoder()
_WHITESPACE = re.compile(r"\s*")
# Where an item can start again after a syntax error: an object opening a line.
_NEXT_ITEM = re.compile(r"\n[ \t]*\{")


@dataclass(frozen=True)
class JsonItem:
    """One top-level item (``value``), its index and line; ``error`` instead where it is broken."""

    index: int
    line: int
    value: Any = None
    error: str = ""


def line_at(text: str, position: int) -> int:
    """The 1-based line of ``position`` in ``text``."""
    return text.count("\n", 0, position) + 1


def json_items(text: str) -> Iterator[JsonItem]:
    """The items of a JSON array (or of an object's ``items`` array, or one object).

    A syntax error is one broken item; reading goes on at the next object that
    opens a line, as exporters write one item per block.
    """
    start = _skip(text, 0)
    if text.startswith("{", start):
        try:
            value, _end = _DECODER.raw_decode(text, start)
        except json.JSONDecodeError as error:
            yield JsonItem(0, error.lineno, error=f"not valid JSON: {error.msg}")
            return
        items = value.get("items") if isinstance(value, dict) else None
        if isinstance(items, list):
            # One object holding the list: only its own line is known.
            yield from (
                JsonItem(index, line_at(text, start), item) for index, item in enumerate(items)
            )
        else:
            yield JsonItem(0, line_at(text, start), value)
        return
    if not text.startswith("[", start):
        yield JsonItem(0, line_at(text, start), error="not a JSON array of items")
        return
    yield from _array_items(text, start + 1)


def _array_items(text: str, position: int) -> Iterator[JsonItem]:
    index = 0
    while True:
        position = _skip(text, position)
        if text.startswith("]", position) or position >= len(text):
            if position >= len(text):
                yield JsonItem(index, line_at(text, position), error="the JSON array is not closed")
            return
        start = position
        try:
            value, position = _DECODER.raw_decode(text, start)
        except json.JSONDecodeError as error:
            problem = f"not valid JSON: {error.msg} (line {error.lineno} column {error.colno})"
            yield JsonItem(index, line_at(text, start), error=problem)
            resumed = _NEXT_ITEM.search(text, max(error.pos, position + 1))
            if resumed is None:
                return
            position = resumed.end() - 1
            index += 1
            continue
        yield JsonItem(index, line_at(text, start), value)
        index += 1
        position = _skip(text, position)
        if text.startswith(",", position):
            position += 1


def _skip(text: str, position: int) -> int:
    found = _WHITESPACE.match(text, position)
    return found.end() if found else position
