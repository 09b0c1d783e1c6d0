"""al-folio's ``award`` field is Markdown: bold, italic and safe links become markup."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist.bib.badges import entry_badges
from sphinxcontrib_publist.bib.convert import build_publications
from sphinxcontrib_publist.bib.latex_markdown import markdown_to_latex
from sphinxcontrib_publist.core.diagnostics import Subtype
from sphinxcontrib_publist.core.richtext import Link, Styled, Text

from ..samples import TODAY, sourced


def _award(value: str) -> tuple[object, ...]:
    publications, _ = build_publications(
        sourced(("k", "inproceedings", {"title": "T", "year": "2024", "award": value})), TODAY
    )
    (badge,) = entry_badges(publications[0], None)
    assert badge.kind == "award"
    return badge.rich


def test_bold_italic_and_links_become_markup() -> None:
    # As al-folio's own sample data writes it.
    assert _award("**Best Paper Award** at *NeurIPS*, [talk](https://example.org/talk)") == (
        Styled("strong", (Text("Best Paper Award"),)),
        Text(" at "),
        Styled("emph", (Text("NeurIPS"),)),
        Text(", "),
        Link("https://example.org/talk", (Text("talk"),)),
    )


def test_latex_in_the_award_is_still_latex() -> None:
    assert _award(r"Prix de l'Acad{\'e}mie \& **Oral**") == (
        Text("Prix de l\u2019Académie & "),
        Styled("strong", (Text("Oral"),)),
    )


@pytest.mark.parametrize(
    "value", ["[x](javascript:alert(1))", "[x](data:text/html,hi)", "[x](vbscript:y)"]
)
def test_unsafe_links_are_never_links(value: str) -> None:
    rich = _award(value)
    assert not any(isinstance(node, Link) for node in rich)


def test_a_link_the_converter_refuses_is_one_warning() -> None:
    publications, problems = build_publications(
        sourced(("k", "misc", {"title": "T", "year": "2024", "award": "[x](ftp://e.org/f)"})),
        TODAY,
    )
    assert [problem.subtype for problem in problems] == [Subtype.LINK]
    assert publications[0].fields["award"] == "x"


def test_plain_text_is_left_alone() -> None:
    assert markdown_to_latex("Best Paper Award") == "Best Paper Award"
    assert markdown_to_latex(r"\textbf{Oral}") == r"\textbf{Oral}"
