"""The facet plan: which facets a list offers, their values in chip order, each entry's values."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sphinxcontrib_publist.bib.names import NameMatcher
from sphinxcontrib_publist.core.diagnostics import Subtype
from sphinxcontrib_publist.select.facets import MAX_VALUES, Facet, parse_facets, plan_facets

from ..samples import lab_pub

ME = ("Ada", "Lovelace")
PUBS = [
    lab_pub("a", year=2021, authors=(ME, ("Charles", "Babbage")), keywords="Engines, history"),
    lab_pub("b", year=2019, authors=(ME, ("Mary", "Somerville")), keywords="engines"),
    replace(
        lab_pub("c", year=2021, authors=(ME, ("Charles", "Babbage")), venue="Imagination"),
        entry_type="inproceedings",
    ),
    replace(lab_pub("d", authors=(("Charlès", "Babbage"),)), entry_type="misc"),
]
OWN = NameMatcher(["Ada Lovelace"]).matches


def by_id(facets: tuple[Facet, ...]) -> dict[str, Facet]:
    return {facet.id: facet for facet in facets}


def values_of(facet: Facet) -> list[list[str]]:
    return [[facet.values[index] for index in member] for member in facet.members]


@pytest.mark.parametrize(
    ("value", "expected", "problems"),
    [
        (None, (), 0),
        ("year, type", ("year", "type"), 0),
        ("Coauthor  venue,keyword", ("coauthor", "venue", "keyword"), 0),
        ("year, year", ("year",), 0),
        ("year, colour, shape", ("year",), 1),
        ("", (), 0),
    ],
)
def test_parse_facets(value: str | None, expected: tuple[str, ...], problems: int) -> None:
    facets, found = parse_facets(value)
    assert facets == expected
    assert len(found) == problems
    assert all(problem.subtype is Subtype.OPTION for problem in found)


def test_unknown_names_are_named_in_the_warning() -> None:
    _, (problem,) = parse_facets("year, colour, shape")
    assert "colour, shape" in problem.message


def test_years_newest_first_and_entries_without_a_year_have_none() -> None:
    year = by_id(plan_facets(PUBS, ["year"], False, OWN))["year"]
    assert year.values == ("2021", "2019")
    assert values_of(year) == [["2021"], ["2019"], ["2021"], []]


def test_types_in_heading_order() -> None:
    facet = by_id(plan_facets(PUBS, ["type"], False, OWN))["type"]
    assert facet.values == ("article", "inproceedings", "misc")
    assert values_of(facet) == [["article"], ["article"], ["inproceedings"], ["misc"]]


def test_keywords_fold_case_and_keep_the_first_spelling() -> None:
    facet = by_id(plan_facets(PUBS, ["keyword"], False, OWN))["keyword"]
    assert facet.values == ("Engines", "history")
    assert values_of(facet) == [["Engines", "history"], ["Engines"], [], []]


def test_coauthors_leave_out_the_lists_own_people_and_fold_accents() -> None:
    facet = by_id(plan_facets(PUBS, ["coauthor"], False, OWN))["coauthor"]
    assert facet.values == ("Charles Babbage", "Mary Somerville")
    assert values_of(facet)[3] == ["Charles Babbage"]


def test_venues_without_a_value_give_none() -> None:
    facet = by_id(plan_facets(PUBS, ["venue"], False, OWN))["venue"]
    assert facet.values == ("Imagination",)
    assert values_of(facet) == [[], [], ["Imagination"], []]


def test_a_chart_brings_a_year_facet_that_is_not_shown() -> None:
    facets = plan_facets(PUBS, ["type"], True, OWN)
    assert [(facet.id, facet.shown) for facet in facets] == [("type", True), ("year", False)]
    assert [(facet.id, facet.shown) for facet in plan_facets(PUBS, ["year"], True, OWN)] == [
        ("year", True)
    ]


def test_a_facet_without_values_is_left_out() -> None:
    assert plan_facets(PUBS[:2], ["venue", "year"], False, OWN)[0].id == "year"


def test_open_ended_facets_keep_their_most_frequent_values() -> None:
    many = [
        lab_pub(f"p{number}", authors=((f"Author{number % (MAX_VALUES + 5)}", "Smith"),))
        for number in range(3 * MAX_VALUES)
    ]
    facet = plan_facets(many, ["coauthor"], False, OWN)[0]
    assert len(facet.values) == MAX_VALUES
    # Authors 0-19 write three papers each, 20-34 two: ties go alphabetically.
    assert facet.values[:2] == ("Author0 Smith", "Author1 Smith")
    assert "Author29 Smith" in facet.values
    assert "Author30 Smith" not in facet.values
    # The ten papers of authors 30-34 have no chip left, and are still in the list.
    assert sum(1 for member in facet.members if not member) == 10
    assert len(facet.members) == len(many)
