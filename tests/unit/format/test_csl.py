"""CSL styles: our CSL-JSON in, citeproc's output back as our rich text, cached by entry."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sphinxcontrib_publist.core.diagnostics import Subtype
from sphinxcontrib_publist.core.richtext import Link, Math, Name, Styled, Text
from sphinxcontrib_publist.core.richtext import plain_text as plain
from sphinxcontrib_publist.format.csl import style as csl_style
from sphinxcontrib_publist.format.csl.markers import FORMATTER, LinkTo, Slots, clean, to_rich
from sphinxcontrib_publist.format.csl_json import csl_item
from sphinxcontrib_publist.format.styles import format_entries

from ...helpers import DATA
from ..samples import converted, format_options, recorded_csl_renders

PUBLICATIONS = converted(
    (
        "owner2024",
        "article",
        {
            "author": "Lovelace, Ada and Babbage, Charles and van der Berg, Jan Pieter",
            "title": r"Notes on $x^2$ and \emph{engines}",
            "journal": "Scientific Memoirs",
            "year": "2024",
            "month": "mar",
            "volume": "3",
            "number": "2",
            "pages": "1--10",
            "doi": "10.1000/xyz",
            "url": "https://example.org/notes",
            "note": "Best Paper Award",
        },
    ),
    (
        "thesis2020",
        "phdthesis",
        {
            "author": "Lovelace, Ada",
            "title": "On Engines",
            "school": "Univ of London",
            "year": "2020",
        },
    ),
    (
        "report2019",
        "techreport",
        {
            "author": "Somerville, Mary",
            "title": "Tides",
            "institution": "Royal Society",
            "number": "TR-7",
            "year": "2019",
        },
    ),
)
OWNER = format_options(highlight=("Ada Lovelace",))


def test_csl_json_keeps_what_a_cv_needs() -> None:
    article, thesis, report = (csl_item(publication) for publication in PUBLICATIONS)
    assert article == {
        "id": "owner2024",
        "type": "article-journal",
        "title": "Notes on x^2 and engines",
        "container-title": "Scientific Memoirs",
        "volume": "3",
        "issue": "2",
        "page": "1\u201310",
        "DOI": "10.1000/xyz",
        "URL": "https://example.org/notes",
        "note": "Best Paper Award",
        "author": [
            {"family": "Lovelace", "given": "Ada"},
            {"family": "Babbage", "given": "Charles"},
            {"family": "Berg", "given": "Jan Pieter", "non-dropping-particle": "van der"},
        ],
        "issued": {"date-parts": [[2024, 3]]},
    }
    assert (thesis["type"], thesis["genre"], thesis["publisher"]) == (
        "thesis",
        "PhD thesis",
        "Univ of London",
    )
    assert (report["type"], report["number"], report["publisher"]) == (
        "report",
        "TR-7",
        "Royal Society",
    )


def test_rich_text_round_trip_through_markers() -> None:
    slots = Slots()
    title = (Text("On "), Math("x^2"), Styled("emph", (Text("engines"),)))
    opening, closing = slots.opening(Name("", highlighted=True))
    output = (
        f"{opening}A. {opening}Lovelace {closing}, "
        + FORMATTER.Italic(slots.span(title, "On x^2 engines"))
        + ", "
        + FORMATTER.Bold("3")
        + ", "
        + slots.span(LinkTo("https://example.org/a"), "example.org/a")
    )
    assert to_rich(output, slots) == (
        Name("A. Lovelace", highlighted=True),
        Text(", "),
        Styled("emph", title),
        Text(", "),
        Styled("strong", (Text("3"),)),
        Text(", "),
        Link("https://example.org/a", (Text("example.org/a"),)),
    )


def test_markers_in_bib_text_are_removed_and_unmatched_ones_ignored() -> None:
    assert clean("a\ue020\U000f0001b\ue01fc") == "abc"
    assert to_rich("plain \ue01f text \ue010open", Slots()) == (
        Text("plain  text "),
        Styled("emph", (Text("open"),)),
    )


@pytest.mark.parametrize(
    ("style", "owner", "expected"),
    [
        (
            "csl:apa",
            "Lovelace, A.",
            (
                "Lovelace, A., Babbage, C., & van der Berg, J. P. (2024). Notes on x^2 and "
                "engines. Scientific Memoirs, 3(2), 1\u201310. https://doi.org/10.1000/xyz"
            ),
        ),
        (
            "csl:ieee",
            "A. Lovelace",
            (
                "A. Lovelace, C. Babbage, and J. P. van der Berg, “Notes on x^2 and engines”, "
                "Scientific Memoirs, vol. 3, no. 2, pp. 1\u201310, Mar. 2024, doi: 10.1000/xyz."
            ),
        ),
    ],
)
def test_styles_format_the_reference_with_our_marks(style: str, owner: str, expected: str) -> None:
    entries, problems = format_entries(PUBLICATIONS, style, OWNER)
    assert problems == []
    reference = entries[0].reference
    assert plain(reference) == expected
    marked = [item.text for item in reference if isinstance(item, Name) and item.highlighted]
    assert marked == [owner]
    assert Math("x^2") in _leaves(reference)
    assert any(
        isinstance(item, Link) and item.url == "https://doi.org/10.1000/xyz" for item in reference
    )


def test_numeric_styles_number_the_list_in_its_order() -> None:
    entries, _ = format_entries(PUBLICATIONS, "csl:ieee", OWNER)
    assert [entry.label for entry in entries] == ["1", "2", "3"]
    assert not plain(entries[1].reference).startswith("[")
    apa, _ = format_entries(PUBLICATIONS, "csl:apa", OWNER)
    assert [entry.label for entry in apa] == ["", "", ""]


def test_an_award_note_is_left_to_its_badge() -> None:
    # This style prints an entry's note after its title.
    style = f"csl:{DATA / 'thesis-fails.csl'}"
    entries, _ = format_entries(PUBLICATIONS, style, OWNER)
    assert plain(entries[0].reference).endswith("Notes on x^2 and engines.")
    noted = converted(
        ("noted", "misc", {"author": "Doe, Jo", "title": "Talk", "note": "Invited", "year": "2020"})
    )
    assert plain(format_entries(noted, style, OWNER)[0][0].reference) == "Jo Doe. Talk. Invited."


def test_style_ids_ignore_case() -> None:
    entries, problems = format_entries(PUBLICATIONS[:1], "csl:APA", OWNER)
    assert problems == [] and entries[0].reference


def test_unknown_style_falls_back_to_the_default_with_one_warning() -> None:
    for name in ("csl:no-such-style", "csl:../../etc/passwd"):
        entries, problems = format_entries(PUBLICATIONS, name, OWNER)
        assert [problem.subtype for problem in problems] == [Subtype.OPTION]
        assert all(entry.reference == () for entry in entries)
        assert entries[0].title == PUBLICATIONS[0].title


def test_invalid_csl_file_falls_back(tmp_path: Path) -> None:
    broken = tmp_path / "broken.csl"
    broken.write_text("<style><not closed", encoding="utf-8")
    for path in (broken, tmp_path / "missing.csl"):
        entries, problems = format_entries(PUBLICATIONS, f"csl:{path}", OWNER)
        assert [problem.subtype for problem in problems] == [Subtype.OPTION]
        assert str(path.name) in problems[0].message
        assert entries[0].reference == ()


def test_without_citeproc_the_warning_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "citeproc", None)
    entries, problems = format_entries(PUBLICATIONS, "csl:apa", OWNER)
    assert len(problems) == 1
    assert 'pip install "sphinxcontrib-publist[csl]"' in problems[0].message
    assert entries[0].reference == ()


def test_an_entry_citeproc_cannot_format_is_shown_in_the_default_layout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    render = csl_style._render

    def failing(style: object, item: dict[str, object]) -> str:
        if item["type"] == "thesis":
            raise KeyError("genre")
        return render(style, item)

    monkeypatch.setattr(csl_style, "_render", failing)
    entries, problems = format_entries(PUBLICATIONS, "csl:ieee", OWNER)
    assert [(problem.subtype, problem.line) for problem in problems] == [(Subtype.STYLE, 11)]
    assert "thesis2020" in problems[0].message
    assert entries[1].reference == () and entries[1].label == "2"
    assert entries[0].reference and entries[2].reference


def test_outputs_are_cached_by_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = recorded_csl_renders(monkeypatch, "id")
    first, _ = format_entries(PUBLICATIONS, "csl:apa", OWNER, cache_dir=str(tmp_path))
    edited = converted(
        (
            "thesis2020",
            "phdthesis",
            {"author": "Lovelace, Ada", "title": "On Motors", "year": "2020"},
        )
    )
    again, _ = format_entries(
        [PUBLICATIONS[0], *edited, PUBLICATIONS[2]], "csl:apa", OWNER, cache_dir=str(tmp_path)
    )
    assert calls == ["owner2024", "thesis2020", "report2019", "thesis2020"]
    assert again[0] == first[0]
    assert "On Motors" in plain(again[1].reference)
    # The locale is part of the key.
    format_entries(PUBLICATIONS[:1], "csl:apa", OWNER, "de-DE", str(tmp_path))
    assert calls[-1] == "owner2024"


def test_locale_from_sphinx_language() -> None:
    assert csl_style.csl_locale(None) == "en-US"
    assert csl_style.csl_locale("de") == "de-DE"
    assert csl_style.csl_locale("pt_BR") == "pt-BR"
    assert csl_style.csl_locale("xx") == "en-US"


def _leaves(rich: tuple[object, ...]) -> list[object]:
    found: list[object] = []
    for item in rich:
        children = getattr(item, "children", None)
        found.extend(_leaves(children) if children is not None else [item])
    return found
