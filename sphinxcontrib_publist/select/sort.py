"""Select stage: sort keys and a total, deterministic order of publications."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..bib.model import Publication
from ..core.diagnostics import PublistError
from ..core.folding import natural_key
from .fields import person_sort_key, text_getter
from .tokens import IDENTIFIER

_SORT_ITEM = re.compile(rf"\s*(-?)\s*({IDENTIFIER.pattern})\s*")

SortValue = tuple[object, ...] | int


@dataclass(frozen=True)
class SortKey:
    """One sort criterion: a field name and its direction."""

    field: str
    descending: bool = False


DEFAULT_SORT = (SortKey("year", descending=True), SortKey("title"))


def parse_sort(spec: str) -> tuple[SortKey, ...]:
    """Parse ``"-year, title"``; an empty spec gives the default ``-year, title``."""
    if not spec.strip():
        return DEFAULT_SORT
    keys: list[SortKey] = []
    offset = 0
    for item in spec.split(","):
        match = _SORT_ITEM.fullmatch(item)
        if match is None:
            position = offset + len(item) - len(item.lstrip())
            what = "empty sort key" if not item.strip() else f'invalid sort key "{item.strip()}"'
            raise PublistError(what, position)
        keys.append(SortKey(match.group(2).lower(), descending=bool(match.group(1))))
        offset += len(item) + 1
    return tuple(keys)


def sort_publications(pubs: Iterable[Publication], keys: Sequence[SortKey]) -> list[Publication]:
    """Sort by ``keys``, missing values last either way, ties by citation key."""
    entries = list(pubs)
    return [entries[index] for index in _sorted_indices(entries, keys)]


def sort_ranks(pubs: Sequence[Publication], keys: Sequence[SortKey]) -> list[int]:
    """Each publication's position (in input order) under :func:`sort_publications`."""
    ranks = [0] * len(pubs)
    for rank, index in enumerate(_sorted_indices(pubs, keys)):
        ranks[index] = rank
    return ranks


def _sorted_indices(pubs: Sequence[Publication], keys: Sequence[SortKey]) -> list[int]:
    # Stable sorts from the least to the most significant key give a total order
    # without having to invert keys for descending fields.
    order = sorted(range(len(pubs)), key=lambda index: pubs[index].key)
    for sort_key in reversed(keys):
        value_of = _sort_value_function(sort_key.field)
        decorated = [_decorate(value_of(pub), sort_key.descending) for pub in pubs]
        order.sort(key=decorated.__getitem__, reverse=sort_key.descending)
    return order


def _decorate(value: SortValue | None, descending: bool) -> tuple[bool, SortValue]:
    """Put missing values last: after present ones ascending, before them when reversed."""
    if value is None:
        return (not descending, ())
    return (descending, value)


def _sort_value_function(name: str) -> Callable[[Publication], SortValue | None]:
    name = name.lower()
    special = _SPECIAL_SORT_VALUES.get(name)
    if special is not None:
        return special

    as_text = text_getter(name)

    def generic(pub: Publication) -> SortValue | None:
        text = as_text(pub)
        return natural_key(text) if text else None

    return generic


def _date_sort_value(pub: Publication) -> SortValue | None:
    return pub.date_key if pub.year is not None else None


def _first_author(pub: Publication) -> SortValue | None:
    return person_sort_key(pub.authors[0]) if pub.authors else None


def _first_editor(pub: Publication) -> SortValue | None:
    return person_sort_key(pub.editors[0]) if pub.editors else None


_SPECIAL_SORT_VALUES: dict[str, Callable[[Publication], SortValue | None]] = {
    "year": lambda pub: pub.year,
    "month": _date_sort_value,
    "date": _date_sort_value,
    "author": _first_author,
    "editor": _first_editor,
}
