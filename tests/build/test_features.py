"""The features root: entry links, badges, folded author lines, BibTeX toggles and downloads."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pybtex.database import parse_file, parse_string
from sphinx.testing.util import SphinxTestApp

from ..helpers import build, copy_root, html_of, warnings_of

SAFE_HREF = re.compile(r"^(https?://|[^:]*$)")
LIST_ORDER = ["kumar2022prime", "hostile2021", "grathwohl2020jem", "creager2019flexibly"]


def fresh_copy(destination: Path) -> Path:
    return copy_root("features", destination)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The features project built once to HTML; tests only read it."""
    return build(fresh_copy(tmp_path_factory.mktemp("features") / "src"))


def _unexpected_warnings(app: SphinxTestApp) -> list[str]:
    # The features project holds hostile links on purpose: their warnings are expected.
    return [
        line
        for line in warnings_of(app).splitlines()
        if "[publist.link]" not in line and "publist_author_links" not in line
    ]


def entry(page: BeautifulSoup, key: str, list_number: int = 0) -> BeautifulSoup:
    return page.select(".publist")[list_number].select_one(f'[id^="{key}"]')


def links_of(item: BeautifulSoup) -> dict[str, str]:
    return {
        next(c for c in link["class"] if c.startswith("publist-link-")): link["href"]
        for link in item.select(".publist-links a")
    }


def test_each_link_kind_is_rendered(app: SphinxTestApp) -> None:
    page = html_of(app)
    kumar = links_of(entry(page, "kumar2022prime"))
    assert kumar["publist-link-arxiv"] == "https://arxiv.org/abs/2110.11346"
    assert kumar["publist-link-code"] == "https://github.com/example/prime"
    assert re.fullmatch(r"_downloads/[0-9a-f]+/prime\.pdf", kumar["publist-link-pdf"])
    assert (Path(app.outdir) / kumar["publist-link-pdf"]).read_bytes().startswith(b"%PDF")
    jem = links_of(entry(page, "grathwohl2020jem"))
    assert jem == {
        "publist-link-url": "https://openreview.net/forum?id=Hkxzx0NtDB",
        "publist-link-doi": "https://doi.org/10.48550/arXiv.1912.03263",
        "publist-link-slides": kumar["publist-link-pdf"],
        "publist-link-video": "https://www.youtube.com/watch?v=abc",
        "publist-link-poster": "posters/jem.png",
        "publist-link-project": "https://example.org/jem/",
    }
    labels = [link.get_text() for link in entry(page, "grathwohl2020jem").select(".publist-link")]
    assert labels == ["URL", "DOI", "Slides", "Video", "Poster", "Project"]


def test_no_unsafe_url_reaches_the_page(app: SphinxTestApp) -> None:
    page = html_of(app)
    for lst in page.select(".publist"):
        for tag in lst.select("[href], [src]"):
            assert SAFE_HREF.match(tag.get("href") or tag["src"]), tag
    hostile = entry(page, "hostile2021")
    assert hostile.select(".publist-links") == []
    assert hostile.select_one(".publist-title a") is None
    assert "javascript" not in " ".join(str(a) for a in page.select("a"))


def test_unsafe_links_warn_once_each_at_the_bib_entry(app: SphinxTestApp) -> None:
    warnings = warnings_of(app)
    hostile = [line for line in warnings.splitlines() if "hostile2021" in line]
    fields = sorted(re.search(r"'hostile2021': (\w+)", line).group(1) for line in hostile)
    assert fields == sorted(
        ["url", "pdf", "code", "slides", "video", "poster", "project", "doi", "eprint"]
    )
    assert all("refs.bib:41:" in line and "[publist.link]" in line for line in hostile)
    assert warnings.count("publist_author_links") == 1


