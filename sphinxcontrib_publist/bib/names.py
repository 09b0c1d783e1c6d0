"""Author names: display formats and tolerant matching (initials, accents, order)."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Generic, Literal, TypeVar

from ..core.folding import fold
from ..core.urls import safe_url
from .model import Person
from .people import parse_person

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
    """A ``Person`` from "First Last" or "Last, First" text, as BibTeX splits it.

    "First Last, Jr." is also understood, as people write their names in ``conf.py``.
    """
    head, comma, tail = name.partition(",")
    if comma and "," not in tail and tail.strip().casefold() in _LINEAGES:
        return replace(parse_person(head)[0], lineage=tail.strip())
    return parse_person(name)[0]


# German umlauts have a second ASCII spelling: "Jörn" is also written "Joern".
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
_LINEAGES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_SEPARATORS = str.maketrans({"-": " ", ".": " ", "{": "", "}": ""})

V = TypeVar("V")
NameKey = tuple[str, tuple[str, ...]]


def spellings(value: str) -> tuple[str, ...]:
    """The folded ways ``value`` is written in ASCII: accents dropped, umlauts also as "oe"."""
    plain = fold(value)
    lowered = value.casefold()
    if not any(char in lowered for char in "äöü"):
        return (plain,)
    return (plain, fold(unicodedata.normalize("NFC", lowered).translate(_UMLAUTS)))


def _without_trailing_lineage(person: Person) -> Person:
    # "Martin Luther King Jr." without a comma parses with "Jr." as the last name.
    if person.lineage or person.last.casefold() not in _LINEAGES or not person.given:
        return person
    words = person.given.split()
    first, *middle = words[:-1] or [""]
    return replace(
        person,
        first=first,
        middle=" ".join(middle),
        prelast="",
        last=words[-1],
        lineage=person.last,
    )


def _given_words(given: str) -> list[str]:
    words: list[str] = []
    for word in given.translate(_SEPARATORS).split():
        # "KJ" (initials written together, as PubMed does) counts as "K. J.".
        if 1 < len(word) <= 3 and word.isalpha() and word.isupper():
            words.extend(word)
        else:
            words.append(word)
    return words


@functools.lru_cache(maxsize=65536)
def _family_spellings(family: str) -> tuple[str, ...]:
    return spellings(family.translate(_SEPARATORS))


@functools.lru_cache(maxsize=65536)
def _given_spellings(given: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(words.split()) for words in spellings(" ".join(_given_words(given))))


def name_keys(person: Person) -> tuple[NameKey, ...]:
    """(family, given words) for every ASCII spelling of ``person``."""
    person = _without_trailing_lineage(person)
    return tuple(
        (family, given)
        for family in _family_spellings(person.family)
        for given in _given_spellings(person.given)
    )


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
        # family → (given words, DBLP homonym number or "", order, value)
        self._index: dict[str, list[tuple[tuple[str, ...], str, int, V]]] = {}
        for order, (name, value) in enumerate(pairs):
            if not name.strip():
                continue
            person = parse_name(name)
            for family, given in name_keys(person):
                self._index.setdefault(family, []).append((given, person.homonym, order, value))

    def __bool__(self) -> bool:
        return bool(self._index)

    def get(self, person: Person) -> V | None:
        """The value of the first configured name matching ``person``, else None."""
        if not self._index:
            return None
        person = _without_trailing_lineage(person)
        # Most people in a list are not configured: the family name alone rules them out.
        # A configured "Wei Zhang 0001" is that Wei Zhang; a plain "Wei Zhang", any of them.
        found = [
            (given, order, value)
            for family in _family_spellings(person.family)
            for given, homonym, order, value in self._index.get(family, ())
            if not homonym or homonym == person.homonym
        ]
        if not found:
            return None
        best: tuple[int, V] | None = None
        for given in _given_spellings(person.given):
            for names, order, value in found:
                if (best is None or order < best[0]) and _given_compatible(given, names):
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


def author_pages(author_links: Mapping[str, str]) -> NameLookup[str] | None:
    """Author name → page, keeping only safe URLs (the others were reported at start-up)."""
    pairs = [(name, safe_url(url)) for name, url in author_links.items()]
    lookup = NameLookup((name, url) for name, url in pairs if url)
    return lookup or None
