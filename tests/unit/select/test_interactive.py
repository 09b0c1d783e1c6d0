"""The interactive page's select stage: controls, sort choices, group modes and ranks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_publist.bib.model import Publication
from sphinxcontrib_publist.core.diagnostics import Subtype
from sphinxcontrib_publist.select import parse_sort, parse_tab_option, sort_publications
from sphinxcontrib_publist.select.interactive import (
    FLATTEN,
    KEEP_GROUPS,
    LIST_ORDER,
    ORDER_GROUPS,
    STANDARD_SORTS,
    group_mode,
    is_controls_value,
    parse_controls,
    plan_interactive,
    sort_choices,
)

from ..samples import ALIGN, FAIR, JEM, LAB, PRIME, lab_pub

CONTROLS_CASES = [
    # value, site default, has tabs, expected controls, number of problems
    (None, "none", False, (), 0),
    (None, "none", True, ("tabs",), 0),
    (None, "sort, search", False, ("sort", "search"), 0),
    (None, "tabs sort", False, ("sort",), 0),
    ("search, sort", "none", False, ("sort", "search"), 0),
    ("tabs, sort, search", "none", True, ("tabs", "sort", "search"), 0),
    ("sort", "none", True, ("tabs", "sort"), 0),
    ("none", "sort, search", False, (), 0),
    ("SORT", "none", False, ("sort",), 0),
    ("tabs", "none", False, (), 1),
    ("sort, filters", "none", False, ("sort",), 1),
]


@pytest.mark.parametrize(("value", "default", "has_tabs", "expected", "problems"), CONTROLS_CASES)
def test_parse_controls(
    value: str | None, default: str, has_tabs: bool, expected: tuple[str, ...], problems: int
) -> None:
    controls, diagnostics = parse_controls(value, default, has_tabs)
    assert controls == expected
    assert len(diagnostics) == problems
    assert all(problem.subtype is Subtype.OPTION for problem in diagnostics)


@pytest.mark.parametrize(
    ("value", "valid"),
    [("none", True), ("tabs, sort, search", True), ("", True), ("sort search", True),
     ("sorting", False), (["sort"], False), (None, False)],
)  # fmt: skip
def test_controls_config_value(value: object, valid: bool) -> None:
    assert is_controls_value(value) is valid


def test_the_standard_order_matching_the_list_is_the_initial_choice() -> None:
    newest_first = sort_publications(LAB, parse_sort("-year, title"))
    choices, initial = sort_choices(newest_first)
    assert [choice.id for choice in choices] == ["title", "-title", "year", "-year", "author"]
    assert initial == "-year"


def test_an_order_no_choice_reproduces_is_offered_as_the_list_order() -> None:
    choices, initial = sort_choices([JEM, PRIME, ALIGN, FAIR])
    assert choices[0] == LIST_ORDER
    assert initial == LIST_ORDER.id


def test_author_order_only_where_the_list_has_authors() -> None:
    anonymous = [lab_pub("a", "A", 2001), lab_pub("b", "C", 2000), lab_pub("c", "B", 1999)]
    choices, initial = sort_choices(anonymous)
    assert "author" not in [choice.id for choice in choices]
    assert initial == "-year"


@pytest.mark.parametrize(
    ("choice_id", "group_by", "mode"),
    [
        ("-year", "year", ORDER_GROUPS),
        ("year", "year", ORDER_GROUPS),
        ("title", "year", FLATTEN),
        ("author", "year", FLATTEN),
        ("title", "type", KEEP_GROUPS),
        ("-year", "type", KEEP_GROUPS),
        ("title", "none", KEEP_GROUPS),
    ],
)
def test_group_modes(choice_id: str, group_by: str, mode: str) -> None:
    choice = next(choice for choice in STANDARD_SORTS if choice.id == choice_id)
    assert group_mode(choice, group_by) == mode
    assert group_mode(LIST_ORDER, group_by) == KEEP_GROUPS


def test_plan_carries_ranks_and_tabs() -> None:
    displayed = sort_publications(LAB, parse_sort("-year, title"))
    tabs, _ = parse_tab_option("All: all\nGoogle: keywords contains 'google'")
    plan = plan_interactive(displayed, ("tabs", "sort", "search"), tabs, "none")
    assert plan.tab_ids == ("all", "google")
    assert plan.memberships == ((0, 1), (0, 1), (0,), (0,))
    assert len(plan.ranks) == len(displayed)
    assert plan.initial_sort == "-year"


def test_without_tabs_entries_carry_only_ranks() -> None:
    plan = plan_interactive(LAB, ("sort",), (), "none")
    assert plan.memberships is None
    assert all(len(ranks) == len(plan.sorts) for ranks in plan.ranks)


def test_without_a_sort_menu_the_list_order_is_the_only_choice() -> None:
    plan = plan_interactive(LAB, ("search",), (), "none")
    assert plan.sorts == (LIST_ORDER,)
    assert list(plan.ranks) == [(0,), (1,), (2,), (3,)]


titles = st.text(alphabet="aAbBéÉ z09", max_size=6)
publications = st.lists(
    st.builds(
        lab_pub,
        key=st.text(alphabet="abcdef", min_size=1, max_size=4),
        title=titles,
        year=st.one_of(st.none(), st.integers(1990, 2030)),
        authors=st.lists(st.tuples(titles, titles), max_size=2).map(tuple),
    ),
    max_size=12,
    unique_by=lambda pub: pub.key,
)


@settings(max_examples=60, deadline=None)
@given(publications)
def test_ranks_reproduce_the_server_order_for_every_choice(pubs: list[Publication]) -> None:
    plan = plan_interactive(pubs, ("sort",), (), "none")
    for index, choice in enumerate(plan.sorts):
        ranks = [entry_ranks[index] for entry_ranks in plan.ranks]
        by_rank = [pub.key for _, pub in sorted(zip(ranks, pubs, strict=True))]
        expected = pubs if choice.keys is None else sort_publications(pubs, choice.keys)
        assert by_rank == [pub.key for pub in expected]
