"""biblatex name annotations (``author+an``) become the marks people type by hand."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist.bib.people import annotation_marks

from .test_convert import DATED, one

AUTHORS = "Lovelace, Ada and Babbage, Charles and Somerville, Mary"


@pytest.mark.parametrize(
    ("annotations", "marks"),
    [
        ("1=equal; 2=equal; 3=corresponding", ["*", "*", "†"]),
        ("1=equal,corresponding", ["*†", "", ""]),
        ("2:family=equal", ["", "*", ""]),
        # biblatex's own example annotation and the field's annotation add no mark.
        ("1=highlight; =reviewed", ["", "", ""]),
        (" 3 = Corresponding ", ["", "", "†"]),
    ],
)
def test_annotations_mark_the_names_they_number(annotations: str, marks: list[str]) -> None:
    publication, problems = one({**DATED, "author": AUTHORS, "author+an": annotations})
    assert problems == []
    assert [person.marks for person in publication.authors] == marks


def test_annotations_and_hand_marks_add_up_once() -> None:
    fields = {**DATED, "author": "Lovelace*, Ada and Babbage, Charles", "author+an": "1=equal"}
    publication, _ = one(fields)
    assert [person.marks for person in publication.authors] == ["*", ""]


def test_editors_are_annotated_too() -> None:
    fields = {**DATED, "editor": "Doe, Jane and Roe, Rick", "editor+an": "2=corresponding"}
    publication, _ = one(fields, "book")
    assert [person.marks for person in publication.editors] == ["", "†"]


@pytest.mark.parametrize("wrong", ["4=equal", "first=equal", "0=equal"])
def test_an_annotation_naming_no_name_is_one_located_problem(wrong: str) -> None:
    publication, problems = one({**DATED, "author": AUTHORS, "author+an": f"1=equal; {wrong}"})
    assert problems == [
        f"parse: entry 'k': name annotation {wrong!r} names no listed name; ignored"
    ]
    # The rest of the field still counts.
    assert [person.marks for person in publication.authors] == ["*", "", ""]


def test_annotation_positions_count_from_one() -> None:
    assert annotation_marks("1=equal; 2=corresponding", 2) == ({0: "*", 1: "†"}, [])