def test_bibtex_toggle_holds_the_cleaned_entry(app: SphinxTestApp) -> None:
    page = html_of(app)
    first, second = page.select(".publist")[:2]
    blocks = first.select("details.publist-bibtex")
    assert len(blocks) == 4
    assert second.select("details.publist-bibtex") == []
    block = entry(page, "grathwohl2020jem").select_one("details.publist-bibtex")
    assert block.summary.get_text() == "BibTeX"
    assert block["data-publist-copy"] == "Copy"
    parsed = parse_string(block.select_one("pre").get_text(), "bibtex")
    bib_entry = parsed.entries["grathwohl2020jem"]
    assert {"file", "abstract", "keywords"}.isdisjoint(bib_entry.fields)
    assert bib_entry.fields["doi"] == "10.48550/arXiv.1912.03263"
    assert len(bib_entry.persons["author"]) == 6


def test_download_files_hold_exactly_the_listed_entries(app: SphinxTestApp) -> None:
    outdir = Path(app.outdir)
    expected = {
        "_publist/index-1.bib": LIST_ORDER,
        "_publist/index-2.bib": ["creager2019flexibly", "grathwohl2020jem"],
        "_publist/sub/page-1.bib": ["kumar2022prime"],
    }
    for name, keys in expected.items():
        assert list(parse_file(str(outdir / name), "bibtex").entries) == keys
    page = html_of(app)
    assert [a["href"] for a in page.select(".publist-download a")] == [
        f"_publist/index-{number}.{suffix}"
        for number in (1, 2)
        for suffix in ("bib", "ris", "json")
    ]
    assert [a.get_text() for a in page.select(".publist-download a")] == [
        "BibTeX",
        "RIS",
        "CSL-JSON",
    ] * 2
    assert [
        p.select_one(".publist-download-label").get_text() for p in page.select(".publist-download")
    ] == ["Download:"] * 2
    # Saved, not shown as text.
    assert all(a.has_attr("download") for a in page.select(".publist-download a"))
    sub = html_of(app, "sub/page")
    assert (
        next(a["href"] for a in sub.select(".publist-download a")) == "../_publist/sub/page-1.bib"
    )


def test_download_follows_filter_and_limit(tmp_path: Path) -> None:
    srcdir = fresh_copy(tmp_path / "src")
    index = srcdir / "index.rst"
    index.write_text(
        index.read_text(encoding="utf-8")
        + "\n.. publications:: refs.bib\n   :limit: 2\n   :sort: key\n",
        encoding="utf-8",
    )
    app = build(srcdir, confoverrides={"publist_download_bib": True})
    bib = Path(app.outdir) / "_publist/index-3.bib"
    assert list(parse_file(str(bib), "bibtex").entries) == [
        "creager2019flexibly",
        "grathwohl2020jem",
    ]


def test_long_author_lines_fold_but_keep_the_highlighted_name(app: SphinxTestApp) -> None:
    page = html_of(app)
    creager = entry(page, "creager2019flexibly")
    line = creager.select_one("div.publist-authors")
    more = line.extract().select_one("details.publist-more-authors").extract()
    assert line.get_text().strip() == (
        "Elliot Creager, David Madras, Jörn-Henrik Jacobsen, \u2026, Kevin Swersky"
    )
    assert line.select_one(".publist-authors-gap").get_text() == "\u2026"
    assert more.summary.get_text() == " and 3 more"  # its space goes with it when open
    assert more.select_one(".publist-more-names").get_text() == (
        ", Marissa Weis, Toniann Pitassi, Richard Zemel"
    )
    assert more.select_one("a")["href"] == "https://www.cs.toronto.edu/~zemel/"
    assert line.select_one(".publist-me").get_text() == "Kevin Swersky"
    # The second list does not fold; the highlight matched "Swersky, K." too.
    jem = entry(page, "grathwohl2020jem", 1)
    assert jem.select_one("p.publist-authors") is not None
    assert jem.select_one(".publist-me").get_text() == "K. Swersky"
    kumar = entry(page, "kumar2022prime")
    assert "Sergey Levine" in kumar.select_one("details.publist-more-authors").get_text()
    assert kumar.select_one("details.publist-more-authors a") is None


