"""Grouping: groups in order of first appearance, values folded, types by their heading."""

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


def test_types_of_one_heading_share_a_group_in_a_fixed_order() -> None:
    types = [
        "misc", "mastersthesis", "incollection", "Report", "phdthesis", "inbook", "patent",
        "conference", "techreport", "inproceedings", "mvbook", "book", "thesis", "article",
        "dataset", "www", "online",
    ]  # fmt: skip
    pubs = [make_pub(f"k{index}", entry_type) for index, entry_type in enumerate(types)]
    groups = group_publications(pubs, "type")
    assert [(group.value, keys_of(group.publications)) for group in groups] == [
        ("article", ["k13"]),
        ("inproceedings", ["k7", "k9"]),
        ("inbook", ["k2", "k5"]),
        ("book", ["k10", "k11"]),
        ("thesis", ["k1", "k4", "k12"]),
        ("report", ["k3", "k8"]),
        ("online", ["k15", "k16"]),
        # Types without a heading of their own: alphabetically, then misc.
        ("dataset", ["k14"]),
        ("patent", ["k6"]),
        ("misc", ["k0"]),
    ]


def test_type_groups_do_not_depend_on_the_sort() -> None:
    by_year = group_publications(sort_publications(SAMPLES, parse_sort("-year")), "type")
    by_title = group_publications(sort_publications(SAMPLES, parse_sort("title")), "type")
    assert [group.value for group in by_year] == [group.value for group in by_title]
    assert [group.value for group in by_year] == ["article", "inproceedings", "report", "misc"]
