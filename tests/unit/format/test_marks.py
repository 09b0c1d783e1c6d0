"""Author marks, typed or annotated, on the names of every style, and the legend they call for."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist.core.richtext import Name
from sphinxcontrib_publist.format.authors import legend_marks
from sphinxcontrib_publist.format.styles import format_entries

from ..samples import converted, format_options

(ANNOTATED,) = converted(
    (
        "annotated2024",
        "article",
        {
            "author": "Lovelace, Ada and Babbage, Charles and Somerville, Mary",
            "author+an": "1=equal; 2=equal; 3=corresponding",
            "title": "Notes on Engines",
            "journal": "Scientific Memoirs",
            "year": "2024",
        },
    ),
)
(TYPED,) = converted(
    (
        "typed2023",
        "article",
        {
            "author": "Ada Lovelace* and Charles Babbage\\textsuperscript{*} and Mary Somerville",
            "title": "Tables of Numbers",
            "journal": "Scientific Memoirs",
            "year": "2023",
        },
    ),
)
OWNER = format_options(highlight=("Ada Lovelace*",))


def _names(style: str) -> list[list[Name]]:
    entries, problems = format_entries([ANNOTATED, TYPED], style, OWNER)
    assert problems == []
    if style == "default":
        return [list(entry.authors) for entry in entries]
    # Reference styles mark the same names inside the reference they format.
    return [[part for part in entry.reference if isinstance(part, Name)] for entry in entries]


@pytest.mark.parametrize("style", ["default", "plain", "alpha", "csl:apa"])
def test_every_style_marks_the_names_and_still_highlights(style: str) -> None:
    annotated, typed = _names(style)
    equal = [("Lovelace", "*", True), ("Babbage", "*", False)]
    assert _marked(annotated) == [*equal, ("Somerville", "\u2020", False)]
    assert _marked(typed) == equal
    # The mark follows the name, never inside its text.
    assert not any("*" in name.text for name in annotated + typed)


def _marked(names: list[Name]) -> list[tuple[str, str, bool]]:
    # pybtex styles make a Name only of a name with marks; CSL and the default, of every one.
    return [
        (
            next(word for word in ("Lovelace", "Babbage", "Somerville") if word in name.text),
            name.marks,
            name.highlighted,
        )
        for name in names
        if name.marks or name.highlighted
    ]


@pytest.mark.parametrize("style", ["default", "plain", "csl:ieee"])
def test_the_legend_names_the_marks_the_list_shows(style: str) -> None:
    both, _ = format_entries([ANNOTATED, TYPED], style, OWNER)
    assert legend_marks(both) == ("*", "\u2020")
    typed_only, _ = format_entries([TYPED], style, OWNER)
    assert legend_marks(typed_only) == ("*",)


def test_marks_without_an_agreed_meaning_and_omitted_names_get_no_legend_line() -> None:
    (other,) = converted(
        ("k", "article", {"author": "Lee\u2021, Kim and Poon\u2020, Ho", "title": "T", "year": "1"})
    )
    entries, _ = format_entries([other], "default", format_options(omit=("Ho Poon",)))
    assert legend_marks(entries) == ()