def test_badges(app: SphinxTestApp) -> None:
    page = html_of(app)

    def badges(key: str) -> dict[str, str]:
        return {
            next(c for c in b["class"] if c.startswith("publist-badge-")): b.get_text()
            for b in entry(page, key).select(".publist-badge")
        }

    assert badges("kumar2022prime") == {
        "publist-badge-to-appear": "(to appear)",
        "publist-badge-selected": "Selected",
    }
    assert badges("creager2019flexibly") == {
        "publist-badge-award": "Best Paper Award",
        "publist-badge-selected": "Selected",
    }
    assert badges("grathwohl2020jem") == {
        "publist-badge-award": "Outstanding Paper Award",
        "publist-badge-citations": "Cited by 1234",
    }
    assert badges("hostile2021") == {}


@pytest.mark.parametrize(
    ("name_format", "expected"),
    [
        ("first-last", "Elliot Creager, David Madras, Jörn-Henrik Jacobsen"),
        ("initials-last", "E. Creager, D. Madras, J.-H. Jacobsen"),
        ("last-initials", "Creager, E., Madras, D., Jacobsen, J.-H."),
    ],
)
def test_name_format_option(tmp_path: Path, name_format: str, expected: str) -> None:
    srcdir = fresh_copy(tmp_path / "src")
    (srcdir / "index.rst").write_text(
        f".. publications:: refs.bib\n   :name-format: {name_format}\n", encoding="utf-8"
    )
    app = build(srcdir)
    page = html_of(app)
    authors = entry(page, "creager2019flexibly").select_one(".publist-authors").get_text()
    assert authors.startswith(expected + ",")


# Output names follow the project name, whose default differs across Sphinx versions.
OTHER_BUILDERS = {
    "text": "index.txt",
    "man": "publist.1",
    "latex": "publist.tex",
    "texinfo": "publist.texi",
}


@pytest.mark.parametrize("builder", sorted(OTHER_BUILDERS))
def test_other_builders_print_badges_bibtex_and_cut_author_lines(
    tmp_path: Path, builder: str
) -> None:
    app = build(fresh_copy(tmp_path / "src"), builder, confoverrides={"project": "Publist"})
    output = (Path(app.outdir) / OTHER_BUILDERS[builder]).read_text(encoding="utf-8")
    # LaTeX writes brackets as {[} and {]}.
    output = output.replace("{[}", "[").replace("{]}", "]")
    flat = " ".join(output.replace("\\", " ").split())
    assert "Selected]" in flat
    assert "Cited by 1234]" in flat
    # The folded line keeps its visible names and says how many it leaves out.
    assert re.search(r"Jacobsen\W{0,4}, .{0,40}….{0,80}Kevin Swersky.{0,40}and 3 more", flat)
    # The BibTeX block, labelled; only its fields mention "pubstate".
    assert "BibTeX:" in flat
    assert "pubstate" in flat
    assert "Download:" not in output
    assert not (Path(app.outdir) / "_publist").exists()
    assert _unexpected_warnings(app) == []


@pytest.mark.parametrize(
    ("builder", "page", "href"),
    [
        ("dirhtml", "sub/page/index.html", "../../_publist/sub/page-1.bib"),
        ("singlehtml", "index.html", "_publist/sub/page-1.bib"),
    ],
)
def test_download_links_in_other_html_layouts(
    tmp_path: Path, builder: str, page: str, href: str
) -> None:
    app = build(fresh_copy(tmp_path / "src"), builder)
    outdir = Path(app.outdir)
    html = BeautifulSoup((outdir / page).read_text(encoding="utf-8"), "html.parser")
    assert href in [a["href"] for a in html.select(".publist-download a")]
    assert list(parse_file(str(outdir / "_publist/sub/page-1.bib"), "bibtex").entries) == [
        "kumar2022prime"
    ]
    pdf = html.select_one("a.publist-link-pdf")["href"]
    assert (outdir / Path(page).parent / pdf).resolve().read_bytes().startswith(b"%PDF")


