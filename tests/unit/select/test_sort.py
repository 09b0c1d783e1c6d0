"""Derived field values, sorting, ranks, grouping and tab definitions."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_publist.bib.model import Person, Publication
from sphinxcontrib_publist.core.diagnostics import PublistError
from sphinxcontrib_publist.core.folding import fold, natural_key
from sphinxcontrib_publist.select import (
    Group,
    SortKey,
    group_publications,
    parse_sort,
    parse_tabs,
    sort_publications,
    sort_ranks,
)
from sphinxcontrib_publist.select.fields import FieldValue, field_value, full_name

from .sample_publications import (
    ADAMS,
    CRUZ,
    MULLER,
    SAMPLES,
    SNOEK,
    STYLED_TITLE,
    SWERSKY,
    make_pub,
)

BY_KEY = {pub.key: pub for pub in SAMPLES}

FIELD_VALUE_CASES = [
    ("swersky2019", "year", 2019),
    ("swersky2019", "month", 5),
    ("swersky2019", "day", 3),
    ("swersky2019", "date", "2019-05-03"),
    ("muller2020", "date", "2020-11"),
    ("cruz2018", "date", "2018"),
    ("untitled", "date", None),
    ("untitled", "year", None),
    ("snoek2012", "type", "inproceedings"),
    ("snoek2012", "key", "snoek2012"),
    ("snoek2012", "author", ("Jasper Snoek", "Kevin Swersky", "Ryan P. Adams")),
    ("cruz2018", "author", ("Zoë de la Cruz, Jr.",)),
    ("untitled", "author", None),
    ("untitled", "editor", None),
    ("swersky2019", "title", "Élan: Part 2"),
    ("untitled", "title", None),
    ("swersky2019", "venue", "Journal of Machine Learning Research"),
    ("snoek2012", "abstract", "We tune hyper-parameters."),
    ("swersky2019", "abstract", None),
    ("swersky2019", "keywords", ("Google", "Machine Learning")),
    ("snoek2012", "keywords", ("bayesian", "google")),
    ("cruz2018", "keywords", None),
    ("cruz2018", "Institution", "Université de Montréal"),
    ("muller2020", "pubstate", "forthcoming"),
    ("muller2020", "nosuch", None),
]


@pytest.mark.parametrize(("key", "name", "expected"), FIELD_VALUE_CASES)
def test_field_values(key: str, name: str, expected: FieldValue) -> None:
    assert field_value(BY_KEY[key], name) == expected


@given(
    st.builds(
        Person,
        first=st.sampled_from(["", "Kevin", "Zoë Ann"]),
        middle=st.sampled_from(["", "P.", "J. R."]),
        prelast=st.sampled_from(["", "de la", "van"]),
        last=st.sampled_from(["", "Cruz", "Müller"]),
        lineage=st.sampled_from(["", "Jr."]),
    )
)
def test_full_name_matches_the_model(person: Person) -> None:
    assert full_name(person) == person.full_name()


def test_rich_text_fields_are_plain_text() -> None:
    assert field_value(STYLED_TITLE, "title") == "Deep Learning"
    assert field_value(STYLED_TITLE, "venue") == "Nature"


FOLD_CASES = [
    ("Ångström Œuvre", "angstrom oeuvre"),
    ("Straße", "strasse"),
    ("Łódź  Ørsted\tÆsir", "lodz orsted aesir"),
    ("  Zoë\n", "zoe"),
    ("e\u0301lan", "elan"),
    ("ΣΊΣΥΦΟΣ", "σισυφοσ"),
    ("ﬁx²", "fix2"),
    ("plain ASCII", "plain ascii"),
]


@pytest.mark.parametrize(("text", "folded"), FOLD_CASES)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_natural_key_orders_numbers_by_value() -> None:
    assert natural_key("Part 10") > natural_key("part 2") > natural_key("Part 1b")
    assert natural_key("Élan") == natural_key("elan")
    assert natural_key("2") < natural_key("a") < natural_key("b3")


PARSE_SORT_CASES = [
    ("", (SortKey("year", True), SortKey("title", False))),
    ("   ", (SortKey("year", True), SortKey("title", False))),
    ("-year, title", (SortKey("year", True), SortKey("title", False))),
    ("Title", (SortKey("title", False),)),
    (
        " - year ,author,-pub-state",
        (SortKey("year", True), SortKey("author"), SortKey("pub-state", True)),
    ),
]


@pytest.mark.parametrize(("spec", "expected"), PARSE_SORT_CASES)
def test_parse_sort(spec: str, expected: tuple[SortKey, ...]) -> None:
    assert parse_sort(spec) == expected


PARSE_SORT_ERRORS = [
    ("year,,title", "empty sort key", 5),
    ("year,", "empty sort key", 5),
    ("year, 3x", 'invalid sort key "3x"', 6),
    ("-", 'invalid sort key "-"', 0),
    ("year, title desc", 'invalid sort key "title desc"', 6),
    ("+year", 'invalid sort key "+year"', 0),
]


@pytest.mark.parametrize(("spec", "message", "position"), PARSE_SORT_ERRORS)
def test_parse_sort_errors(spec: str, message: str, position: int) -> None:
    with pytest.raises(PublistError) as caught:
        parse_sort(spec)
    assert (caught.value.message, caught.value.position) == (message, position)


SORT_CASES = [
    ("-year, title", ["muller2020", "swersky2019", "cruz2018", "snoek2012", "untitled"]),
    ("", ["muller2020", "swersky2019", "cruz2018", "snoek2012", "untitled"]),
    ("year", ["snoek2012", "cruz2018", "swersky2019", "muller2020", "untitled"]),
    ("title", ["cruz2018", "swersky2019", "muller2020", "snoek2012", "untitled"]),
    ("-title", ["snoek2012", "muller2020", "swersky2019", "cruz2018", "untitled"]),
    ("author", ["cruz2018", "muller2020", "snoek2012", "swersky2019", "untitled"]),
    ("-author", ["swersky2019", "snoek2012", "muller2020", "cruz2018", "untitled"]),
    ("type, -year", ["muller2020", "swersky2019", "snoek2012", "untitled", "cruz2018"]),
    ("date", ["snoek2012", "cruz2018", "swersky2019", "muller2020", "untitled"]),
    ("-month", ["muller2020", "swersky2019", "cruz2018", "snoek2012", "untitled"]),
    ("key", ["cruz2018", "muller2020", "snoek2012", "swersky2019", "untitled"]),
    ("-key", ["untitled", "swersky2019", "snoek2012", "muller2020", "cruz2018"]),
    ("volume", ["muller2020", "snoek2012", "cruz2018", "swersky2019", "untitled"]),
    ("-volume", ["snoek2012", "muller2020", "cruz2018", "swersky2019", "untitled"]),
    ("venue", ["swersky2019", "snoek2012", "muller2020", "cruz2018", "untitled"]),
    ("-institution, year", ["cruz2018", "snoek2012", "swersky2019", "muller2020", "untitled"]),
    ("nosuch", ["cruz2018", "muller2020", "snoek2012", "swersky2019", "untitled"]),
    ("-nosuch", ["cruz2018", "muller2020", "snoek2012", "swersky2019", "untitled"]),
]


def keys_of(pubs: Sequence[Publication]) -> list[str]:
    return [pub.key for pub in pubs]


@pytest.mark.parametrize(("spec", "expected"), SORT_CASES)
def test_sort_orders(spec: str, expected: list[str]) -> None:
    keys = parse_sort(spec)
    assert keys_of(sort_publications(SAMPLES, keys)) == expected
    assert keys_of(sort_publications(reversed(SAMPLES), keys)) == expected


@pytest.mark.parametrize(("spec", "expected"), SORT_CASES)
def test_ranks_agree_with_sort(spec: str, expected: list[str]) -> None:
    ranks = sort_ranks(SAMPLES, parse_sort(spec))
    assert [expected.index(pub.key) for pub in SAMPLES] == ranks


NATURAL_TITLES = [
    ("t1", "Part 10"),
    ("t2", "part 2"),
    ("t3", "Élan"),
    ("t4", "Part 1b"),
    ("t5", "elan"),
    ("t6", "Zeta"),
    ("t7", "ÉLAN vital"),
    ("t8", "The Answer"),
    ("t9", "A Question"),
    ("t0", "Elan"),
]


def test_titles_sort_naturally_and_ignore_case_and_accents() -> None:
    pubs = [make_pub(key, title=title) for key, title in NATURAL_TITLES]
    ordered = sort_publications(pubs, parse_sort("title"))
    assert [field_value(pub, "title") for pub in ordered] == [
        "A Question",
        "Elan",
        "Élan",
        "elan",
        "ÉLAN vital",
        "Part 1b",
        "part 2",
        "Part 10",
        "The Answer",
        "Zeta",
    ]


def test_sort_keys_built_directly_are_case_insensitive() -> None:
    assert sort_publications(SAMPLES, [SortKey("YEAR", True)]) == sort_publications(
        SAMPLES, parse_sort("-year")
    )


def test_ties_break_by_key_ascending_in_both_directions() -> None:
    pubs = [make_pub(key, year=2000 + index % 2) for index, key in enumerate("dcbaef")]
    assert keys_of(sort_publications(pubs, parse_sort("year"))) == list("bdeacf")
    assert keys_of(sort_publications(pubs, parse_sort("-year"))) == list("acfbde")


def test_author_order_uses_given_names_after_family() -> None:
    pubs = [
        make_pub("x", authors=(Person(first="Zed", last="Smith"),)),
        make_pub("y", authors=(Person(first="Ann", last="Smith"), ADAMS)),
        make_pub("z", authors=(Person(first="Bob", last="Smith"),)),
    ]
    assert keys_of(sort_publications(pubs, parse_sort("author"))) == ["y", "z", "x"]


GROUP_CASES = [
    ("year", ["2020", "2019", "2018", "2012", ""]),
    ("YEAR", ["2020", "2019", "2018", "2012", ""]),
    ("type", ["article", "techreport", "inproceedings", "misc"]),
    ("keywords", ["", "Google, Machine Learning", "bayesian; google"]),
    ("pubstate", ["forthcoming", ""]),
    (
        "author",
        [
            "Jörg Müller",
            "Kevin Swersky; Jasper Snoek",
            "Zoë de la Cruz, Jr.",
            "Jasper Snoek; Kevin Swersky; Ryan P. Adams",
            "",
        ],
    ),
]


@pytest.mark.parametrize(("group_by", "values"), GROUP_CASES)
def test_groups_follow_first_appearance(group_by: str, values: list[str]) -> None:
    ordered = sort_publications(SAMPLES, parse_sort("-year"))
    groups = group_publications(ordered, group_by)
    assert [group.value for group in groups] == values
    assert {group.field for group in groups} == {group_by.lower()}
    members = [pub for group in groups for pub in group.publications]
    assert sorted(keys_of(members)) == sorted(keys_of(ordered))
    for group in groups:
        assert keys_of(group.publications) == [
            pub.key for pub in ordered if pub in group.publications
        ]


@pytest.mark.parametrize("group_by", ["none", "", " None "])
def test_no_grouping_is_one_group(group_by: str) -> None:
    assert group_publications(SAMPLES, group_by) == [Group("none", "", SAMPLES)]


def test_no_publications_no_groups() -> None:
    assert group_publications([], "year") == []
    assert group_publications([], "none") == []


def test_group_values_match_case_and_accent_insensitively() -> None:
    pubs = [
        make_pub("a", publisher="Université Press"),
        make_pub("b", publisher="Other"),
        make_pub("c", publisher="universite  press"),
    ]
    groups = group_publications(pubs, "publisher")
    assert [(group.value, keys_of(group.publications)) for group in groups] == [
        ("Université Press", ["a", "c"]),
        ("Other", ["b"]),
    ]


SEED_TABS = """
Authored Publications: all
Google Publications: keywords contains "google"

   Other Publications:not keywords contains "google"
