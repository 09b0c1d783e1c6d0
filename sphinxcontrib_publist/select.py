"""Select stage (placeholder until the full filter language lands)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Publication
from .richtext import plain_text


@dataclass(frozen=True)
class Filter:
    """A parsed filter expression."""

    source: str

    def __call__(self, pub: Publication) -> bool:
        return True


@dataclass(frozen=True)
class SortKey:
    """One sort key."""

    field: str
    descending: bool


@dataclass(frozen=True)
class Group:
    """Publications sharing a value."""

    field: str
    value: str
    publications: tuple[Publication, ...]


@dataclass(frozen=True)
class Tab:
    """A labelled filter."""

    label: str
    filter: Filter | None


def parse_filter(expression: str) -> Filter:
    """Parse a filter expression."""
    return Filter(expression)


def parse_sort(spec: str) -> tuple[SortKey, ...]:
    """Parse a sort specification."""
    keys = [part.strip() for part in (spec or "-year, title").split(",") if part.strip()]
    return tuple(SortKey(k.lstrip("-"), k.startswith("-")) for k in keys)


def sort_publications(pubs: Iterable[Publication], keys: Sequence[SortKey]) -> list[Publication]:
    """Sort publications."""
    result = sorted(pubs, key=lambda p: p.key)
    for key in reversed(keys):
        if key.field == "year":
            result.sort(key=lambda p: p.year or 0, reverse=key.descending)
        elif key.field == "title":
            result.sort(key=lambda p: plain_text(p.title).casefold(), reverse=key.descending)
    return result


def sort_ranks(pubs: Sequence[Publication], keys: Sequence[SortKey]) -> list[int]:
    """Rank of each publication."""
    order = {p.key: i for i, p in enumerate(sort_publications(pubs, keys))}
    return [order[p.key] for p in pubs]


def group_publications(pubs: Sequence[Publication], group_by: str) -> list[Group]:
    """Group publications."""
    if group_by in ("", "none"):
        return [Group("", "", tuple(pubs))]
    groups: dict[str, list[Publication]] = {}
    for pub in pubs:
        value = str(pub.year or "") if group_by == "year" else pub.fields.get(group_by, "")
        groups.setdefault(value, []).append(pub)
    return [Group(group_by, value, tuple(items)) for value, items in groups.items()]


def parse_tabs(text: str) -> list[Tab]:
    """Parse tab lines."""
    return []
