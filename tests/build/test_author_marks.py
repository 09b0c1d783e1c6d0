"""Author marks in built output: raised after the name, a legend under the list, names still bold."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..helpers import GENERATED_CONF, build, html_of, warnings_of
from .test_pdf import compile_pdf, require_latex

BIB = r"""
@article{annotated2024,
  author = {Lovelace, Ada and Babbage, Charles and Somerville, Mary},
  author+an = {1=equal; 2=equal; 3=corresponding},
  title = {Notes on Engines},
  journal = {Scientific Memoirs},
  year = {2024},
}
@article{typed2023,
  author = {Ada Lovelace* and Charles Babbage$^*$ and Mary Somerville\textsuperscript{\dag}},
  title = {Tables of Numbers},
  journal = {Scientific Memoirs},
  year = {2023},
}
@article{plain2022,
  author = {Ada Lovelace and Mary Somerville},
  title = {Unmarked Work},
  journal = {Scientific Memoirs},
  year = {2022},
}
"""
CONF = GENERATED_CONF + 'project = "marks"\npublist_highlight_authors = ["Ada Lovelace*"]\n'
DIRECTIVES = """Papers
======

.. publications:: refs.bib

Unmarked
--------

.. publications:: refs.bib
   :keys: plain2022

Pybtex
------

.. publications:: refs.bib
   :style: plain
   :keys: typed2023
"""


def _project(root: Path, conf: str = CONF) -> Path:
    root.mkdir()
    (root / "conf.py").write_text(conf, encoding="utf-8")
    (root / "refs.bib").write_text(BIB, encoding="utf-8")
    (root / "index.rst").write_text(DIRECTIVES, encoding="utf-8")
    return root


def test_html_raises_marks_keeps_highlighting_and_explains_them(tmp_path: Path) -> None:
    app = build(_project(tmp_path / "src"))
    assert warnings_of(app) == ""
    full, unmarked, pybtex = html_of(app).select("div.publist")
    for entry in full.select(".publist-entry")[:2]:
        names = entry.select(".publist-author")
        assert [name.select_one("sup").get_text() for name in names] == ["*", "*", "\u2020"]
        # The owner's name is bold, without the mark inside it.
        assert names[0].select_one(".publist-me").get_text() == "Ada Lovelace"
    assert full.select_one(".publist-entry:last-child .publist-me").get_text() == "Ada Lovelace"
    legend = [line.get_text() for line in full.select(".publist-legend p")]
    assert legend == ["* Equal contribution", "\u2020 Corresponding author"]
    # Under the list, after its entries.
    assert "publist-legend" in full.select(":scope > *")[-1]["class"]
    # Only the marks a list shows get a line.
    assert unmarked.select(".publist-legend") == []
    assert [line.get_text() for line in pybtex.select(".publist-legend p")] == [
        "* Equal contribution",
        "\u2020 Corresponding author",
    ]
    assert [sup.get_text() for sup in pybtex.select(".publist-reference sup, sup")][:3] == [
        "*",
        "*",
        "\u2020",
    ]
    assert pybtex.select_one(".publist-me").get_text().replace("\u00a0", " ") == "Ada Lovelace"


def test_text_and_latex_print_marks_and_legend(tmp_path: Path) -> None:
    text_app = build(_project(tmp_path / "text"), "text")
    assert warnings_of(text_app) == ""
    text = (Path(text_app.outdir) / "index.txt").read_text(encoding="utf-8")
    assert "Lovelace^*" in text.replace("**", "")
    assert text.count("* Equal contribution") == 2
    assert text.index("Unmarked Work") < text.rindex("Equal contribution")
    latex_app = build(_project(tmp_path / "latex"), "latex")
    assert warnings_of(latex_app) == ""
    tex = (Path(latex_app.outdir) / "marks.tex").read_text(encoding="utf-8")
    assert r"\sphinxstylestrong{Ada Lovelace}$^{\text{*}}$" in tex
    assert tex.count("Equal contribution") == 2
    assert tex.count("Corresponding author") == 2


@pytest.mark.parametrize(
    ("language", "meaning"), [("de", "Gleicher Beitrag"), ("fr", "Contribution égale")]
)
def test_the_legend_is_translated(tmp_path: Path, language: str, meaning: str) -> None:
    app = build(_project(tmp_path / "src", CONF + f'language = "{language}"\n'))
    legend = html_of(app).select_one(".publist-legend").get_text()
    assert meaning in legend


def test_the_pdf_sets_marks_and_legend(tmp_path: Path) -> None:
    require_latex("pdflatex")
    app = build(_project(tmp_path / "src"), "latex")
    assert warnings_of(app) == ""
    text = compile_pdf(Path(app.outdir))
    assert "Mary Somerville†" in text
    assert text.count("* Equal contribution † Corresponding author") == 2


def test_tabs_printed_as_sections_keep_the_legend_last(tmp_path: Path) -> None:
    root = _project(tmp_path / "src")
    (root / "index.rst").write_text(
        "Papers\n======\n\n.. publications:: refs.bib\n   :controls: tabs\n   :tabs:\n"
        "      Recent: year >= 2023\n      Older: year < 2023\n",
        encoding="utf-8",
    )
    app = build(root, "text")
    assert warnings_of(app) == ""
    text = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
    assert text.index("-[ Recent ]-") < text.index("-[ Older ]-") < text.index("Unmarked Work")
    assert text.index("Unmarked Work") < text.index("* Equal contribution")
