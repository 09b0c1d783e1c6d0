"""Source stage: the partial dates other formats write (``2021``, ``2021-05``, ``2021/05/03/``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import MONTHS

# ISO and EDTF (``2021-05``, ``2021-05-03T10:00``, ``2021?``), RIS (``2021/05/03/``, ``2021///``).
_NUMERIC = re.compile(
    r"^\s*(\d{4})[?~%]?(?:[-/](\d{1,2})[?~%]?)?(?:[-/](\d{1,2})[?~%]?)?(?:[/T ].*)?$"
)
# ``May 2021``, ``3 May 2021``, ``2021 May 3``, ``May 3, 2021``.
_MONTH_WORD = re.compile(r"[A-Za-z]+\.?")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_DAY = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
# An interval: ``2021/2022``, ``2021-05/2021-06``, ``2021--2022``.
_INTERVAL = re.compile(r"^\s*(\d{4}(?:-\d{1,2}){0,2})\s*(?:/|--)\s*(\d{4}(?:-\d{1,2}){0,2})\s*$")


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day; ``end`` is an interval's end as ISO text."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    end: str = ""

    @classmethod
    def of(cls, year: int | None, month: int | None = None, day: int | None = None) -> PartialDate:
        """A date from its parts, dropping a month or day out of range (and a day without month)."""
        if year is None or not 0 < year < 10000:
            return cls()
        if month is not None and not 1 <= month <= 12:
            month = None
        if month is None or (day is not None and not 1 <= day <= 31):
            day = None
        return cls(year, month, day)

    def iso(self) -> str:
        """``2021-05-03``, ``2021-05`` or ``2021``, with ``/end`` for an interval."""
        if self.year is None:
            return ""
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
            if self.day is not None:
                parts.append(f"{self.day:02d}")
        start = "-".join(parts)
        return f"{start}/{self.end}" if self.end else start


def parse_date(text: str) -> PartialDate | None:
    """The date ``text`` writes, or None when it holds no year."""
    interval = _INTERVAL.match(text)
    if interval:
        start, end = parse_date(interval.group(1)), parse_date(interval.group(2))
        if start is not None and end is not None and start.year is not None:
            return PartialDate(start.year, start.month, start.day, end.iso())
    numeric = _NUMERIC.match(text)
    if numeric:
        year, month, day = (int(part) if part else None for part in numeric.groups())
        return PartialDate.of(year, month, day)
    return _worded(text)


def _worded(text: str) -> PartialDate | None:
    year = _YEAR.search(text)
    if year is None:
        return None
    rest = text[: year.start()] + " " + text[year.end() :]
    months = [
        MONTHS[word.group().lower().rstrip(".")]
        for word in _MONTH_WORD.finditer(rest)
        if word.group().lower().rstrip(".") in MONTHS
    ]
    month = months[0] if months else None
    day = _DAY.search(rest)
    return PartialDate.of(int(year.group()), month, int(day.group()) if day and month else None)
