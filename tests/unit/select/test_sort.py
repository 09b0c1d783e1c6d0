"""Sort keys: parsing, total and deterministic orders, ranks."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_publist.bib.model import Person, Publication
from sphinxcontrib_publist.core.diagnostics import PublistError
from sphinxcontrib_publist.select import SortKey, parse_sort, sort_publications, sort_ranks
from sphinxcontrib_publist.select.fields import field_value

from ..samples import ADAMS, CRUZ, MULLER, SAMPLES, SNOEK, SWERSKY, make_pub

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
