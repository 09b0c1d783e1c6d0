"""Case- and accent-blind text: how search, grouping, sorting and names compare strings."""

from __future__ import annotations

import re
import unicodedata

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
    char = match.group()
    return _FOLDED_LATIN.get(char) or _fold_char(char)


def fold(value: str) -> str:
    """Case- and accent-insensitive form of ``value`` with whitespace collapsed."""
    # Substituting only the non-ASCII characters keeps mostly-ASCII abstracts fast.
    if not value.isascii():
        value = _NON_ASCII.sub(_fold_match, value)
    return " ".join(value.lower().split())


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
