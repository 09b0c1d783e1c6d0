"""Whole numbers read from user text, safe against Python's limit on digits."""

from __future__ import annotations


def whole_number(text: str) -> int | None:
    """The integer ``text`` spells (sign and blanks around it allowed), else ``None``.

    Also ``None`` beyond the 4,300 digits Python reads from text, which would
    otherwise raise where bib data or an option holds a huge number.
    """
    try:
        return int(text)
    except ValueError:
        return None
