"""The default (profile-page) style: the parts every style's record starts from."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist.bib.model import Person, Publication
from sphinxcontrib_publist.core.richtext import Math, Name, Styled, Text
from sphinxcontrib_publist.format.default_style import format_default, marked_name
from sphinxcontrib_publist.format.entry import FormattedEntry

from ..samples import converted, format_options

OWNER = "Ada Lovelace"
(NOTES,) = converted(
    (
        "notes1843",
        "article",
        {
            "author": "Lovelace, Ada and Babbage, Charles and Menabrea, Luigi",
            "title": "Notes on the \\emph{Analytical} Engine",
            "journal": "Scientific Memoirs",
            "year": "1843",
            "note": "to appear",
            "abstract": "We compute $B_7$.",
        },
    )
)
OPTIONS = format_options(
    highlight=(OWNER,),
    omit=("Charles Babbage",),
    author_links={"Luigi Menabrea": "https://example.org/menabrea"},
)


def test_the_record_holds_the_entrys_parts() -> None:
    assert format_default(NOTES, OPTIONS) == FormattedEntry(
        key="notes1843",
        title=(Text("Notes on the "), Styled("emph", (Text("Analytical"),)), Text(" Engine")),
        authors=(
            Name("Ada Lovelace", highlighted=True),
            Name("Charles Babbage", omitted=True),
            Name("Luigi Menabrea", url="https://example.org/menabrea"),
        ),
        venue=(Text("Scientific Memoirs"),),
        year="1843",
        forthcoming=True,
        abstract=(Text("We compute "), Math("B_7"), Text(".")),
    )


def test_the_author_line_leaves_out_the_omitted_names_only() -> None:
    entry = format_default(NOTES, OPTIONS)
    assert [name.text for name in entry.listed_authors] == ["Ada Lovelace", "Luigi Menabrea"]


def test_hidden_abstracts_are_not_in_the_record() -> None:
    entry = format_default(NOTES, format_options(abstracts=False))
    assert entry.abstract == ()
    assert entry.title == format_default(NOTES, OPTIONS).title


@pytest.mark.parametrize(
    ("name_format", "names"),
    [
        ("first-last", ["Ada Lovelace", "Charles Babbage", "Luigi Menabrea"]),
        ("initials-last", ["A. Lovelace", "C. Babbage", "L. Menabrea"]),
        ("last-initials", ["Lovelace, A.", "Babbage, C.", "Menabrea, L."]),
    ],
)
def test_names_follow_the_lists_name_format_and_keep_their_marks(
    name_format: str, names: list[str]
) -> None:
    entry = format_default(NOTES, format_options(highlight=(OWNER,), name_format=name_format))
    assert [name.text for name in entry.authors] == names
    assert [name.highlighted for name in entry.authors] == [True, False, False]


def test_editors_stand_in_for_missing_authors() -> None:
    edited = Publication(
        key="proc", entry_type="proceedings", editors=(Person(first="Ada", last="Lovelace"),)
    )
    entry = format_default(edited, OPTIONS)
    assert entry.authors == (Name("Ada Lovelace", highlighted=True),)
    assert (entry.year, entry.title, entry.venue, entry.forthcoming) == ("", (), (), False)


@pytest.mark.parametrize(
    ("person", "text", "expected"),
    [
        (Person(first="Ada", last="Lovelace"), None, Name("Ada Lovelace", highlighted=True)),
        (Person(first="A.", last="Lovelace"), None, Name("A. Lovelace", highlighted=True)),
        (Person(first="Ada", last="Lovelace"), "LOVELACE", Name("LOVELACE", highlighted=True)),
        (Person(first="Charles", last="Babbage"), None, Name("Charles Babbage", omitted=True)),
        (
            Person(first="L. F.", last="Menabrea"),
            None,
            Name("L. F. Menabrea", url="https://example.org/menabrea"),
        ),
        (Person(first="Mary", last="Somerville"), None, Name("Mary Somerville")),
    ],
)
def test_marked_name(person: Person, text: str | None, expected: Name) -> None:
    assert marked_name(person, OPTIONS, text) == expected
