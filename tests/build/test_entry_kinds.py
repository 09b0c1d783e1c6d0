"""A CV's entries as Zotero and JabRef export them (BibLaTeX), in the default and pybtex styles."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from ..helpers import GENERATED_CONF, build, location_of, publist_warnings

# Better BibLaTeX (Zotero) writes journaltitle, date, location and eprinttype;
# JabRef in BibLaTeX mode the same fields, after its header.
ZOTERO = r"""
@article{lovelace2024notes,
  title = {Notes on the Analytical Engine},
  author = {Lovelace, Ada and Babbage, Charles},
  date = {2024-03},
  journaltitle = {Scientific Memoirs},
  volume = {3},
  number = {2},
  pages = {666--731},
  doi = {10.1000/notes.2024},
}
@thesis{lovelace2020thesis,
  title = {On the Calculus of the Nervous System},
  author = {Lovelace, Ada},
  date = {2020},
  institution = {University of London},
  type = {phdthesis},
}
@online{lovelace2025preprint,
  title = {Can Engines Think?},
  author = {Lovelace, Ada and Turing, Alan},
  date = {2025-01-15},
  eprint = {2501.00001},
  eprinttype = {arXiv},
  eprintclass = {cs.LG},
}
"""
JABREF = r"""% Encoding: UTF-8

@Report{lovelace2021report,
  author      = {Lovelace, Ada and Somerville, Mary},
  title       = {Tables of the Bernoulli Numbers},
  institution = {Royal Society},
  date        = {2021-07},
  number      = {RS-1843-07},
  type        = {techreport},
}

@Book{lovelace2022book,
  author    = {Lovelace, Ada},
  title     = {Sketch of the Analytical Engine},
  date      = {2022},
  edition   = {2},
  location  = {London},
  publisher = {Richard and John E. Taylor},
}

@InCollection{lovelace2023chapter,
  author    = {Lovelace, Ada},
  title     = {Poetical Science},
  booktitle = {Essays on Engines},
  date      = {2023},
  editor    = {Menabrea, Luigi},
  chapter   = {3},
  pages     = {12--34},
  publisher = {Taylor and Francis},
}

@Article{nguyen2019,
  author = {Nguy{\~{\^e}}n, Th{\d{i}} and Lovelace, Ada},
  title  = {Engines without a Journal},
  date   = {2019-05},
}