def test_epub_has_no_download_files(tmp_path: Path) -> None:
    app = build(
        fresh_copy(tmp_path / "src"),
        "epub",
        confoverrides={"project": "Publications", "copyright": "2026, Test", "version": "1"},
    )
    assert not (Path(app.outdir) / "_publist").exists()
    assert _unexpected_warnings(app) == []


def test_parallel_build_writes_the_same_files(tmp_path: Path) -> None:
    serial = build(fresh_copy(tmp_path / "serial"))
    parallel = build(fresh_copy(tmp_path / "parallel"), parallel=2)
    for name in ("_publist/index-1.bib", "_publist/index-2.bib", "_publist/sub/page-1.bib"):
        assert (Path(parallel.outdir) / name).read_bytes() == (
            Path(serial.outdir) / name
        ).read_bytes()
    assert (Path(parallel.outdir) / "sub/page.html").read_bytes() == (
        Path(serial.outdir) / "sub/page.html"
    ).read_bytes()


def test_incremental_build_rewrites_changed_downloads(tmp_path: Path) -> None:
    srcdir = fresh_copy(tmp_path / "src")
    build(srcdir)
    bib = srcdir / "refs.bib"
    bib.write_text(
        bib.read_text(encoding="utf-8").replace(
            "@misc{hostile2021,",
            "@misc{added2023,\n  title = {Added},\n  year = {2023},\n}\n\n@misc{hostile2021,",
        ),
        encoding="utf-8",
    )
    (srcdir / "papers/prime.pdf").write_bytes(b"%PDF-1.4 changed\n")
    app = build(srcdir)
    outdir = Path(app.outdir)
    keys = list(parse_file(str(outdir / "_publist/index-1.bib"), "bibtex").entries)
    assert keys[0] == ("added2023")
    pdf = html_of(app).select_one("a.publist-link-pdf")["href"]
    assert (outdir / pdf).read_bytes() == b"%PDF-1.4 changed\n"


def test_linkcheck_checks_every_entry_link(tmp_path: Path) -> None:
    # Every URL is ignored, so nothing is fetched; the report still lists each one.
    app = build(
        fresh_copy(tmp_path / "src"), "linkcheck", confoverrides={"linkcheck_ignore": [".*"]}
    )
    report = (Path(app.outdir) / "output.json").read_text(encoding="utf-8")
    checked = {json.loads(line)["uri"] for line in report.splitlines()}
    assert {
        "https://arxiv.org/abs/2110.11346",
        "https://doi.org/10.48550/arXiv.1912.03263",
        "https://www.youtube.com/watch?v=abc",
        "https://www.cs.toronto.edu/~zemel/",
    } <= checked
    assert not any(uri.startswith("javascript:") for uri in checked)


@pytest.mark.parametrize("mode", ["inline", "footnote"])
def test_latex_show_urls_spells_out_entry_links(tmp_path: Path, mode: str) -> None:
    app = build(
        fresh_copy(tmp_path / "src"),
        "latex",
        confoverrides={"project": "Publist", "latex_show_urls": mode},
    )
    tex = (Path(app.outdir) / OTHER_BUILDERS["latex"]).read_text(encoding="utf-8")
    doi = r"https://doi.org/10.48550/arXiv.1912.03263"
    if mode == "inline":
        assert f"({doi})" in tex
    else:
        assert re.search(r"\\begin\{footnote\}.{0,200}" + re.escape(doi), tex, re.DOTALL)
    assert _unexpected_warnings(app) == []


def test_plain_text_follows_each_web_link_by_its_address(tmp_path: Path) -> None:
    app = build(fresh_copy(tmp_path / "src"), "text")
    text = " ".join((Path(app.outdir) / "index.txt").read_text(encoding="utf-8").split())
    assert (
        "URL <https://openreview.net/forum?id=Hkxzx0NtDB> DOI <https://doi.org/10.48550/arXiv.1912.03263>"
        in text
    )
    assert "Video <https://www.youtube.com/watch?v=abc>" in text
    # Unsafe URLs never became links, so none is spelled out as an address.
    assert "<javascript:" not in text.lower()
