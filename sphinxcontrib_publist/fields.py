"""Select stage: the values filters, sort keys and groups see for a publication."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType

from .badges import is_selected
from .model import Person, Publication
from .richtext import RichText, plain_text

FieldValue = int | str | tuple[str, ...] | None
"""What a field name means for one publication; ``None`` when it is missing or blank."""

ValueGetter = Callable[[Publication], FieldValue]
NaturalKey = tuple[str | int, ...]

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_DIGITS = re.compile(r"([0-9]+)")
_HUGE = 10**5000
_KEYWORD_SEPARATORS = re.compile(r"[,;]")
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
    try:
        return int(digits)
    except ValueError:
        # Beyond Python's int-from-text limit (4300 digits): larger than any number it reads.
        return _HUGE


def person_sort_key(person: Person) -> tuple[NaturalKey, NaturalKey]:
    """Family name, then given names, each as a natural key."""
    return (natural_key(person.family), natural_key(person.given))


def _text_or_none(value: str | None) -> str | None:
    return value if value and not value.isspace() else None


def full_name(person: Person) -> str:
    """:meth:`Person.full_name`, in one join: filters build it for every author of every entry."""
    parts = (person.first, person.middle, person.prelast, person.last)
    name = " ".join(part for part in parts if part)
    return f"{name}, {person.lineage}" if person.lineage else name


def _names(people: tuple[Person, ...]) -> tuple[str, ...] | None:
    return tuple(map(full_name, people)) or None


def _rich(attribute: Callable[[Publication], RichText], raw_name: str | None) -> ValueGetter:
    def getter(pub: Publication) -> FieldValue:
        value = _text_or_none(plain_text(attribute(pub)))
        if value is None and raw_name is not None:
            return _text_or_none(pub.fields.get(raw_name))
        return value

    return getter


def _keywords(pub: Publication) -> FieldValue:
    raw = pub.fields.get("keywords", "")
    words = (word.strip() for word in _KEYWORD_SEPARATORS.split(raw))
    return tuple(word for word in words if word) or None


def _date(pub: Publication) -> FieldValue:
    if pub.year is None:
        return None
    parts = [f"{pub.year:04d}"]
    if pub.month is not None:
        parts.append(f"{pub.month:02d}")
        if pub.day is not None:
            parts.append(f"{pub.day:02d}")
    return "-".join(parts)


_DERIVED: dict[str, ValueGetter] = {
    "year": lambda pub: pub.year,
    "month": lambda pub: pub.month,
    "day": lambda pub: pub.day,
    "date": _date,
    "type": lambda pub: pub.entry_type or None,
    "key": lambda pub: pub.key or None,
    "author": lambda pub: _names(pub.authors),
    "editor": lambda pub: _names(pub.editors),
    "title": _rich(lambda pub: pub.title, "title"),
    # BibLaTeX's own ``venue`` field is an event's place, not the venue shown.
    "venue": _rich(lambda pub: pub.venue, None),
    "abstract": _rich(lambda pub: pub.abstract, "abstract"),
    "keywords": _keywords,
    # A ``selected`` field or keyword, so ``:filter: selected`` picks the same
    # entries that carry the "Selected" badge.
    "selected": lambda pub: "yes" if is_selected(pub) else None,
}


NAME_FIELDS = frozenset({"author", "editor"})


def value_getter(name: str) -> ValueGetter:
    """Return the function giving field ``name`` (derived or raw, any case) of a publication."""
    name = name.lower()
    derived = _DERIVED.get(name)
    if derived is not None:
        return derived

    def raw(pub: Publication) -> FieldValue:
        return _text_or_none(pub.fields.get(name))

    return raw


def field_value(pub: Publication, name: str) -> FieldValue:
    """Field ``name`` of ``pub``: a derived value, else the raw field text, else ``None``.

    Derived: ``year``/``month``/``day`` (int), ``date`` ("YYYY-MM-DD", partial),
    ``type``, ``key``, ``author``/``editor`` (full names), ``title``/``venue``/
    ``abstract`` (plain text), ``keywords`` (split on ``,`` or ``;``), ``selected``
    ("yes" for a true ``selected`` field or a ``selected`` keyword).
    """
    return value_getter(name)(pub)


def text_getter(name: str) -> Callable[[Publication], str]:
    """Return the function giving field ``name`` as one string ("" when missing).

    Names are joined; other lists (keywords) give the whole raw field.
    """
    name = name.lower()
    getter = value_getter(name)

    def as_text(pub: Publication) -> str:
        value = getter(pub)
        if value is None:
            return ""
        if isinstance(value, tuple):
            whole = None if name in NAME_FIELDS else _text_or_none(pub.fields.get(name))
            return whole or "; ".join(value)
        return str(value)

    return as_text
