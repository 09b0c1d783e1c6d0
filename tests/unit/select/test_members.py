"""Lab members: whose entries are whose, looking a member up, and grouping by member."""

from __future__ import annotations

from sphinxcontrib_publist.select.members import (
    Member,
    group_by_member,
    member_named,
    members_of,
)

from ..samples import converted

KEVIN = Member("Kevin Swersky", ("K. Swersky",), "https://example.org/kevin", "people/kevin")
RICHARD = Member("Richard Zemel")
PUBLICATIONS = converted(
    ("k1", "article", {"author": "Swersky, Kevin and Doe, Jane", "title": "A", "year": "2020"}),
    ("both", "article", {"author": "Zemel, R. and Swersky, K.", "title": "B", "year": "2019"}),
    ("edited", "book", {"editor": "Zemel, Richard", "title": "C", "year": "2018"}),
    ("other", "misc", {"author": "Doe, Jane", "title": "D", "year": "2017"}),
)


def keys(publications: object) -> list[str]:
    return [publication.key for publication in publications]  # type: ignore[attr-defined]


def test_members_of_reads_each_setting_in_order() -> None:
    members = members_of(
        {
            "Kevin Swersky": {
                "variants": ["K. Swersky"],
                "url": "https://example.org/kevin",
                "page": "people/kevin",
            },
            "Richard Zemel": {},
        }
    )
    assert members == (KEVIN, RICHARD)


def test_a_member_writes_entries_under_any_spelling_and_edited_ones_without_authors() -> None:
    assert keys(pub for pub in PUBLICATIONS if KEVIN.writes(pub)) == ["k1", "both"]
    assert keys(pub for pub in PUBLICATIONS if RICHARD.writes(pub)) == ["both", "edited"]


def test_member_named_takes_any_spelling_and_spacing() -> None:
    assert member_named((KEVIN, RICHARD), "k.  swersky") is KEVIN
    assert member_named((KEVIN, RICHARD), "Jane Doe") is None


def test_groups_follow_the_members_order_with_the_others_last() -> None:
    groups = group_by_member(PUBLICATIONS, (RICHARD, KEVIN))
    assert [(group.value, keys(group.publications)) for group in groups] == [
        ("Richard Zemel", ["both", "edited"]),
        ("Kevin Swersky", ["k1", "both"]),
        ("", ["other"]),
    ]


def test_members_without_entries_give_no_empty_group() -> None:
    nobody = Member("Nora Nobody")
    groups = group_by_member(PUBLICATIONS[:1], (nobody, KEVIN))
    assert [group.value for group in groups] == ["Kevin Swersky"]
