"""Select stage: the facet plan, each entry's values for the chips that filter a list.

A facet is one way to narrow a list (``year``, ``type``, ``venue``, ``keyword``,
``coauthor``). The plan gives each facet its values in the order chips show
them and, per entry in display order, the indices of the values it has. Year
is planned even when ``:facets:`` leaves it out if the list has a year chart,
whose bars select years; it is then marked not ``shown``, so only a selected
year appears as a chip.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..bib.model import Person, Publication
from ..core.diagnostics import Diagnostic, Subtype
from ..core.folding import fold
from .fields import text_getter
from .groups import type_order, type_value

FACET_NAMES = ("year", "type", "venue", "keyword", "coauthor")
# Facets with open-ended values keep their most frequent ones: a chip per venue or
# co-author of a long career would bury the list under the chips.
MANY_VALUED = ("venue", "keyword", "coauthor")
MAX_VALUES = 30


@dataclass(frozen=True)
class Facet:
    """One facet: its values in chip order and, per entry, the indices of its values."""

    id: str
    values: tuple[str, ...]
    members: tuple[tuple[int, ...], ...]
    shown: bool = True


def parse_facets(value: str | None) -> tuple[tuple[str, ...], list[Diagnostic]]:
    """The facets ``:facets:`` names, in its order; unknown names are reported and left out."""
    if value is None:
        return (), []
    words = [word.lower() for word in value.replace(",", " ").split()]
    unknown = [word for word in words if word not in FACET_NAMES]
    problems = []
    if unknown:
        allowed = ", ".join(FACET_NAMES)
        problems.append(
            Diagnostic(f":facets: takes {allowed}; ignoring {', '.join(unknown)}", Subtype.OPTION)
        )
    chosen = dict.fromkeys(word for word in words if word in FACET_NAMES)
    return tuple(chosen), problems


def plan_facets(
    displayed: Sequence[Publication],
    names: Sequence[str],
    year_chart: bool,
    is_own_name: Callable[[Person], bool],
) -> tuple[Facet, ...]:
    """The facets of ``names`` for ``displayed`` (in display order), and year for a chart.

    ``is_own_name`` tells the list's own people (its highlighted names) apart from
    their co-authors.
    """
    planned = [(name, True) for name in names]
    if year_chart and "year" not in names:
        planned.append(("year", False))
    facets = []
    for name, shown in planned:
        facet = _facet(name, [_values(name, pub, is_own_name) for pub in displayed], shown)
        if facet.values or not shown:
            facets.append(facet)
    return tuple(facets)


def _values(name: str, pub: Publication, is_own_name: Callable[[Person], bool]) -> list[str]:
    if name == "year":
        return [str(pub.year)] if pub.year is not None else []
    if name == "type":
        return [type_value(pub)]
    if name == "venue":
        venue = " ".join(_VENUE(pub).split())
        return [venue] if venue else []
    if name == "keyword":
        return list(pub.keywords)
    return [person.full_name() for person in pub.authors if not is_own_name(person)]


_VENUE = text_getter("venue")


def _facet(name: str, per_entry: Sequence[Sequence[str]], shown: bool) -> Facet:
    """Values compared case- and accent-insensitively, each shown as first spelt."""
    spelling: dict[str, str] = {}
    counts: Counter[str] = Counter()
    folded_entries = []
    for values in per_entry:
        folded = list(dict.fromkeys(fold(value) for value in values))
        for value, key in zip(values, (fold(value) for value in values), strict=True):
            spelling.setdefault(key, value)
        counts.update(folded)
        folded_entries.append(folded)
    order = sorted(counts, key=_order_key(name, counts))
    if name in MANY_VALUED:
        order = order[:MAX_VALUES]
    index = {key: position for position, key in enumerate(order)}
    members = tuple(
        tuple(sorted(index[key] for key in folded if key in index)) for folded in folded_entries
    )
    return Facet(name, tuple(spelling[key] for key in order), members, shown)


def _order_key(name: str, counts: Counter[str]) -> Callable[[str], tuple[object, ...]]:
    if name == "year":
        return lambda key: (-int(key),)
    if name == "type":
        return lambda key: (type_order(key),)
    return lambda key: (-counts[key], key)
