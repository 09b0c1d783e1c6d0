"""LaTeX in bib fields becomes real markup in every builder, never leftover backslashes."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import Tag
from sphinx.testing.util import SphinxTestApp

from ..helpers import build, copy_root, html_of, location_of, publist_warnings


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build(copy_root("latex-markup", tmp_path_factory.mktemp("markup") / "src"))


def entry(app: SphinxTestApp, key: str) -> Tag:
    found = html_of(app).select_one(f"#{key}")
    assert found is not None, key
    return found


@pytest.mark.parametrize(
    ("key", "selector", "expected"),
    [
        ("a-accents", ".publist-title", "Schrödinger\u2019s Straße & Co — a naïve café"),
        ("a-accents", ".publist-authors", "Kurt Gödel, Paul Erdős"),
        (
            "a-accents",
            ".publist-abstract-text",
            "Pages 1\u201310 of \u201cquoted\u201d text, with\u00a0a tie.",
        ),
        ("b-styles", ".publist-venue", "Journal of Typesetting"),
        ("d-links", ".publist-abstract-text", "See https://example.org/data and the code."),
        ("e-unknown", ".publist-title", "A Strange Macro"),
    ],
)
def test_text_is_decoded(built: SphinxTestApp, key: str, selector: str, expected: str) -> None:
    assert entry(built, key).select_one(selector).get_text().strip() == expected


def test_style_commands_become_emphasis_and_strong(built: SphinxTestApp) -> None:
    title = entry(built, "b-styles").select_one(".publist-title")
    assert [em.get_text() for em in title.select("em")] == ["Emphasised", "Italic"]
    assert [strong.get_text() for strong in title.select("strong")] == ["Bold", "Strong"]
    venue = entry(built, "b-styles").select_one(".publist-venue")
    assert [em.get_text() for em in venue.select("em")] == ["Journal", "Typesetting"]


def test_math_becomes_math_nodes(built: SphinxTestApp) -> None:
    found = entry(built, "c-math")
    maths = [span.get_text() for span in found.select("span.math")]
    assert maths == [r"\(O(n \log n)\)", r"\(\alpha < \beta\)"]
    assert "$" not in found.get_text()


def test_urls_become_links(built: SphinxTestApp) -> None:
    links = entry(built, "d-links").select(".publist-abstract-text a")
    assert [(a["href"], a.get_text()) for a in links] == [
        ("https://example.org/data", "https://example.org/data"),
        ("https://example.org/code", "the code"),
    ]


def test_no_backslash_or_brace_reaches_the_text(built: SphinxTestApp) -> None:
    for key in ("a-accents", "b-styles", "d-links", "e-unknown"):
        text = entry(built, key).get_text()
        assert "\\" not in text
        assert "{" not in text


def test_unknown_macro_warns_once_at_its_entry(built: SphinxTestApp) -> None:
    (warning,) = publist_warnings(built)
    assert "[publist.latex]" in warning
    assert "\\frobnicate" in warning
    assert location_of(warning).endswith("markup.bib:31")


def test_latex_output_keeps_markup(tmp_path: Path) -> None:
    app = build(copy_root("latex-markup", tmp_path / "src"), "latex")
    tex = (Path(app.outdir) / "markup.tex").read_text(encoding="utf-8")
    assert r"\(O(n \log n)\)" in tex
    assert r"\sphinxstyleemphasis{Emphasised}" in tex
    assert r"\sphinxstylestrong{Bold}" in tex
    assert r"\sphinxhref{https://example.org/code}{the code}" in tex
    assert "Schrödinger" in tex
    assert r"\textbackslash{}" not in tex


def test_text_output_has_no_latex_source(tmp_path: Path) -> None:
    app = build(copy_root("latex-markup", tmp_path / "src"), "text")
    text = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
    assert "Schrödinger\u2019s Straße & Co — a naïve café" in " ".join(text.split())
    # Only the math keeps its backslashes, as TeX source.
    without_math = text.replace(r"\log", "").replace(r"\alpha", "").replace(r"\beta", "")
    assert "\\" not in without_math
