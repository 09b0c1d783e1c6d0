"""Long author lines: which names stay visible and which fold away."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist.core.richtext import Name
from sphinxcontrib_publist.format.authors import split_authors


def names(spec: str) -> list[Name]:
    """``"a b C d"``: one name per letter, upper case for highlighted ones."""
    return [Name(letter.lower(), letter.isupper()) for letter in spec.split()]


def shown(line: tuple[Name | None, ...]) -> str:
    return " ".join("…" if name is None else name.text for name in line)


@pytest.mark.parametrize(
    ("authors", "limit", "visible", "hidden"),
    [
        ("a b c d e", None, "a b c d e", ""),
        ("a b c d e", 5, "a b c d e", ""),
        ("a b c d e", 9, "a b c d e", ""),
        ("a b c d e", 2, "a b", "c d e"),
        ("a b c d e", 1, "a", "b c d e"),
        ("a b C d e", 2, "a b c", "d e"),
        ("a b c d E", 2, "a b … e", "c d"),
        ("a B c d E", 1, "a b … e", "c d"),
        ("a b c d E", 4, "a b c d e", ""),
        ("A b c d e", 1, "a", "b c d e"),
    ],
)
def test_split_keeps_the_first_names_and_every_highlighted_one(
    authors: str, limit: int | None, visible: str, hidden: str
) -> None:
    line = split_authors(names(authors), limit)
    assert shown(line.visible) == visible
    assert " ".join(name.text for name in line.hidden) == hidden
