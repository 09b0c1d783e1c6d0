"""Select stage: a lab's members (``publist_people``), their entries and ``:group-by: person``.

A member is a name with its other spellings, an optional web page and an
optional page of the site. An entry is a member's when one of its authors, or
of its editors if it has no authors, matches the name or a spelling (initials,
accents and order tolerated, as for highlighting).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from ..bib.model import Publication
from ..bib.names import NameMatcher
from .groups import Group

PERSON_GROUPING = "person"


@dataclass(frozen=True)
class Member:
    """One person of ``publist_people``."""

    name: str
    variants: tuple[str, ...] = ()
    url: str | None = None
    page: str | None = None

    @property
    def spellings(self) -> tuple[str, ...]:
        """The name and its other spellings."""
        return (self.name, *self.variants)

    @cached_property
    def matcher(self) -> NameMatcher:
        """Matches the member's name and spellings."""
        return NameMatcher(self.spellings)

    def writes(self, publication: Publication) -> bool:
        """Whether ``publication`` is one of this member's."""
        people = publication.authors or publication.editors
        return any(self.matcher.matches(person) for person in people)


def members_of(people: Mapping[str, Mapping[str, object]]) -> tuple[Member, ...]:
    """The members a checked ``publist_people`` value describes, in its order."""
    return tuple(
        Member(
            name=name,
            variants=tuple(_strings(settings.get("variants"))),
            url=_text(settings.get("url")),
            page=_text(settings.get("page")),
        )
        for name, settings in people.items()
    )


def _strings(value: object) -> list[str]:
    return (
        [item for item in value if isinstance(item, str)] if isinstance(value, list | tuple) else []
    )


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def member_named(members: Sequence[Member], name: str) -> Member | None:
    """The member called ``name`` (or spelled so), if any."""
    wanted = " ".join(name.split()).casefold()
    return next(
        (
            member
            for member in members
            if wanted in (" ".join(spelling.split()).casefold() for spelling in member.spellings)
        ),
        None,
    )


def group_by_member(publications: Sequence[Publication], members: Sequence[Member]) -> list[Group]:
    """One group per member with entries, in ``publist_people`` order.

    An entry comes under each of its members; entries of none come last, in a
    group without a name ("Other").
    """
    groups = [
        Group(
            PERSON_GROUPING, member.name, tuple(pub for pub in publications if member.writes(pub))
        )
        for member in members
    ]
    others = tuple(pub for pub in publications if not any(member.writes(pub) for member in members))
    groups.append(Group(PERSON_GROUPING, "", others))
    return [group for group in groups if group.publications]
