"""Badges: selected entries, awards and citation counts, in a fixed order."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist.bib.badges import Badge, award, citation_count, entry_badges, is_selected
from sphinxcontrib_publist.bib.model import Publication


def publication(**fields: str) -> Publication:
    return Publication(key="k", entry_type="article", fields=fields, raw_fields=fields)


@pytest.mark.parametrize(
    ("fields", "selected"),
    [
        ({"selected": "true"}, True),
        ({"selected": "Yes"}, True),
        ({"selected": "1"}, True),
        ({"selected": "no"}, False),
        ({"selected": "false"}, False),
        ({"keywords": "ml, selected; systems"}, True),
        ({"keywords": "Selected"}, True),
        ({"keywords": "unselected, selection"}, False),
        ({}, False),
    ],
)
def test_selected(fields: dict[str, str], selected: bool) -> None:
    assert is_selected(publication(**fields)) is selected


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"award": "Best Paper Award"}, "Best Paper Award"),
        ({"award": "yes"}, ""),
        ({"note": "Best Paper"}, "Best Paper"),
        ({"note": "Outstanding paper award at ICLR"}, "Outstanding paper award at ICLR"),
        ({"note": "Best student paper"}, "Best student paper"),
        ({"note": "to appear"}, None),
        ({"note": "Awarded nothing; rewards"}, "Awarded nothing; rewards"),
        ({}, None),
    ],
)
def test_award(fields: dict[str, str], expected: str | None) -> None:
    assert award(publication(**fields)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("42", 42), ("1,234", 1234), (" 7 ", 7), ("many", None), ("", None), ("-3", None)],
)
def test_citation_count(value: str, expected: int | None) -> None:
    assert citation_count(publication(citations=value), "citations") == expected
    assert citation_count(publication(citations=value), None) is None


def test_badges_come_in_a_fixed_order() -> None:
    pub = publication(citations="12", keywords="selected", award="Test of Time")
    assert entry_badges(pub, "citations") == (
        Badge("award", "Test of Time"),
        Badge("selected"),
        Badge("citations", "12"),
    )
    assert entry_badges(publication(), "citations") == ()
