"""Author names: display formats and tolerant matching (initials, accents, order)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Literal

from pybtex.database import Person as PybtexPerson

from .latex import latex_to_plain
from .model import Person

NameFormat = Literal["first-last", "initials-last", "last-initials"]
NAME_FORMATS: tuple[NameFormat, ...] = ("first-last", "initials-last", "last-initials")


def fold(value: str) -> str:
    """Lowercase ``value`` and strip accents, so "Jörn" and "Jorn" compare equal."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


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
    parsed = PybtexPerson(name)

    def part(names: list[str]) -> str:
        return latex_to_plain(" ".join(names))

    return Person(
        first=part(parsed.first_names),
        middle=part(parsed.middle_names),
        prelast=part(parsed.prelast_names),
        last=part(parsed.last_names),
        lineage=part(parsed.lineage_names),
    )


def _family_key(person: Person) -> str:
    return " ".join(fold(person.family).replace("-", " ").split())


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
            self._wanted.setdefault(_family_key(person), []).append(_given_words(person))

    def __bool__(self) -> bool:
        return bool(self._wanted)

    def matches(self, person: Person) -> bool:
        """True when ``person`` is one of the configured names."""
        candidates = self._wanted.get(_family_key(person))
        if not candidates:
            return False
        given = _given_words(person)
        return any(_given_compatible(given, wanted) for wanted in candidates)
