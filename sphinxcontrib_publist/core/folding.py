"""Case- and accent-blind text: how search, grouping, sorting and names compare strings."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Mapping
from types import MappingProxyType

from .numbers import whole_number

NaturalKey = tuple[str | int, ...]

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_DIGITS = re.compile(r"([0-9]+)")
_HUGE = 10**5000
# Letters NFKD leaves whole, folded the way a reader who types ASCII expects.
_UNDECOMPOSED = {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe"}
# Typography the LaTeX converter produces (curly apostrophes, dashes), folded back.
_TYPOGRAPHY = {
    "\u2019": "'",
    "\u2018": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
}


def _fold_char(char: str) -> str:
    if char in _TYPOGRAPHY:
        return _TYPOGRAPHY[char]
    decomposed = unicodedata.normalize("NFKD", char.casefold())
    bare = "".join(part for part in decomposed if not unicodedata.combining(part))
    return "".join(_UNDECOMPOSED.get(part, part) for part in bare.casefold())


# Latin letters cover nearly every accent in bibliographies; others are folded as met.
_FOLDED_LATIN = {chr(code): _fold_char(chr(code)) for code in range(0x80, 0x250)}


def _fold_match(match: re.Match[str]) -> str:
    return _fold_non_ascii(match.group())


def _fold_non_ascii(char: str) -> str:
    return _FOLDED_LATIN.get(char) or _fold_char(char)


def fold(value: str) -> str:
    """Case- and accent-insensitive form of ``value`` with whitespace collapsed."""
    # Substituting only the non-ASCII characters keeps mostly-ASCII abstracts fast.
    if not value.isascii():
        value = _NON_ASCII.sub(_fold_match, value)
    return " ".join(value.lower().split())


@functools.cache
def browser_folds() -> Mapping[str, str]:
    """The table that makes the script's fold give :func:`fold`'s result.

    The script takes a text's NFKD form, lowercases it, replaces the characters
    listed here (single, non-ASCII), drops nonspacing marks (category Mn) and
    splits on whitespace; for every character ``fold`` treats specially (its
    tables' and those ``casefold`` changes beyond ``lower``) that matches ``fold``.
    Cached: a constant of the running Python's Unicode data, slow to compute.
    """
    folds: dict[str, str] = {}
    for char in _specially_folded():
        for part in unicodedata.normalize("NFKD", char).lower():
            if part.isascii():
                continue
            # A space for Python's whitespace: the script splits on fewer characters.
            wanted = " " if part.isspace() else _fold_non_ascii(part).lower()
            if wanted != _without_marks(part):
                folds[part] = wanted
    return MappingProxyType(dict(sorted(folds.items())))


def _specially_folded() -> Iterator[str]:
    # The Latin range and typography fold's tables cover, and what casefold() changes
    # beyond lower(): all in the Basic Multilingual Plane (a test checks the rest).
    yield from _FOLDED_LATIN
    yield from _TYPOGRAPHY
    yield from (char for char in map(chr, range(0x10000)) if char.casefold() != char.lower())


def _without_marks(text: str) -> str:
    return "".join(char for char in text if unicodedata.category(char) != "Mn")


def natural_key(value: str) -> NaturalKey:
    """Key ordering digit runs by number ("Part 2" before "Part 10"), case- and accent-blind.

    Splitting on a capturing group alternates text and digits, so two keys always
    hold a ``str`` at even and an ``int`` at odd positions and compare safely.
    """
    pieces = _DIGITS.split(fold(value))
    return tuple(
        _digit_run_value(piece) if index % 2 else piece for index, piece in enumerate(pieces)
    )


def _digit_run_value(digits: str) -> int:
    value = whole_number(digits)
    # Beyond Python's limit on digits read from text: larger than any number it reads.
    return _HUGE if value is None else value
