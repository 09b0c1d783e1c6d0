"""Format stage: which names of a long author line stay visible, and the marks' legend."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..core.pickling import pickled_by_fields
from ..core.richtext import Name
from .entry import FormattedEntry

# The marks with one agreed meaning, in the legend's order; "‡", "§"... mean what
# each paper says, so they get no legend line.
LEGEND_MARKS = ("*", "\u2020")


@pickled_by_fields
@dataclass(frozen=True)
class AuthorLine:
    """The names shown at once (``None`` marks skipped names, shown as "…"), then the rest."""

    visible: tuple[Name | None, ...]
    hidden: tuple[Name, ...] = ()


def split_authors(authors: Sequence[Name], limit: int | None) -> AuthorLine:
    """The first ``limit`` names, plus every highlighted one: a reader's own name never hides."""
    if limit is None or len(authors) <= limit:
        return AuthorLine(tuple(authors))
    visible: list[Name | None] = []
    hidden: list[Name] = []
    previous = -1
    for index, author in enumerate(authors):
        if index >= limit and not author.highlighted:
            hidden.append(author)
            continue
        if index != previous + 1:
            visible.append(None)
        visible.append(author)
        previous = index
    return AuthorLine(tuple(visible), tuple(hidden))


def legend_marks(entries: Iterable[FormattedEntry]) -> tuple[str, ...]:
    """The marks of ``LEGEND_MARKS`` that the names the entries show carry."""
    found: set[str] = set()
    for entry in entries:
        # A reference names every author; an author line leaves the omitted out.
        for name in entry.authors if entry.reference else entry.listed_authors:
            found.update(name.marks)
    return tuple(mark for mark in LEGEND_MARKS if mark in found)
