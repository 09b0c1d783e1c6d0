"""Select stage: the tabs of a list, each a label and a filter."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..core.diagnostics import Diagnostic, PublistError, Subtype
from ..core.folding import fold
from .filters import Filter, parse_filter

ALL_ENTRIES = "all"
_NON_WORD = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Tab:
    """A labelled view of the list; ``filter`` ``None`` shows every entry."""

    label: str
    filter: Filter | None


def parse_tabs(text: str) -> list[Tab]:
    """Parse lines of ``Label: expression`` (``all`` for every entry); blank lines skipped."""
    tabs: list[Tab] = []
    seen: set[str] = set()
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        if line.strip():
            tab = _parse_tab_line(line.rstrip("\r\n"), number, offset)
            if tab.label in seen:
                raise PublistError(f'line {number}: duplicate tab label "{tab.label}"', offset)
            seen.add(tab.label)
            tabs.append(tab)
        offset += len(line)
    return tabs


def _parse_tab_line(line: str, number: int, offset: int) -> Tab:
    label, colon, expression = line.partition(":")
    indent = len(line) - len(line.lstrip())
    if not colon:
        raise PublistError(f'line {number}: expected "Label: expression"', offset + indent)
    if not label.strip():
        raise PublistError(f"line {number}: empty tab label", offset + indent)
    expression_offset = offset + len(label) + 1
    if expression.strip().lower() == ALL_ENTRIES:
        return Tab(label.strip(), None)
    if not expression.strip():
        raise PublistError(f"line {number}: empty filter expression", expression_offset)
    try:
        return Tab(label.strip(), parse_filter(expression.strip()))
    except PublistError as error:
        leading = len(expression) - len(expression.lstrip())
        position = None if error.position is None else expression_offset + leading + error.position
        raise PublistError(f"line {number}: {error.message}", position) from None


def parse_tab_option(text: str | None) -> tuple[tuple[Tab, ...], list[Diagnostic]]:
    """The tabs of ``:tabs:``; a bad definition drops all tabs with one diagnostic."""
    if not text or not text.strip():
        return (), []
    try:
        return tuple(parse_tabs(text)), []
    except PublistError as error:
        return (), [Diagnostic(f"bad :tabs: definition, {error}; no tabs shown", Subtype.FILTER)]


def tab_ids(tabs: Sequence[Tab]) -> tuple[str, ...]:
    """URL-safe, distinct names for the tabs, from their labels."""
    ids: list[str] = []
    for index, tab in enumerate(tabs):
        base = _NON_WORD.sub("-", fold(tab.label)).strip("-") or f"tab-{index + 1}"
        name, number = base, 1
        while name in ids:
            number += 1
            name = f"{base}-{number}"
        ids.append(name)
    return tuple(ids)


def printed_tabs(memberships: Sequence[Sequence[int]], tab_count: int) -> tuple[int, ...]:
    """The tabs that paper prints as headed sections; ``()`` prints the list once, unheaded.

    ``memberships`` gives, per entry, the tabs listing it. A tab listing every
    entry (``all``) or none says nothing on paper and is left out. The others
    become sections only if they partition the entries, each entry in exactly
    one, so that every entry is still printed once; overlapping tabs would
    print an entry, and its abstract, once per tab.
    """
    counts = [0] * tab_count
    for tabs in memberships:
        for index in tabs:
            counts[index] += 1
    sections = tuple(index for index, count in enumerate(counts) if 0 < count < len(memberships))
    chosen = set(sections)
    if not sections or any(len(chosen.intersection(tabs)) != 1 for tabs in memberships):
        return ()
    return sections
