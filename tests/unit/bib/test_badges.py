from __future__ import annotations

import pytest

from sphinxcontrib_publist.bib.badges import Badge, award, citation_count, entry_badges, is_selected
from sphinxcontrib_publist.bib.model import Publication
from sphinxcontrib_publist.core.richtext import Name
from sphinxcontrib_publist.format.authors import split_authors
from sphinxcontrib_publist.select import parse_filter


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


@pytest.mark.parametrize(
    ("expression", "keys"),
    [
        ("selected", ["field", "keyword"]),
        ("not selected", ["declined", "plain"]),
        ('selected == "yes"', ["field", "keyword"]),
        ("selected and year > 2020", ["keyword"]),
    ],
)
def test_the_filter_language_sees_selected_entries(expression: str, keys: list[str]) -> None:
    publications = [
        Publication(key="field", entry_type="misc", fields={"selected": "true"}, year=2019),
        Publication(key="keyword", entry_type="misc", fields={"keywords": "selected"}, year=2021),
        Publication(key="declined", entry_type="misc", fields={"selected": "no"}, year=2022),
        Publication(key="plain", entry_type="misc", year=2022),
    ]
    chosen = parse_filter(expression)
    assert [pub.key for pub in publications if chosen(pub)] == keys
