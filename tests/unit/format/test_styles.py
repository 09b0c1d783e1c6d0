"""A list's style by name: the default one or a pybtex one, the same record from each."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist.format.default_style import format_default
from sphinxcontrib_publist.format.styles import DEFAULT_STYLE, format_entries, style_exists

from ..samples import converted, format_options

PUBLICATIONS = converted(
    ("b2021", "article", {"author": "Roe, Richard", "title": "B", "journal": "J", "year": "2021"}),
    ("a2020", "book", {"author": "Doe, Jane", "title": "A", "publisher": "P", "year": "2020"}),
    ("anonymous", "article", {"title": "Nobody", "journal": "J", "year": "2019"}),
)
OPTIONS = format_options(highlight=("Jane Doe",))


@pytest.mark.parametrize(
    ("name", "exists"),
    [
        (DEFAULT_STYLE, True),
        ("plain", True),
        ("alpha", True),
        ("Default", False),
        ("", False),
    ],
)
def test_style_exists(name: str, exists: bool) -> None:
    assert style_exists(name) is exists


def test_the_default_style_gives_the_parts_and_never_a_problem() -> None:
    entries, problems = format_entries(PUBLICATIONS, DEFAULT_STYLE, OPTIONS)
    assert entries == [format_default(publication, OPTIONS) for publication in PUBLICATIONS]
    assert problems == []
    assert all(entry.reference == () and entry.label == "" for entry in entries)


@pytest.mark.parametrize("style", ["plain", "unsrt", "alpha", "unsrtalpha"])
def test_a_pybtex_style_keeps_the_display_order_and_adds_references(style: str) -> None:
    entries, problems = format_entries(PUBLICATIONS, style, OPTIONS)
    assert [entry.key for entry in entries] == ["b2021", "a2020", "anonymous"]
    assert all(entry.reference for entry in entries)
    assert all(entry.label for entry in entries)
    assert [problem.line for problem in problems] == [21]
