"""Grouping: groups in order of first appearance, values folded for matching."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from sphinxcontrib_publist.bib.model import Publication
from sphinxcontrib_publist.select import Group, group_publications, parse_sort, sort_publications

from ..samples import SAMPLES, make_pub


def keys_of(pubs: Sequence[Publication]) -> list[str]:
    return [pub.key for pub in pubs]


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