@Comment{jabref-meta: databaseType:biblatex;}
"""
KEYS = (
    "nguyen2019",
    "lovelace2020thesis",
    "lovelace2021report",
    "lovelace2022book",
    "lovelace2023chapter",
    "lovelace2024notes",
    "lovelace2025preprint",
)
DEFAULT_VENUES = {
    "nguyen2019": "(2019)",
    "lovelace2020thesis": "PhD thesis, University of London (2020)",
    "lovelace2021report": "Technical report, Royal Society, no. RS-1843-07 (2021)",
    "lovelace2022book": "2nd edition, Richard and John E. Taylor (2022)",
    "lovelace2023chapter": "Essays on Engines, chapter 3, pp. 12\u201334, Taylor and Francis (2023)",
    "lovelace2024notes": "Scientific Memoirs, 3(2):666\u2013731 (2024)",
    "lovelace2025preprint": "arXiv:2501.00001 [cs.LG] (2025)",
}
REFERENCES = {
    "nguyen2019": "Thị Nguyễn and Ada Lovelace. Engines without a journal. May 2019.",
    "lovelace2020thesis": (
        "Ada Lovelace. On the Calculus of the Nervous System. PhD thesis, "
        "University of London, 2020."
    ),
    "lovelace2021report": (
        "Ada Lovelace and Mary Somerville. Tables of the bernoulli numbers. "
        "Technical Report RS-1843-07, Royal Society, July 2021."
    ),
    "lovelace2022book": (
        "Ada Lovelace. Sketch of the Analytical Engine. Richard and John E. Taylor, "
        "London, 2 edition, 2022."
    ),
    "lovelace2023chapter": (
        "Ada Lovelace. Poetical science. In Luigi Menabrea, editor, Essays on Engines, "
        "chapter 3, pages 12\u201334. Taylor and Francis, 2023."
    ),
    "lovelace2024notes": (
        "Ada Lovelace and Charles Babbage. Notes on the analytical engine. "
        "Scientific Memoirs, 3(2):666\u2013731, March 2024. doi:10.1000/notes.2024."
    ),
    "lovelace2025preprint": (
        "Ada Lovelace and Alan Turing. Can engines think? January 2025. arXiv:2501.00001."
    ),
}
PYBTEX_STYLES = ("plain", "unsrt", "alpha")


def _project(srcdir: Path) -> Path:
    (srcdir / "conf.py").write_text(
        GENERATED_CONF + 'publist_highlight_authors = ["Ada Lovelace"]\n', encoding="utf-8"
    )
    (srcdir / "zotero.bib").write_text(ZOTERO, encoding="utf-8")
    (srcdir / "jabref.bib").write_text(JABREF, encoding="utf-8")
    styles = ("default", *PYBTEX_STYLES)
    toctree = "\n".join(f"   {style}" for style in styles)
    (srcdir / "index.rst").write_text(f"CV\n==\n\n.. toctree::\n\n{toctree}\n", encoding="utf-8")
    for style in styles:
        (srcdir / f"{style}.rst").write_text(
            f"{style.title()}\n{'=' * len(style)}\n\n"
            f".. publications:: zotero.bib jabref.bib\n   :style: {style}\n   :sort: year\n",
            encoding="utf-8",
        )
    return srcdir


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    app = build(_project(tmp_path_factory.mktemp("kinds")), "html")
    return Path(app.outdir), publist_warnings(app)


def _entries(site: Path, style: str) -> list[BeautifulSoup]:
    page = BeautifulSoup((site / f"{style}.html").read_text(encoding="utf-8"), "html.parser")
    return page.select(".publist-entry")


def _text(node: BeautifulSoup | None) -> str:
    assert node is not None
    return " ".join(node.get_text().split())


def test_the_default_style_shows_what_each_kind_calls_for(site: tuple[Path, list[str]]) -> None:
    shown = _entries(site[0], "default")
    assert [entry["id"] for entry in shown] == list(KEYS)
    venues = {entry["id"]: _text(entry.select_one(".publist-meta")) for entry in shown}
    assert venues == DEFAULT_VENUES
    titles = [_text(entry.select_one(".publist-title")) for entry in shown]
    assert titles[0] == "Engines without a Journal"
    assert _text(shown[0].select_one(".publist-authors")) == "Thị Nguyễn, Ada Lovelace"


@pytest.mark.parametrize("style", PYBTEX_STYLES)
def test_pybtex_styles_read_biblatex_fields(site: tuple[Path, list[str]], style: str) -> None:
    shown = _entries(site[0], style)
    assert [entry["id"] for entry in shown] == list(KEYS)
    references = {entry["id"]: _text(entry.select_one(".publist-citation")) for entry in shown}
    labels = [_text(entry.select_one(".publist-label")) for entry in shown]
    if style == "alpha":
        assert labels == [
            "[NguyenL19]",
            "[Lov20]",
            "[LS21]",
            "[Lov22]",
            "[Lov23]",
            "[LB24]",
            "[LT25]",
        ]
    else:
        # Numbered without a gap, the entry without a journal included.
        assert labels == [f"[{number}]" for number in range(1, 8)]
    assert {key: text.split("] ", 1)[1] for key, text in references.items()} == REFERENCES
    for entry in shown:
        assert [_text(name) for name in entry.select(".publist-me")] == ["Ada Lovelace"]
    # The reference prints the DOI and the arXiv id as links: no pill repeats them.
    assert not shown[5].select(".publist-links") and not shown[6].select(".publist-links")
    assert [a["href"] for a in shown[5].select(".publist-citation a")] == [
        "https://doi.org/10.1000/notes.2024"
    ]


def test_an_entry_a_style_cannot_format_is_reported_once_at_its_line(
    site: tuple[Path, list[str]],
) -> None:
    missing = [warning for warning in site[1] if "[publist.missing-field]" in warning]
    assert len(missing) == len(PYBTEX_STYLES)
    line = 1 + JABREF[: JABREF.index("@Article")].count("\n")
    assert {location_of(warning).rsplit("/", 1)[-1] for warning in missing} == {
        f"jabref.bib:{line}"
    }
    assert all("needs field 'journal'" in warning for warning in missing)
    assert len(site[1]) == len(missing)


def test_text_output_writes_the_reference_list(tmp_path: Path) -> None:
    app = build(_project(tmp_path), "text")
    written = (Path(app.outdir) / "unsrt.txt").read_text(encoding="utf-8")
    flat = " ".join(written.split())
    assert "[3] **Ada Lovelace** and Mary Somerville. Tables of the bernoulli numbers." in flat
    assert "[1] Thị Nguyễn and **Ada Lovelace**. Engines without a journal. May 2019." in flat
    assert flat.count("Technical Report RS-1843-07, Royal Society, July 2021.") == 1


def test_latex_output_writes_the_owner_in_bold_and_the_numbers(tmp_path: Path) -> None:
    app = build(_project(tmp_path), "latex")
    (tex,) = Path(app.outdir).glob("*.tex")
    written = " ".join(tex.read_text(encoding="utf-8").split())
    assert written.count(r"\sphinxstylestrong{Ada Lovelace}") >= 4 * len(KEYS) - 2
    numbered = (
        r"\DUrole{publist-label}{{[}2{]}} \sphinxstylestrong{Ada Lovelace}. "
        r"\sphinxstyleemphasis{On the Calculus of the Nervous System}. "
        "PhD thesis, University of London, 2020."
    )
    assert written.count(numbered) == 2  # plain and unsrt
    venue = (
        r"\DUrole{publist-venue}{PhD thesis, University of London} \DUrole{publist-year}{(2020)}"
    )
    assert written.count(venue) == 1
