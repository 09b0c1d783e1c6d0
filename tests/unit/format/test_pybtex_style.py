"""pybtex styles as list styles: the same record, plus the reference and its label."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sphinxcontrib_publist.core.diagnostics import Subtype
from sphinxcontrib_publist.core.richtext import Inline, Link, Name, RichText, Styled, Text
from sphinxcontrib_publist.core.richtext import plain_text as plain
from sphinxcontrib_publist.format.default_style import format_default
from sphinxcontrib_publist.format.pybtex_style import format_with_pybtex, pybtex_style_exists

from ..samples import converted, format_options

STYLES = ("plain", "unsrt", "alpha", "unsrtalpha")
PUBLICATIONS = converted(
    (
        "owner2024",
        "article",
        {
            "author": "Lovelace, Ada and Babbage, Charles",
            "title": "Notes on the Analytical Engine",
            "journal": "Scientific Memoirs",
            "year": "2024",
            "url": "https://example.org/notes",
        },
    ),
    (
        "coming2031",
        "inproceedings",
        {
            "author": "Babbage, Charles and Ada Lovelace",
            "title": "Engines of the Future",
            "booktitle": "Proceedings of Things to Come",
            "year": "2031",
        },
    ),
    (
        "noted2020",
        "article",
        {
            "author": "Somerville, Mary",
            "title": "On the Connexion",
            "journal": "Popular Science",
            "year": "2020",
            "note": "to appear",
        },
    ),
    # pybtex's styles need an author (or editor) for an article.
    ("anonymous2019", "article", {"title": "Nobody Wrote This", "year": "2019"}),
)
OPTIONS = format_options(
    highlight=("Ada Lovelace",),
    omit=("Ada Lovelace",),
    author_links={"Charles Babbage": "https://example.org/babbage"},
)
LABELS = {
    "plain": ["1", "2", "3", "4"],
    "unsrt": ["1", "2", "3", "4"],
    # Without a name, alpha labels an entry by its key.
    "alpha": ["LB24", "BL31", "Som20", "ano19"],
    "unsrtalpha": ["LB24", "BL31", "Som20", "ano19"],
}


def names_in(rich: RichText) -> list[Name]:
    found: list[Name] = []
    pending: list[Inline] = list(rich)
    while pending:
        node = pending.pop(0)
        if isinstance(node, Name):
            found.append(node)
        elif isinstance(node, (Styled, Link)):
            pending[:0] = node.children
    return found


def links_in(rich: RichText) -> list[Link]:
    return [node for node in rich if isinstance(node, Link)]


@pytest.fixture(scope="module", params=STYLES)
def formatted(request: pytest.FixtureRequest) -> tuple[str, list, list]:
    entries, problems = format_with_pybtex(PUBLICATIONS, request.param, OPTIONS)
    return request.param, entries, problems


def test_every_entry_gets_the_styles_label(formatted: tuple[str, list, list]) -> None:
    style, entries, _ = formatted
    assert [entry.key for entry in entries] == [publication.key for publication in PUBLICATIONS]
    assert [entry.label for entry in entries] == LABELS[style]


def test_the_parts_are_those_of_the_default_style(formatted: tuple[str, list, list]) -> None:
    _, entries, _ = formatted
    for publication, entry in zip(PUBLICATIONS, entries, strict=True):
        parts = format_default(publication, OPTIONS)
        assert replace(entry, reference=(), label="", forthcoming=parts.forthcoming) == parts


def test_the_reference_marks_the_same_names(formatted: tuple[str, list, list]) -> None:
    _, entries, _ = formatted
    owner, coming, noted, _ = entries
    # A reference names every author, the omitted owner too, with the list's marks.
    babbage = Name("Charles Babbage", url="https://example.org/babbage")
    ada = Name("Ada Lovelace", highlighted=True, omitted=True)
    assert names_in(owner.reference) == [ada, babbage]
    assert names_in(coming.reference) == [babbage, ada]
    # Names without marks stay plain text.
    assert names_in(noted.reference) == []
    assert plain(noted.reference).startswith("Mary Somerville.")


def test_the_reference_keeps_the_entrys_text_and_its_safe_url(
    formatted: tuple[str, list, list],
) -> None:
    _, entries, _ = formatted
    owner = entries[0]
    text = plain(owner.reference)
    assert "Notes on the analytical engine." in text
    assert "Scientific Memoirs" in text
    assert "2024" in text
    assert links_in(owner.reference) == [
        Link("https://example.org/notes", (Text("https://example.org/notes"),))
    ]
    # The venue is in italics, as the style writes it.
    assert Styled("emph", (Text("Scientific Memoirs"),)) in owner.reference


def test_the_status_is_shown_once(formatted: tuple[str, list, list]) -> None:
    _, entries, _ = formatted
    by_key = {entry.key: entry for entry in entries}
    # Nothing in the reference says it: the list adds its "(to appear)".
    assert by_key["coming2031"].forthcoming is True
    # The reference already says "to appear": no second status.
    assert "to appear" in plain(by_key["noted2020"].reference)
    assert by_key["noted2020"].forthcoming is False
    assert by_key["owner2024"].forthcoming is False


def test_an_entry_the_style_cannot_format_is_formatted_in_it_and_reported(
    formatted: tuple[str, list, list],
) -> None:
    style, entries, problems = formatted
    anonymous = entries[3]
    # The same style, as a misc entry: the list keeps one look and its labels.
    assert plain(anonymous.reference) == "Nobody wrote this. 2019."
    assert anonymous.label == LABELS[style][3]
    assert plain(anonymous.title) == "Nobody Wrote This"
    (problem,) = problems
    assert (problem.subtype, problem.source, problem.line) == (
        Subtype.MISSING_FIELD,
        "refs.bib",
        31,
    )
    assert problem.message == (
        f"entry 'anonymous2019': style {style!r} needs field 'author';"
        " formatted from the fields it has"
    )


def test_an_unsafe_url_is_no_link() -> None:
    (hostile,) = converted(
        (
            "hostile",
            "misc",
            {"author": "Doe, Jane", "title": "T", "year": "2020", "url": "javascript:alert(1)"},
        )
    )
    (entry,), _ = format_with_pybtex([hostile], "plain", OPTIONS)
    assert entry.reference
    assert links_in(entry.reference) == []


def test_markup_in_a_title_survives_the_style() -> None:
    (emphatic,) = converted(
        (
            "emph",
            "article",
            {
                "author": "Doe, Jane",
                "title": "Notes on the \\emph{Analytical} Engine",
                "journal": "J",
                "year": "2020",
            },
        )
    )
    (entry,), _ = format_with_pybtex([emphatic], "plain", OPTIONS)
    assert Styled("emph", (Text("Analytical"),)) in entry.reference


@pytest.mark.parametrize(
    ("name", "exists"),
    [("plain", True), ("unsrt", True), ("alpha", True), ("unsrtalpha", True), ("nosuch", False)],
)
def test_pybtex_style_exists(name: str, exists: bool) -> None:
    assert pybtex_style_exists(name) is exists


@pytest.mark.parametrize("style", STYLES)
def test_an_entry_the_style_shows_nothing_of_keeps_its_key(style: str) -> None:
    # A biblatex @set names its members only.
    (entry_set,) = converted(("set2020", "set", {"entryset": "a,b"}))
    (entry,), problems = format_with_pybtex([entry_set], style, OPTIONS)
    assert plain(entry.reference) == "set2020"
    assert entry.label
    assert [problem.subtype for problem in problems] == [Subtype.MISSING_FIELD]
