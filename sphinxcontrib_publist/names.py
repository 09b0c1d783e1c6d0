"""Author names: display formats and tolerant matching (initials, accents, order)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from typing import Generic, Literal, TypeVar

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
    """A ``Person`` from "First Last" or "Last, First" text, as BibTeX splits it.

    "First Last, Jr." is also understood, as people write their names in ``conf.py``.
    """
    head, comma, tail = name.partition(",")
    if comma and "," not in tail and tail.strip().casefold() in _LINEAGES:
        return replace(parse_name(head), lineage=tail.strip())
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


_UNDECOMPOSED = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "\u0131": "i"}
)
# German umlauts have a second ASCII spelling: "Jörn" is also written "Joern".
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
_LINEAGES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_SEPARATORS = str.maketrans({"-": " ", ".": " ", "{": "", "}": ""})

V = TypeVar("V")


def spellings(value: str) -> tuple[str, ...]:
    """The folded ways ``value`` is written in ASCII: accents dropped, umlauts also as "oe"."""
    lowered = unicodedata.normalize("NFC", value.casefold())
    plain = fold(lowered).translate(_UNDECOMPOSED)
    if not any(char in lowered for char in "äöü"):
        return (plain,)
    transliterated = fold(lowered.translate(_UMLAUTS)).translate(_UNDECOMPOSED)
    return (plain, transliterated)


def _without_trailing_lineage(person: Person) -> Person:
    # "Martin Luther King Jr." without a comma parses with "Jr." as the last name.
    if person.lineage or person.last.casefold() not in _LINEAGES or not person.given:
        return person
    words = person.given.split()
    first, *middle = words[:-1] or [""]
    return Person(first=first, middle=" ".join(middle), last=words[-1], lineage=person.last)


def _given_words(given: str) -> list[str]:
    words: list[str] = []
    for word in given.translate(_SEPARATORS).split():
        # "KJ" (initials written together, as PubMed does) counts as "K. J.".
        if 1 < len(word) <= 3 and word.isalpha() and word.isupper():
            words.extend(word)
        else:
            words.append(word)
    return words


def _name_keys(person: Person) -> list[tuple[str, tuple[str, ...]]]:
    """(family, given words) pairs of every ASCII spelling of ``person``."""
    person = _without_trailing_lineage(person)
    family = " ".join(person.family.translate(_SEPARATORS).split())
    given = " ".join(_given_words(person.given))
    return [
        (family_spelling, tuple(given_spelling.split()))
        for family_spelling in spellings(family)
        for given_spelling in spellings(given)
    ]


def _given_compatible(candidate: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
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


class NameLookup(Generic[V]):
    """Finds the value configured for a person, tolerating initials, accents and order.

    Built from (name, value) pairs; when several names match, the first pair wins.
    """

    def __init__(self, pairs: Iterable[tuple[str, V]]) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], int, V]]] = {}
        for order, (name, value) in enumerate(pairs):
            if not name.strip():
                continue
            for family, given in _name_keys(parse_name(name)):
                self._index.setdefault(family, []).append((given, order, value))

    def __bool__(self) -> bool:
        return bool(self._index)

    def get(self, person: Person) -> V | None:
        """The value of the first configured name matching ``person``, else None."""
        if not self._index:
            return None
        best: tuple[int, V] | None = None
        for family, given in _name_keys(person):
            for wanted, order, value in self._index.get(family, ()):
                if (best is None or order < best[0]) and _given_compatible(given, wanted):
                    best = (order, value)
        return None if best is None else best[1]


class NameMatcher:
    """Matches people against configured names, tolerating initials, accents and order."""

    def __init__(self, names: Iterable[str]) -> None:
        self._lookup: NameLookup[bool] = NameLookup((name, True) for name in names)

    def __bool__(self) -> bool:
        return bool(self._lookup)

    def matches(self, person: Person) -> bool:
        """True when ``person`` is one of the configured names."""
        return self._lookup.get(person) is not None
