"""Select stage: the values filters, sort keys and groups see for a publication."""

from __future__ import annotations

from collections.abc import Callable

from ..bib.badges import is_selected
from ..bib.model import Person, Publication, partial_date
from ..core.folding import NaturalKey, natural_key
from ..core.richtext import RichText, plain_text

FieldValue = int | str | tuple[str, ...] | None
"""What a field name means for one publication; ``None`` when it is missing or blank."""

ValueGetter = Callable[[Publication], FieldValue]


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
    return pub.keywords or None


def _date(pub: Publication) -> FieldValue:
    return partial_date(pub.year, pub.month, pub.day, "-") or None


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
