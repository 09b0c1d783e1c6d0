"""Model stage: an entry's date and publication state, only ever as the data gives them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

FORTHCOMING_STATES = frozenset({"forthcoming", "inpress", "in press", "accepted", "submitted"})
FORTHCOMING_NOTE = re.compile(
    r"\b(to appear|in press|forthcoming|accepted for publication)\b", re.IGNORECASE
)
# What people write in ``year`` for work not yet out: "in press", "{to appear}"...
FORTHCOMING_YEAR = re.compile(
    r"^\W*(?:to appear|in ?press|forthcoming|submitted|accepted|under review)\b",
    re.IGNORECASE,
)
# Four digits standing alone: "901968" holds no year, "circa 2019" does.
YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
ISO_DATE = re.compile(r"^\s*(\d{4})(?!\d)(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
# xampl.bib's sorting trick: \switchargs{--90}{1968} prints "1968--90".
_SWITCHARGS = re.compile(r"\\switchargs\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}


def visible_year(raw_year: str) -> str:
    r"""The LaTeX source of ``year`` with xampl's ``\switchargs`` applied, as it prints."""
    return _SWITCHARGS.sub(r"\2\1", raw_year) if "\\switchargs" in raw_year else raw_year


def date_parts(fields: Mapping[str, str]) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) from ``date``, ``year`` and ``month``; None where the data has none."""
    year = month = day = None
    date = ISO_DATE.match(fields.get("date", ""))
    if date:
        year = int(date.group(1))
        month = int(date.group(2)) if date.group(2) else None
        day = int(date.group(3)) if date.group(3) else None
    found_year = YEAR.search(fields.get("year", ""))
    if found_year:
        year = int(found_year.group())
    month = _month_number(fields.get("month", "")) or month
    if month is not None and not 1 <= month <= 12:
        month = None
    return year, month, day


def year_says_forthcoming(fields: Mapping[str, str]) -> bool:
    """True when ``year`` holds a state ("in press", "to appear"...) instead of a year."""
    return FORTHCOMING_YEAR.match(fields.get("year", "")) is not None


def is_forthcoming(fields: Mapping[str, str], year: int | None, today: dt.date) -> bool:
    """Whether the entry is accepted but not out: by its state, note, year field or date."""
    if fields.get("pubstate", "").strip().lower() in FORTHCOMING_STATES:
        return True
    if FORTHCOMING_NOTE.search(fields.get("note", "")) or FORTHCOMING_NOTE.search(
        fields.get("pubstate", "")
    ):
        return True
    if year is None and year_says_forthcoming(fields):
        return True
    return year is not None and year > today.year


def _month_number(value: str) -> int | None:
    value = value.strip().lower().rstrip(".")
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    if value.isdecimal():
        return int(value)
    return MONTHS.get(value)
