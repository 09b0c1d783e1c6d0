"""The interactive page's select stage: controls, tabs, sort choices and script data."""

from __future__ import annotations

from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_publist.bib.model import Person, Publication
from sphinxcontrib_publist.core.diagnostics import Subtype
from sphinxcontrib_publist.core.richtext import text
from sphinxcontrib_publist.select import Tab, parse_sort, parse_tab_option, sort_publications
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
from sphinxcontrib_publist.select.tabs import tab_ids


def make_pub(
    key: str,
    title: str = "",
    year: int | None = None,
    authors: tuple[tuple[str, str], ...] = (),
    keywords: str = "",
    venue: str = "",
    abstract: str = "",
) -> Publication:
    fields = {"title": title, "keywords": keywords} if keywords else {"title": title}
    return Publication(
        key=key,
        entry_type="article",
        fields=MappingProxyType(fields),
        authors=tuple(Person(first=first, last=last) for first, last in authors),
        title=text(title),
        venue=text(venue),
        abstract=text(abstract),
        year=year,
    )


JEM = make_pub(
    "jem",
    "Your classifier is secretly an energy based model",
    2020,
    (("Will", "Grathwohl"), ("Jörn-Henrik", "Jacobsen")),
    keywords="google, ebm",
    venue="ICLR",
    abstract="We propose to reinterpret a classifier.",
)
FAIR = make_pub(
    "fair", "Flexibly Fair Representation Learning", 2019, (("Elliot", "Creager"),), venue="ICML"
)
PRIME = make_pub(
    "prime", "Data-Driven Offline Optimization", 2022, (("Aviral", "Kumar"),), keywords="google"
)
ALIGN = make_pub("align", "Learning Hard Alignments", 2017, (("Dieterich", "Lawson"),))
SAMPLES = (PRIME, JEM, FAIR, ALIGN)


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


def test_tabs_use_the_filter_language() -> None:
    tabs, problems = parse_tab_option(
        """
        Authored Publications: all
        Google Publications: keywords contains "google"
        Other Publications: not keywords contains "google"
        """
    )
    assert problems == []
    assert [tab.label for tab in tabs] == [
        "Authored Publications",
        "Google Publications",
        "Other Publications",
    ]
    assert tabs[0].filter is None
    members = [
        [pub.key for pub in SAMPLES if tab.filter is None or tab.filter(pub)] for tab in tabs
    ]
    assert members == [["prime", "jem", "fair", "align"], ["prime", "jem"], ["fair", "align"]]


@pytest.mark.parametrize(
    "value", ["Google: keywords contains", "no colon here", ": all", "A: all\nA: all"]
)
def test_a_bad_tab_definition_drops_the_tabs_with_a_filter_problem(value: str) -> None:
    tabs, problems = parse_tab_option(value)
    assert tabs == ()
    assert [problem.subtype for problem in problems] == [Subtype.FILTER]


@pytest.mark.parametrize("value", [None, "", "  \n "])
def test_no_tab_option_means_no_tabs(value: str | None) -> None:
    assert parse_tab_option(value) == ((), [])


def test_tab_ids_are_url_safe_and_distinct() -> None:
    tabs = [Tab("Google Publications", None), Tab("Google publications!", None), Tab("—", None)]
    assert tab_ids(tabs) == ("google-publications", "google-publications-2", "tab-3")


def test_the_standard_order_matching_the_list_is_the_initial_choice() -> None:
    newest_first = sort_publications(SAMPLES, parse_sort("-year, title"))
    choices, initial = sort_choices(newest_first)
    assert [choice.id for choice in choices] == ["title", "-title", "year", "-year", "author"]
    assert initial == "-year"


def test_an_order_no_choice_reproduces_is_offered_as_the_list_order() -> None:
    choices, initial = sort_choices([JEM, PRIME, ALIGN, FAIR])
    assert choices[0] == LIST_ORDER
    assert initial == LIST_ORDER.id


def test_author_order_only_where_the_list_has_authors() -> None:
    anonymous = [make_pub("a", "A", 2001), make_pub("b", "C", 2000), make_pub("c", "B", 1999)]
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
    displayed = sort_publications(SAMPLES, parse_sort("-year, title"))
    tabs, _ = parse_tab_option("All: all\nGoogle: keywords contains 'google'")
    plan = plan_interactive(displayed, ("tabs", "sort", "search"), tabs, "none")
    assert plan.tab_ids == ("all", "google")
    assert plan.memberships == ((0, 1), (0, 1), (0,), (0,))
    assert len(plan.ranks) == len(displayed)
    assert plan.initial_sort == "-year"


def test_without_tabs_entries_carry_only_ranks() -> None:
    plan = plan_interactive(SAMPLES, ("sort",), (), "none")
    assert plan.memberships is None
    assert all(len(ranks) == len(plan.sorts) for ranks in plan.ranks)


def test_without_a_sort_menu_the_list_order_is_the_only_choice() -> None:
    plan = plan_interactive(SAMPLES, ("search",), (), "none")
    assert plan.sorts == (LIST_ORDER,)
    assert list(plan.ranks) == [(0,), (1,), (2,), (3,)]


titles = st.text(alphabet="aAbBéÉ z09", max_size=6)
publications = st.lists(
    st.builds(
        make_pub,
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
