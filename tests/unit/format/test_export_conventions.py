"""What real exports write, shown right by every style: "et al.", author marks, ADS journals."""

from __future__ import annotations

import json

import pytest

from sphinxcontrib_publist.core.richtext import Name, plain_text
from sphinxcontrib_publist.format.default_style import format_default
from sphinxcontrib_publist.format.pybtex_style import format_with_pybtex
from sphinxcontrib_publist.format.scholar import coins, highwire_tags, json_ld, record_of

from ..samples import converted, format_options

# A Google Scholar export: it lists a few authors, then "and others".
(SCHOLAR,) = converted(
    (
        "madelung2004",
        "book",
        {
            "title": "Semiconductors: data handbook",
            "author": "Madelung, Otfried and others",
            "year": "2004",
            "publisher": "Springer",
        },
    )
)
(TWO_AND_MORE,) = converted(
    (
        "smith2020",
        "article",
        {"title": "T", "author": "Smith, J and Doe, A and others", "journal": "J", "year": "2020"},
    )
)
# al-folio's sample data marks equal contributions with "*".
(MARKED,) = converted(
    (
        "einstein1935",
        "article",
        {
            "title": "Can quantum-mechanical description of physical reality be complete?",
            "author": "Einstein*, A. and Podolsky*, B. and Rosen, N.",
            "journal": "Phys. Rev.",
            "year": "1935",
        },
    )
)
# A NASA ADS export.
(ADS,) = converted(
    (
        "2022MNRAS.514.5493D",
        "article",
        {
            "author": "{Dong}, Chenxing and {Gonzalez}, Anthony",
            "title": "{Forecasting cosmic acceleration measurements}",
            "journal": "\\mnras",
            "year": "2022",
        },
    )
)
OPTIONS = format_options(highlight=("Albert Einstein",))


def test_the_default_style_says_more_authors_follow() -> None:
    entry = format_default(SCHOLAR, OPTIONS)
    assert [name.text for name in entry.authors] == ["Otfried Madelung"]
    assert entry.more_authors


def test_editors_and_others_follow_the_editors() -> None:
    (edited,) = converted(
        ("k", "book", {"title": "T", "editor": "Doe, Jane and others", "year": "2020"})
    )
    assert format_default(edited, OPTIONS).more_authors


def test_a_marked_name_is_highlighted_and_keeps_its_mark() -> None:
    entry = format_default(MARKED, OPTIONS)
    assert entry.authors[0] == Name("A. Einstein", highlighted=True, marks="*")
    assert entry.authors[1] == Name("B. Podolsky", marks="*")
    assert entry.authors[2] == Name("N. Rosen")


@pytest.mark.parametrize("style", ["plain", "alpha", "unsrt"])
def test_pybtex_styles_print_et_al(style: str) -> None:
    entries, problems = format_with_pybtex([SCHOLAR, TWO_AND_MORE], style, OPTIONS)
    assert problems == []
    one, two = (plain_text(entry.reference) for entry in entries)
    assert one.startswith("Otfried Madelung et al. ")
    assert two.startswith("J\u00a0Smith, A\u00a0Doe, et al. ")
    assert "others" not in one + two


def test_pybtex_styles_keep_marks_out_of_names_and_labels() -> None:
    (entry,), _ = format_with_pybtex([MARKED], "alpha", OPTIONS)
    assert entry.label == "EPR35"
    names = [part for part in entry.reference if isinstance(part, Name)]
    assert names == [
        Name("A.\u00a0Einstein", highlighted=True, marks="*"),
        Name("B.\u00a0Podolsky", marks="*"),
    ]


@pytest.mark.parametrize("style", ["default", "plain"])
def test_ads_journal_macros_become_journal_names(style: str) -> None:
    if style == "default":
        shown = plain_text(format_default(ADS, OPTIONS).venue)
    else:
        (entry,), _ = format_with_pybtex([ADS], style, OPTIONS)
        shown = plain_text(entry.reference)
    assert "Monthly Notices of the Royal Astronomical Society" in shown


@pytest.mark.parametrize(
    ("macro", "journal"),
    [
        ("\\apj", "The Astrophysical Journal"),
        ("{\\apjl}", "The Astrophysical Journal Letters"),
        ("\\apjs", "The Astrophysical Journal Supplement Series"),
        ("\\aap", "Astronomy and Astrophysics"),
        ("\\aj", "The Astronomical Journal"),
        ("\\nat", "Nature"),
        ("\\pasp", "Publications of the Astronomical Society of the Pacific"),
        ("\\araa", "Annual Review of Astronomy and Astrophysics"),
    ],
)
def test_aas_macros(macro: str, journal: str) -> None:
    (publication,) = converted(("k", "article", {"title": "T", "journal": macro, "year": "2020"}))
    assert plain_text(publication.venue) == journal


def test_a_macro_outside_venue_fields_is_left_alone() -> None:
    (publication,) = converted(("k", "misc", {"title": "\\apj", "year": "2020"}))
    assert plain_text(publication.title) == ""


def test_no_indexer_is_told_of_an_author_named_others() -> None:
    record = record_of(SCHOLAR)
    assert record.authors == (("Madelung", "Otfried"),)
    tags = highwire_tags(record, "https://example.org/p.html")
    assert [value for name, value in tags if name == "citation_author"] == ["Madelung, Otfried"]
    assert "others" not in json.dumps(json_ld(record, "https://example.org/p.html")).lower()
    assert "others" not in coins(record).lower()


@pytest.mark.parametrize(
    ("fields", "shown"),
    [
        # xampl.bib's misc-minimal.
        (
            {"key": "Missilany", "note": "This is a minimal MISC entry"},
            "This is a minimal MISC entry",
        ),
        ({}, "misc-minimal"),
    ],
)
def test_an_entry_with_nothing_to_show_shows_its_note_or_key(
    fields: dict[str, str], shown: str
) -> None:
    (minimal,) = converted(("misc-minimal", "misc", fields))
    assert plain_text(format_default(minimal, OPTIONS).title) == shown


def test_an_entry_without_a_title_but_with_authors_gets_no_stand_in() -> None:
    (untitled,) = converted(("k", "misc", {"author": "Doe, Jane", "note": "N", "year": "2020"}))
    assert format_default(untitled, OPTIONS).title == ()
