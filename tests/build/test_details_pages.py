"""Details pages: one per entry, with Scholar metadata, in every HTML layout and build mode."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_publist.nodes.details import page_name

from ..helpers import build, copy_root, soup_of, warnings_of

KEYS = (
    "kumar2022prime",
    "grathwohl2020jem",
    "creager2019flexibly",
    "hostile2020",
    "key:with/odd.chars",
)
HOSTILE_TITLE = 'Breaking </script><script>alert(1)</script> out <!-- of "quotes" & tags'


def page_path(app: object, key: str) -> Path:
    """Where a key's details page is written, for the app's builder."""
    builder = app.builder  # type: ignore[attr-defined]
    return Path(builder.get_outfilename(page_name("publications", key)))


def meta(page: BeautifulSoup, name: str) -> list[str]:
    return [tag["content"] for tag in page.find_all("meta", attrs={"name": name})]


def json_ld_of(page: BeautifulSoup) -> dict[str, object]:
    (script,) = page.find_all("script", type="application/ld+json")
    return json.loads(script.string)  # type: ignore[no-any-return]


def resolve(app: object, from_path: Path, href: str) -> tuple[Path, str]:
    """The output file and fragment a relative link from ``from_path`` points at."""
    outdir = Path(app.outdir)  # type: ignore[attr-defined]
    base = "http://site/" + from_path.relative_to(outdir).as_posix()
    target = urlsplit(urljoin(base, href))
    path = outdir / target.path.lstrip("/")
    return (path / "index.html" if target.path.endswith("/") else path), target.fragment


@pytest.mark.parametrize(
    ("builder", "overrides"),
    [("html", {}), ("dirhtml", {}), ("html", {"html_file_suffix": ".htm"})],
)
def test_every_listed_entry_gets_a_details_page(
    tmp_path: Path, builder: str, overrides: dict[str, str]
) -> None:
    app = build(copy_root("details", tmp_path / "src"), builder, overrides)
    assert warnings_of(app) == ""
    for key in KEYS:
        assert page_path(app, key).is_file(), key
        assert page_path(app, key).suffix == overrides.get("html_file_suffix", ".html")
    index = Path(app.builder.get_outfilename("index"))
    page = soup_of(index)
    for entry in page.select(".publist-entry"):
        details = entry.select_one(".publist-details-link a")
        target, _ = resolve(app, index, details["href"])
        assert target.is_file()
        title = entry.select_one(".publist-title a")
        if title is not None:
            assert title["href"] == details["href"]
        back = soup_of(target).select_one(".publist-back a")
        list_page, anchor = resolve(app, target, back["href"])
        assert list_page == index
        assert soup_of(list_page).find(id=anchor) is not None


@pytest.mark.sphinx("html", testroot="details", confoverrides={"html_baseurl": "https://ex.org/"})
def test_details_page_content_and_scholar_metadata(app) -> None:
    app.build()
    page = soup_of(page_path(app, "creager2019flexibly"))
    assert page.select_one("h1").get_text().rstrip("¶") == (
        "Flexibly Fair Representation Learning by Disentanglement"
    )
    authors = page.select_one("dd.publist-details-authors")
    assert authors.get_text().count(",") == 6  # every author, the omitted one included
    assert [name.get_text() for name in authors.select(".publist-me")] == ["Kevin Swersky"]
    assert authors.find("a", string="Richard Zemel")["href"] == "https://example.org/zemel"
    # The list's venue line: the journal, then volume(number):pages.
    assert page.select_one("dd.publist-details-venue").get_text().strip() == (
        "Journal of Fair Learning, 12(3):101\u2013120"
    )
    year = page.select_one("dd.publist-details-year")
    assert " ".join(year.get_text().split()) == "2019 Best Paper Award"
    assert year.select_one(".publist-badge-award") is not None
    assert "flexibly fair" in page.select_one(".publist-abstract-body").get_text()
    links = {a.get_text(): a["href"] for a in page.select("dd.publist-details-links a")}
    assert links == {
        "DOI": "https://doi.org/10.1234/jfl.2019.12",
        "PDF": "https://example.org/creager2019.pdf",
    }
    toggle = page.select_one("details.publist-bibtex")
    assert toggle.has_attr("open")
    bibtex = toggle.select_one("pre").get_text()
    assert bibtex.startswith("@article{creager2019flexibly,")
    assert "abstract" not in bibtex
    assert meta(page, "citation_title") == [
        "Flexibly Fair Representation Learning by Disentanglement"
    ]
    assert meta(page, "citation_author")[:2] == ["Creager, Elliot", "Madras, David"]
    assert len(meta(page, "citation_author")) == 7
    assert meta(page, "citation_publication_date") == ["2019"]
    assert meta(page, "citation_journal_title") == ["Journal of Fair Learning"]
    assert meta(page, "citation_doi") == ["10.1234/jfl.2019.12"]
    # The PDF lies on another host than the site's: Scholar would not take it.
    assert meta(page, "citation_pdf_url") == []
    assert meta(page, "citation_firstpage") == ["101"]
    assert meta(page, "citation_lastpage") == ["120"]
    assert meta(page, "citation_abstract_html_url") == [
        "https://ex.org/publications/creager2019flexibly.html"
    ]
    data = json_ld_of(page)
    assert data["@type"] == "ScholarlyArticle"
    assert data["headline"] == "Flexibly Fair Representation Learning by Disentanglement"
    assert data["url"] == "https://ex.org/publications/creager2019flexibly.html"
    assert data["datePublished"] == "2019-05"
    assert len(data["author"]) == 7  # type: ignore[arg-type]
    span = page.select_one("span.Z3988")
    assert ("rft.jtitle", "Journal of Fair Learning") in parse_qsl(span["title"])


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_relative_links_and_copied_pdfs_work_from_the_details_page(
    tmp_path: Path, builder: str
) -> None:
    srcdir = copy_root("details", tmp_path / "src")
    overrides = {"html_baseurl": "https://ex.org/site/"}
    app = build(srcdir, builder, overrides)
    assert warnings_of(app) == ""
    path = page_path(app, "kumar2022prime")
    page = soup_of(path)
    (pdf,) = page.select("dd.publist-details-links a.publist-link-pdf")
    copied, _ = resolve(app, path, pdf["href"])
    assert copied.read_bytes() == (srcdir / "papers" / "prime.pdf").read_bytes()
    assert copied.relative_to(Path(app.outdir)).as_posix().startswith("_downloads/")
    # Scholar's copy lies next to the page.
    (pdf_url,) = meta(page, "citation_pdf_url")
    folder = "publications/" if builder == "html" else "publications/kumar2022prime/"
    assert pdf_url == f"https://ex.org/site/{folder}kumar2022prime.pdf"
    beside = Path(app.outdir) / pdf_url.removeprefix("https://ex.org/site/")
    assert beside.parent == path.parent
    assert beside.read_bytes() == (srcdir / "papers" / "prime.pdf").read_bytes()
    index = Path(app.builder.get_outfilename("index"))
    listed = soup_of(index).find(id="kumar2022prime").select_one("a.publist-link-code")
    here = page.select_one("dd.publist-details-links a.publist-link-code")
    assert resolve(app, path, here["href"]) == resolve(app, index, listed["href"])


@pytest.mark.sphinx("html", testroot="details", confoverrides={"html_baseurl": ""})
def test_conference_paper_metadata(app) -> None:
    app.build()
    page = soup_of(page_path(app, "kumar2022prime"))
    assert meta(page, "citation_conference_title") == [
        "International Conference on Learning Representations"
    ]
    assert meta(page, "citation_journal_title") == []
    assert meta(page, "citation_abstract_html_url") == ["kumar2022prime.html"]


@pytest.mark.sphinx("html", testroot="details", srcdir="details-hostile")
def test_hostile_fields_cannot_break_out_of_the_json_ld(app) -> None:
    bib = Path(app.srcdir) / "refs.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("\\u2028", "\u2028"), encoding="utf-8")
    app.build()
    raw = page_path(app, "hostile2020").read_text(encoding="utf-8")
    head = raw[: raw.index("</head>")]
    assert "\u2028" not in head
    page = soup_of(page_path(app, "hostile2020"))
    scripts = page.head.find_all("script")
    inline = [script for script in scripts if not script.get("src")]
    assert [script["type"] for script in inline] == ["application/ld+json"]
    assert head.count("<script") == len(scripts)
    assert "<!--" not in head
    data = json_ld_of(page)
    assert data["headline"] == HOSTILE_TITLE
    # An abstract is read as HTML: its stray closing tag is dropped, its text kept.
    assert data["abstract"] == "An abstract with and <!-- and inside."
    assert meta(page, "citation_title") == [HOSTILE_TITLE]


@pytest.mark.sphinx("html", testroot="details")
def test_lists_carry_coins_for_every_entry(app) -> None:
    app.build()
    page = soup_of(Path(app.outdir) / "index.html")
    entries = page.select(".publist-entry")
    assert len(entries) == len(KEYS)
    for entry in entries:
        (span,) = entry.select("span.Z3988")
        pairs = parse_qsl(span["title"])
        assert pairs[0] == ("ctx_ver", "Z39.88-2004")
    hostile = page.find(id="hostile2020").select_one("span.Z3988")
    assert ("rft.atitle", HOSTILE_TITLE) in parse_qsl(hostile["title"])


@pytest.mark.sphinx("html", testroot="details")
def test_link_mode_points_view_details_at_the_url(app) -> None:
    app.build()
    page = soup_of(Path(app.outdir) / "more.html")
    links = {
        entry["id"]: [a["href"] for a in entry.select(".publist-details-link a")]
        for entry in page.select(".publist-entry")
    }
    jem = "https://openreview.net/forum?id=Hkxzx0NtDB"
    assert links == {"kumar2022prime": [], "grathwohl2020jem": [jem]}
    assert page.find(id="grathwohl2020jem").select_one(".publist-title a")["href"] == jem


@pytest.mark.parametrize(
    ("mode", "details_links", "title_href"),
    [
        ("none", 0, "https://openreview.net/forum?id=Hkxzx0NtDB"),
        ("link", 2, "https://openreview.net/forum?id=Hkxzx0NtDB"),
        ("pages", 5, "publications/grathwohl2020jem.html"),
    ],
)
def test_details_modes(tmp_path: Path, mode: str, details_links: int, title_href: str) -> None:
    app = build(copy_root("details", tmp_path / "src"), confoverrides={"publist_details": mode})
    page = soup_of(Path(app.outdir) / "index.html")
    assert len(page.select(".publist-details-link a")) == details_links
    assert page.find(id="grathwohl2020jem").select_one(".publist-title a")["href"] == title_href
    assert (Path(app.outdir) / "publications").exists() == (mode == "pages")


@pytest.mark.parametrize("value", ["_static", "../up", "a//b", 3])
def test_bad_details_dir_falls_back_with_a_warning(tmp_path: Path, value: object) -> None:
    app = build(
        copy_root("details", tmp_path / "src"), confoverrides={"publist_details_dir": value}
    )
    assert "publist.config" in warnings_of(app)
    assert page_path(app, "kumar2022prime").is_file()


@pytest.mark.parametrize("builder", ["singlehtml", "latex", "text", "man", "texinfo", "epub"])
def test_other_builders_fall_back_to_links_without_warnings(tmp_path: Path, builder: str) -> None:
    overrides = {"version": "1", "copyright": "2026, Ann"}
    app = build(copy_root("details", tmp_path / "src"), builder, overrides)
    assert warnings_of(app) == ""
    assert not (Path(app.outdir) / "publications").exists()
    if builder == "singlehtml":
        page = soup_of(Path(app.outdir) / "index.html")
        hrefs = {a["href"] for a in page.select(".publist-details-link a")}
        assert hrefs == {
            "https://openreview.net/forum?id=Hkxzx0NtDB",
            "https://doi.org/10.1234/jfl.2019.12",
        }
    if builder == "text":
        output = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
        assert "View details" not in output
        assert "| 2020     | 2              |" in output


def clean_build(srcdir: Path, builder: str = "html", **kwargs: Any) -> SphinxTestApp:
    """Build with the one build helper; not a single warning."""
    app = build(srcdir, builder, **kwargs)
    assert warnings_of(app) == ""
    return app


def test_incremental_build_rewrites_the_changed_entry_page(tmp_path: Path) -> None:
    srcdir = copy_root("details", tmp_path / "src")
    app = clean_build(srcdir)
    creager = page_path(app, "creager2019flexibly")
    kumar = page_path(app, "kumar2022prime")
    kumar_before = kumar.read_bytes()
    bib = srcdir / "refs.bib"
    bib.write_text(
        bib.read_text(encoding="utf-8").replace("Flexibly Fair", "Flexibly Fairer"),
        encoding="utf-8",
    )
    app = clean_build(srcdir)
    page = soup_of(creager)
    assert meta(page, "citation_title") == [
        "Flexibly Fairer Representation Learning by Disentanglement"
    ]
    assert json_ld_of(page)["headline"] == meta(page, "citation_title")[0]
    assert kumar.read_bytes() == kumar_before


def test_removed_entry_loses_its_page_on_a_clean_build(tmp_path: Path) -> None:
    srcdir = copy_root("details", tmp_path / "src")
    bib = srcdir / "refs.bib"
    text = bib.read_text(encoding="utf-8")
    start = text.index("@article{hostile2020")
    bib.write_text(text[:start] + text[text.index("@misc", start) :], encoding="utf-8")
    app = clean_build(srcdir, freshenv=True)
    assert not page_path(app, "hostile2020").exists()
    assert page_path(app, "kumar2022prime").exists()
    index = soup_of(Path(app.outdir) / "index.html")
    assert index.find(id="hostile2020") is None


def test_parallel_build_writes_identical_pages(tmp_path: Path) -> None:
    outputs = []
    for parallel in (0, 2):
        srcdir = copy_root("details", tmp_path / f"src-{parallel}")
        app = clean_build(srcdir, parallel=parallel)
        outdir = Path(app.outdir)
        files = [*sorted(outdir.glob("publications/*.html")), outdir / "index.html"]
        outputs.append({path.relative_to(outdir): path.read_bytes() for path in files})
    serial, parallel_output = outputs
    assert len(serial) == len(KEYS) + 1
    assert serial == parallel_output


def test_a_document_named_like_a_details_page_wins(tmp_path: Path) -> None:
    srcdir = copy_root("details", tmp_path / "src")
    (srcdir / "publications").mkdir()
    (srcdir / "publications" / "kumar2022prime.rst").write_text(
        ":orphan:\n\nMine\n====\n", encoding="utf-8"
    )
    app = build(srcdir)
    assert "publist.details" in warnings_of(app)
    assert soup_of(page_path(app, "kumar2022prime")).h1.get_text().startswith("Mine")
    index = soup_of(Path(app.outdir) / "index.html")
    assert not index.find(id="kumar2022prime").select(".publist-details-link")


@pytest.mark.sphinx("html", testroot="details")
def test_bibtex_block_lists_each_field_once(app) -> None:
    app.build()
    bibtex = soup_of(page_path(app, "creager2019flexibly")).select_one(".publist-bibtex pre")
    lines = bibtex.get_text().strip().splitlines()
    names = [line.split("=")[0].strip() for line in lines[1:-1]]
    assert names == [
        "author",
        "title",
        "journal",
        "volume",
        "number",
        "pages",
        "year",
        "month",
        "award",
        "doi",
        "pdf",
    ]
    assert lines[-1] == "}"


@pytest.mark.sphinx(
    "html",
    testroot="details",
    confoverrides={"extensions": ["sphinxcontrib_publist", "sphinx.ext.mathjax"]},
)
def test_details_page_with_math_loads_mathjax(app) -> None:
    app.build()
    with_math = soup_of(page_path(app, "grathwohl2020jem"))
    assert with_math.select(".publist-abstract-body .math")
    assert any("mathjax" in script.get("src", "") for script in with_math.find_all("script"))
    without = soup_of(page_path(app, "kumar2022prime"))
    assert not any("mathjax" in script.get("src", "") for script in without.find_all("script"))


def test_latex_after_html_on_one_doctree_dir(tmp_path: Path) -> None:
    srcdir = copy_root("details", tmp_path / "src")
    clean_build(srcdir)
    app = clean_build(srcdir, "latex")
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "View details" not in tex
    assert "publications/" not in tex
    assert r"\sphinxhref{https://openreview.net/forum?id=Hkxzx0NtDB}" in tex


def test_gettext_extracts_no_bib_data_from_details(tmp_path: Path) -> None:
    app = clean_build(copy_root("details", tmp_path / "src"), "gettext")
    catalog = (Path(app.outdir) / "index.pot").read_text(encoding="utf-8")
    assert "Flexibly Fair" not in catalog
    assert 'msgid "2016"' not in catalog


@pytest.mark.sphinx("html", testroot="details", confoverrides={"language": "de"})
def test_details_labels_are_translated(app) -> None:
    app.build()
    index = soup_of(Path(app.outdir) / "index.html")
    assert index.select_one(".publist-details-link a").get_text() == "Details anzeigen"
    assert index.select_one(".publist-chart svg")["aria-label"] == "Publikationen pro Jahr"
    page = soup_of(page_path(app, "creager2019flexibly"))
    assert page.select_one(".publist-back a").get_text() == "Zurück zur Liste"
    fields = [name.get_text().rstrip(":") for name in page.select("dl.publist-details-fields dt")]
    assert fields == ["Autoren", "Erschienen in", "Jahr", "Links"]
