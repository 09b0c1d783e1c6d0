"""Select stage: consecutive publications grouped by a field's value."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..bib.model import Publication
from ..core.folding import fold
from .fields import text_getter

NO_GROUPING = "none"


@dataclass(frozen=True)
class Group:
    """Consecutive publications sharing one value of the grouping field."""

    field: str
    value: str
    publications: tuple[Publication, ...]


def group_publications(pubs: Sequence[Publication], group_by: str) -> list[Group]:
    """Split already sorted ``pubs`` into groups, in order of first appearance.

    ``"none"`` or ``""`` gives one group with value ``""``; no publications, no groups.
    Values are compared case- and accent-insensitively; a group shows its first spelling.
    """
    name = group_by.strip().lower()
    if not pubs:
        return []
    if name in ("", NO_GROUPING):
        return [Group(NO_GROUPING, "", tuple(pubs))]
    members: dict[str, list[Publication]] = {}
    labels: dict[str, str] = {}
    as_text = text_getter(name)
    for pub in pubs:
        value = " ".join(as_text(pub).split())
        folded = fold(value)
        labels.setdefault(folded, value)
        members.setdefault(folded, []).append(pub)
    return [Group(name, labels[folded], tuple(group)) for folded, group in members.items()]