Titled: title contains "a:b"
Everything: ALL
"""


def test_parse_tabs() -> None:
    tabs = parse_tabs(SEED_TABS)
    assert [tab.label for tab in tabs] == [
        "Authored Publications",
        "Google Publications",
        "Other Publications",
        "Titled",
        "Everything",
    ]
    assert tabs[0].filter is None
    assert tabs[4].filter is None
    sources = [tab.filter.source if tab.filter else None for tab in tabs]
    assert sources[1:4] == [
        'keywords contains "google"',
        'not keywords contains "google"',
        'title contains "a:b"',
    ]
    google, other = tabs[1].filter, tabs[2].filter
    assert google is not None
    assert other is not None
    assert [pub.key for pub in SAMPLES if google(pub)] == ["swersky2019", "snoek2012"]
    assert [pub.key for pub in SAMPLES if other(pub)] == ["muller2020", "untitled", "cruz2018"]


def test_empty_tabs_text_gives_no_tabs() -> None:
    assert parse_tabs("\n  \n") == []


TAB_ERRORS = [
    ("no colon here", 'line 1: expected "Label: expression"', 0),
    ("A: all\n  : year", "line 2: empty tab label", 9),
    ("A:   ", "line 1: empty filter expression", 2),
    ("A: year ==", "line 1: expected a quoted string or a number but found end of expression", 10),
    ("A: all\nB:  (year", 'line 2: expected ")" but found end of expression', 16),
    ("A: all\r\nB: year = 1", 'line 2: unknown operator "="', 16),
    ("A: all\nA: year", 'line 2: duplicate tab label "A"', 7),
]


@pytest.mark.parametrize(("text", "message", "position"), TAB_ERRORS)
def test_parse_tabs_errors(text: str, message: str, position: int) -> None:
    with pytest.raises(PublistError) as caught:
        parse_tabs(text)
    assert (caught.value.message, caught.value.position) == (message, position)


PEOPLE = [
    SWERSKY,
    SNOEK,
    ADAMS,
    MULLER,
    CRUZ,
    Person(last="Plato"),
    Person(first="Émile", last="zola"),
]

publications = st.lists(
    st.builds(
        make_pub,
        st.text(alphabet="abcAB12-", min_size=1, max_size=6),
        st.sampled_from(["article", "book", "misc"]),
        year=st.none() | st.integers(1990, 2030),
        month=st.none() | st.integers(1, 12),
        title=st.text(alphabet="aAeÉé 0123456789Zz:", max_size=12),
        authors=st.lists(st.sampled_from(PEOPLE), max_size=3).map(tuple),
        venue=st.sampled_from(["", "JMLR", "jmlr", "Élan"]),
    ),
    max_size=25,
    unique_by=lambda pub: pub.key,
)
sort_specs = st.sampled_from(
    [
        "",
        "year",
        "-year",
        "title",
        "-title",
        "author, -date",
        "-author",
        "type, venue, -month",
        "key",
    ]
)


@settings(max_examples=200)
@given(publications, sort_specs, st.randoms(use_true_random=False))
def test_sorting_is_a_deterministic_permutation_matching_ranks(
    pubs: list[Publication], spec: str, rng: random.Random
) -> None:
    keys = parse_sort(spec)
    ordered = sort_publications(pubs, keys)
    assert sorted(map(id, ordered)) == sorted(map(id, pubs))
    shuffled = list(pubs)
    rng.shuffle(shuffled)
    assert keys_of(sort_publications(shuffled, keys)) == keys_of(ordered)
    ranks = sort_ranks(pubs, keys)
    assert sorted(ranks) == list(range(len(pubs)))
    assert all(ordered[rank] is pub for rank, pub in zip(ranks, pubs, strict=True))


@settings(max_examples=100)
@given(publications, st.booleans())
def test_missing_years_sort_last_either_way(pubs: list[Publication], descending: bool) -> None:
    ordered = sort_publications(pubs, [SortKey("year", descending)])
    years = [pub.year for pub in ordered]
    present = [year for year in years if year is not None]
    assert years == present + [None] * (len(years) - len(present))
    assert present == sorted(present, reverse=descending)
