"""The entries one list shows: :keys:, then :filter:, :sort: and :limit:, in that order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_publist.core.diagnostics import Subtype
from sphinxcontrib_publist.select import parse_filter, parse_sort
from sphinxcontrib_publist.select.choose import choose

from ..samples import SAMPLES

NEWEST_FIRST = ["muller2020", "swersky2019", "cruz2018", "snoek2012", "untitled"]
GIVEN_ORDER = [pub.key for pub in SAMPLES]


def chosen(
    keys: str | None = None,
    entry_filter: str | None = None,
    sort: str = "-year, title",
    keep_key_order: bool = False,
    limit: int | None = None,
) -> tuple[list[str], list[str]]:
    publications, problems = choose(
        SAMPLES,
        keys.split() if keys is not None else None,
        parse_filter(entry_filter) if entry_filter else None,
        parse_sort(sort),
        keep_key_order,
        limit,
    )
    assert all(problem.subtype is Subtype.OPTION for problem in problems)
    return [pub.key for pub in publications], [problem.message for problem in problems]


@pytest.mark.parametrize(
    ("arguments", "keys"),
    [
        ({}, NEWEST_FIRST),
        ({"sort": "key"}, sorted(GIVEN_ORDER)),
        ({"limit": 2}, NEWEST_FIRST[:2]),
        ({"limit": 0}, []),
        ({"limit": 99}, NEWEST_FIRST),
        ({"entry_filter": 'keywords contains "google"'}, ["swersky2019", "snoek2012"]),
        # The limit applies after the filter and the sort.
        ({"entry_filter": "year", "sort": "year", "limit": 2}, ["snoek2012", "cruz2018"]),
        # Keys in their own order unless the list is sorted; any case.
        ({"keys": "cruz2018 SNOEK2012 untitled", "keep_key_order": True},
         ["cruz2018", "snoek2012", "untitled"]),
        ({"keys": "cruz2018 snoek2012 untitled"}, ["cruz2018", "snoek2012", "untitled"]),
        ({"keys": "untitled snoek2012 cruz2018"}, ["cruz2018", "snoek2012", "untitled"]),
        ({"keys": "untitled snoek2012 cruz2018", "keep_key_order": True, "limit": 2},
         ["untitled", "snoek2012"]),
        ({"keys": "cruz2018 snoek2012", "entry_filter": "year > 2015", "keep_key_order": True},
         ["cruz2018"]),
        ({"keys": ""}, []),
        # Not sorting keeps the order the publications came in.
        ({"keep_key_order": True}, GIVEN_ORDER),
    ],
)  # fmt: skip
def test_choose(arguments: dict[str, object], keys: list[str]) -> None:
    assert chosen(**arguments) == (keys, [])  # type: ignore[arg-type]


def test_an_unknown_key_is_one_problem_each_and_the_rest_are_shown() -> None:
    keys, problems = chosen("cruz2018 nosuch Other", keep_key_order=True)
    assert keys == ["cruz2018"]
    assert problems == [
        ":keys: names unknown key 'nosuch'",
        ":keys: names unknown key 'Other'",
    ]


def test_a_key_listed_twice_is_shown_twice() -> None:
    # Each name is looked up as given; a list of keys is the user's own.
    assert chosen("cruz2018 cruz2018", keep_key_order=True)[0] == ["cruz2018", "cruz2018"]


def test_choosing_leaves_the_input_alone() -> None:
    before = list(SAMPLES)
    chosen("cruz2018", limit=1)
    assert list(SAMPLES) == before


@given(
    st.lists(st.sampled_from(GIVEN_ORDER), unique=True),
    st.booleans(),
    st.none() | st.integers(0, 6),
)
def test_keys_in_their_order_then_the_limit(
    keys: list[str], keep_key_order: bool, limit: int | None
) -> None:
    shown, problems = chosen(" ".join(keys), keep_key_order=keep_key_order, limit=limit)
    expected = keys if keep_key_order else [key for key in NEWEST_FIRST if key in keys]
    assert shown == expected[:limit]
    assert problems == []
