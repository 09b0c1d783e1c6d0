"""Select stage: publications grouped by a field's value, entry types by their heading."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..bib.model import Publication
from ..core.folding import fold
from .fields import text_getter

NO_GROUPING = "none"

# The entry types each type group holds, in the order type groups come: BibTeX's
# and biblatex's types, with biblatex's aliases (conference, electronic,
# mastersthesis, phdthesis, techreport, www) beside the types they stand for.
# Types not named here follow, alphabetically, each its own group; misc is last.
TYPE_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("article", ("article",)),
    ("inproceedings", ("inproceedings", "conference")),
    ("inbook", ("inbook", "incollection", "bookinbook", "suppbook", "suppcollection")),
    ("book", ("book", "mvbook", "collection", "mvcollection")),
    ("proceedings", ("proceedings", "mvproceedings")),
    ("thesis", ("thesis", "phdthesis", "mastersthesis")),
    ("report", ("report", "techreport")),
    ("preprint", ("preprint",)),
    ("unpublished", ("unpublished",)),
    ("online", ("online", "electronic", "www")),
)
LAST_TYPE_GROUP = "misc"
_TYPE_GROUP_OF = {member: group for group, members in TYPE_GROUPS for member in members}
_TYPE_GROUP_RANK = {group: rank for rank, (group, _) in enumerate(TYPE_GROUPS)}


@dataclass(frozen=True)
class Group:
    """Publications sharing one value of the grouping field."""

    field: str
    value: str
    publications: tuple[Publication, ...]


def type_group(entry_type: str) -> str:
    """The type group of an entry type: ``phdthesis`` and ``mastersthesis`` are ``thesis``."""
    name = entry_type.strip().lower()
    return _TYPE_GROUP_OF.get(name, name)


def group_publications(pubs: Sequence[Publication], group_by: str) -> list[Group]:
    """Split already sorted ``pubs`` into groups.

    ``"none"`` or ``""`` gives one group with value ``""``; no publications, no groups.
    Values are compared case- and accent-insensitively; a group shows its first
    spelling and comes where its first entry does. Type groups (``type``) hold
    the types of one heading (see ``TYPE_GROUPS``) and come in that table's order.
    """
    name = group_by.strip().lower()
    if not pubs:
        return []
    if name in ("", NO_GROUPING):
        return [Group(NO_GROUPING, "", tuple(pubs))]
    members: dict[str, list[Publication]] = {}
    labels: dict[str, str] = {}
    as_text = type_value if name == "type" else text_getter(name)
    for pub in pubs:
        value = " ".join(as_text(pub).split())
        folded = fold(value)
        labels.setdefault(folded, value)
        members.setdefault(folded, []).append(pub)
    order = sorted(members, key=type_order) if name == "type" else list(members)
    return [Group(name, labels[folded], tuple(members[folded])) for folded in order]


def type_value(pub: Publication) -> str:
    """The type group a publication is shown under."""
    return type_group(pub.entry_type)


def type_order(group: str) -> tuple[int, str]:
    """Where a type group comes among the others."""
    if group in _TYPE_GROUP_RANK:
        return (0, f"{_TYPE_GROUP_RANK[group]:04d}")
    return (2, group) if group in (LAST_TYPE_GROUP, "") else (1, group)
