"""Author names: display formats and tolerant matching (initials, accents, order)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Literal

from .convert import parse_person
from .fields import fold
from .model import Person

NameFormat = Literal["first-last", "initials-last", "last-initials"]
NAME_FORMATS: tuple[NameFormat, ...] = ("first-last", "initials-last", "last-initials")


def initials(given: str) -> str:
    """``"Kevin Jordan"`` → ``"K. J."``; hyphenated names keep the hyphen."""
    parts = []
    for word in given.replace(".", ". ").split():
        pieces = [piece[0] + "." for piece in word.split("-") if piece]
        parts.append("-".join(pieces))
    return " ".join(parts)


def display_name(person: Person, name_format: NameFormat = "first-last") -> str:
    """The name as the list shows it."""
    if name_format == "first-last":
        return person.full_name()
    short = initials(person.given)
    if name_format == "initials-last":
        name = " ".join(part for part in (short, person.family) if part)
        return f"{name}, {person.lineage}" if person.lineage else name
    family = f"{person.family} {person.lineage}".strip() if person.lineage else person.family
    return f"{family}, {short}" if short else family


def parse_name(name: str) -> Person:
    """A ``Person`` from "First Last" or "Last, First" text, as BibTeX splits it."""
    return parse_person(name)[0]


@functools.lru_cache(maxsize=65536)
def _family_key(family: str) -> str:
    return " ".join(fold(family).replace("-", " ").split())


def _given_words(person: Person) -> list[str]:
    return fold(person.given).replace(".", " ").replace("-", " ").split()


def _given_compatible(candidate: list[str], wanted: list[str]) -> bool:
    # Each given name either equals the other or is its initial; a missing
    # middle name on either side is tolerated, a different first name is not.
    if not candidate or not wanted:
        return True
    for mine, theirs in zip(candidate, wanted, strict=False):
        if mine == theirs:
            continue
        if len(mine) == 1 and theirs.startswith(mine):
            continue
        if len(theirs) == 1 and mine.startswith(theirs):
            continue
        return False
    return True


class NameMatcher:
    """Matches people against configured names, tolerating initials, accents and order."""

    def __init__(self, names: Iterable[str]) -> None:
        self._wanted: dict[str, list[list[str]]] = {}
        for name in names:
            if not name.strip():
                continue
            person = parse_name(name)
            self._wanted.setdefault(_family_key(person.family), []).append(_given_words(person))

    def __bool__(self) -> bool:
        return bool(self._wanted)

    def matches(self, person: Person) -> bool:
        """True when ``person`` is one of the configured names."""
        if not self._wanted:
            return False
        candidates = self._wanted.get(_family_key(person.family))
        if not candidates:
            return False
        given = _given_words(person)
        return any(_given_compatible(given, wanted) for wanted in candidates)
