"""Select stage for the interactive page: controls, tabs, sort choices and script data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from ..bib.model import Publication
from ..core.diagnostics import Diagnostic, Subtype
from .facets import Facet
from .sort import SortKey, parse_sort, sort_ranks
from .tabs import Tab, tab_ids

CONTROL_NAMES = ("tabs", "sort", "search")
NO_CONTROLS = "none"

# What a sort choice does to the list's group headings (see ``group_mode``), by the
# names the script reads.
GroupMode = Literal["flatten", "keep", "order"]
FLATTEN: Final = "flatten"
KEEP_GROUPS: Final = "keep"
ORDER_GROUPS: Final = "order"


@dataclass(frozen=True)
class SortChoice:
    """One order of the sort menu: ``id`` names it in URLs and labels."""

    id: str
    keys: tuple[SortKey, ...] | None

    @property
    def primary_field(self) -> str:
        """The field this order sorts by first ('' for the list's own order)."""
        return self.keys[0].field if self.keys else ""


STANDARD_SORTS = (
    SortChoice("title", parse_sort("title, -year")),
    SortChoice("-title", parse_sort("-title, -year")),
    SortChoice("year", parse_sort("year, title")),
    SortChoice("-year", parse_sort("-year, title")),
    SortChoice("author", parse_sort("author, -year, title")),
)
# The directive's own order, offered when no standard choice reproduces it.
LIST_ORDER = SortChoice("default", None)


@dataclass(frozen=True)
class Interactive:
    """What the script needs to make one list interactive."""

    controls: tuple[str, ...]
    tabs: tuple[Tab, ...]
    tab_ids: tuple[str, ...]
    sorts: tuple[SortChoice, ...]
    initial_sort: str
    group_modes: tuple[GroupMode, ...]
    # Per entry, in display order: its rank under each sort choice, and the tabs listing it.
    ranks: tuple[tuple[int, ...], ...]
    memberships: tuple[tuple[int, ...], ...] | None
    facets: tuple[Facet, ...] = ()


def parse_controls(
    value: str | None, default: str, has_tabs: bool
) -> tuple[tuple[str, ...], list[Diagnostic]]:
    """The controls a list shows; ``:tabs:`` always brings the tab bar."""
    problems: list[Diagnostic] = []
    words = _control_words(default if value is None else value)
    unknown = [word for word in words if word not in (*CONTROL_NAMES, NO_CONTROLS)]
    if value is not None and unknown:
        allowed = ", ".join((*CONTROL_NAMES, NO_CONTROLS))
        problems.append(
            Diagnostic(f":controls: takes {allowed}; ignoring {', '.join(unknown)}", Subtype.OPTION)
        )
    if value is not None and "tabs" in words and not has_tabs:
        problems.append(Diagnostic(":controls: tabs needs :tabs:; no tabs shown", Subtype.OPTION))
    chosen = set(words) | ({"tabs"} if has_tabs else set())
    if not has_tabs:
        chosen.discard("tabs")
    return tuple(name for name in CONTROL_NAMES if name in chosen), problems


def is_controls_value(value: object) -> bool:
    """Whether ``value`` is a valid ``publist_controls`` setting."""
    if not isinstance(value, str):
        return False
    return all(word in (*CONTROL_NAMES, NO_CONTROLS) for word in _control_words(value))


def _control_words(value: str) -> list[str]:
    return [word.lower() for word in value.replace(",", " ").split()]


def sort_choices(displayed: Sequence[Publication]) -> tuple[tuple[SortChoice, ...], str]:
    """The offered orders and the one the list is displayed in.

    A standard order that ranks ``displayed`` exactly as it stands is the initial
    choice; when none does (``:keys:`` order, an unusual ``:sort:``), the list's
    own order is offered first under its own name.
    """
    has_authors = any(publication.authors for publication in displayed)
    offered = [choice for choice in STANDARD_SORTS if choice.id != "author" or has_authors]
    as_displayed = list(range(len(displayed)))
    for choice in offered:
        if choice.keys is not None and sort_ranks(displayed, choice.keys) == as_displayed:
            return tuple(offered), choice.id
    return (LIST_ORDER, *offered), LIST_ORDER.id


def group_mode(choice: SortChoice, group_by: str) -> GroupMode:
    """How an order treats the list's groups.

    Groups by a field some order sorts by (year groups) follow that order when it
    is chosen and are flattened by the others, whose headings would mislead;
    other groupings (by type) keep their groups and sort within each.
    """
    grouped_field = group_by.strip().lower()
    if choice.keys is None or grouped_field in ("", "none"):
        return KEEP_GROUPS
    if choice.primary_field == grouped_field:
        return ORDER_GROUPS
    sorted_fields = {option.primary_field for option in STANDARD_SORTS}
    return FLATTEN if grouped_field in sorted_fields else KEEP_GROUPS


def plan_interactive(
    displayed: Sequence[Publication],
    controls: tuple[str, ...],
    tabs: Sequence[Tab],
    group_by: str,
    facets: tuple[Facet, ...] = (),
) -> Interactive:
    """Per-list and per-entry script data for ``displayed`` (in display order)."""
    sorts, initial = sort_choices(displayed) if "sort" in controls else ((LIST_ORDER,), "default")
    ranks = [
        sort_ranks(displayed, choice.keys) if choice.keys else list(range(len(displayed)))
        for choice in sorts
    ]
    memberships = tuple(
        tuple(index for index, tab in enumerate(tabs) if tab.filter is None or tab.filter(pub))
        for pub in displayed
    )
    return Interactive(
        controls=controls,
        tabs=tuple(tabs),
        tab_ids=tab_ids(tabs),
        sorts=sorts,
        initial_sort=initial,
        group_modes=tuple(group_mode(choice, group_by) for choice in sorts),
        ranks=tuple(zip(*ranks, strict=True)) if displayed else (),
        memberships=memberships if tabs else None,
        facets=facets,
    )
