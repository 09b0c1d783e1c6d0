"""Export files linked from the page head, the download control, and Atom feeds, in real builds."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import rispy
from pybtex.database import parse_file
from sphinx.testing.util import SphinxTestApp

from ..helpers import build, copy_root, html_of, publist_warnings

BASEURL = "https://lab.example/site/"
ATOM = "{http://www.w3.org/2005/Atom}"
# Both lists of the features index, each key once, in page order.
PAGE_KEYS = ["kumar2022prime", "hostile2021", "grathwohl2020jem", "creager2019flexibly"]


def _project(destination: Path, feed: str = "2") -> Path:
    srcdir = copy_root("features", destination)
    index = srcdir / "index.rst"
    text = index.read_text(encoding="utf-8")
    index.write_text(
        text.replace("   :max-authors: 3\n", f"   :max-authors: 3\n   :feed: {feed}\n")
    )
    return srcdir


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    srcdir = _project(tmp_path_factory.mktemp("exports") / "src")
    return build(srcdir, confoverrides={"html_baseurl": BASEURL, "author": "The Lab"})


def _alternates(app: SphinxTestApp, docname: str = "index") -> list[dict[str, str]]:
    head = html_of(app, docname).head
    return [
        {"type": link["type"], "href": link["href"], "title": link["title"]}
        for link in head.select('link[rel="alternate"]')
    ]


def test_head_links_each_export_then_the_feed(app: SphinxTestApp) -> None:
    assert _alternates(app) == [
        {"type": "application/x-bibtex", "href": "_publist/index-all.bib", "title": "BibTeX"},
        {
            "type": "application/x-research-info-systems",
            "href": "_publist/index-all.ris",
            "title": "RIS",
        },
        {
            "type": "application/vnd.citationstyles.csl+json",
            "href": "_publist/index-all.json",
            "title": "CSL-JSON",
        },
        {"type": "application/atom+xml", "href": "_publist/index-1.atom", "title": "Publications"},
    ]
    sub = _alternates(app, "sub/page")
    assert [link["href"] for link in sub] == [
        "../_publist/sub/page-all.bib",
        "../_publist/sub/page-all.ris",
        "../_publist/sub/page-all.json",
    ]


def test_linked_files_hold_the_page_entries_and_round_trip(app: SphinxTestApp) -> None:
    outdir = Path(app.outdir)
    files = {link["type"]: outdir / link["href"] for link in _alternates(app)}
    bib = parse_file(str(files["application/x-bibtex"]), "bibtex")
    assert list(bib.entries) == PAGE_KEYS
    site_only = {"pdf", "slides", "code", "video", "poster", "project", "selected", "award"}
    for entry in bib.entries.values():
        assert site_only.isdisjoint(name.lower() for name in entry.fields)
        assert "abstract" not in {name.lower() for name in entry.fields}
    assert bib.entries["grathwohl2020jem"].fields["doi"] == "10.48550/arXiv.1912.03263"
    ris = rispy.load(files["application/x-research-info-systems"])
    assert [record["id"] for record in ris] == PAGE_KEYS
    csl = json.loads(files["application/vnd.citationstyles.csl+json"].read_text(encoding="utf-8"))
    assert [item["id"] for item in csl] == PAGE_KEYS
    titles = [item["title"] for item in csl]
    assert titles == [record["title"] for record in ris]
    assert [entry.fields["title"] for entry in bib.entries.values()][2] == titles[2]


def test_each_entry_keeps_its_coins(app: SphinxTestApp) -> None:
    page = html_of(app)
    spans = page.select(".publist")[0].select("span.Z3988")
    assert len(spans) == len(PAGE_KEYS)
    assert all(span["title"].startswith("ctx_ver=Z39.88-2004") for span in spans)
    assert "rft.atitle=Data-Driven" in spans[0]["title"]


def test_the_download_control_offers_three_formats(app: SphinxTestApp) -> None:
    control = html_of(app).select(".publist-download")[1]
    links = control.select("a")
    assert [link.get_text() for link in links] == ["BibTeX", "RIS", "CSL-JSON"]
    outdir = Path(app.outdir)
    ris = rispy.load(outdir / links[1]["href"])
    assert [record["id"] for record in ris] == ["creager2019flexibly", "grathwohl2020jem"]
    csl = json.loads((outdir / links[2]["href"]).read_text(encoding="utf-8"))
    assert [item["id"] for item in csl] == ["creager2019flexibly", "grathwohl2020jem"]


def test_feed_is_atom_with_the_newest_entries(app: SphinxTestApp) -> None:
    feed = ET.parse(Path(app.outdir) / "_publist/index-1.atom").getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id") == f"{BASEURL}_publist/index-1.atom"
    assert feed.findtext(f"{ATOM}title") == "Publications"
    assert feed.findtext(f"{ATOM}updated") == "2022-01-01T00:00:00Z"
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "The Lab"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}id") for entry in entries] == [
        f"{BASEURL}index.html#kumar2022prime",
        f"{BASEURL}index.html#hostile2021",
    ]
    for entry in entries:
        assert entry.findtext(f"{ATOM}title")
        assert entry.find(f"{ATOM}link").get("href") == entry.findtext(f"{ATOM}id")


def test_feed_is_the_same_in_a_second_build(tmp_path: Path) -> None:
    srcdir = _project(tmp_path / "src")
    first = build(srcdir, confoverrides={"html_baseurl": BASEURL}, freshenv=True)
    feed = Path(first.outdir) / "_publist/index-1.atom"
    before = feed.read_bytes()
    build(srcdir, confoverrides={"html_baseurl": BASEURL}, freshenv=True)
    assert feed.read_bytes() == before


def test_feed_without_baseurl_warns_once_and_writes_nothing(tmp_path: Path) -> None:
    app = build(_project(tmp_path / "src"))
    warnings = publist_warnings(app, "config")
    assert len(warnings) == 1
    assert "html_baseurl" in warnings[0]
    assert "index.rst" in warnings[0]
    assert not (Path(app.outdir) / "_publist/index-1.atom").exists()
    assert "application/atom+xml" not in [link["type"] for link in _alternates(app)]


def test_bad_feed_size_warns(tmp_path: Path) -> None:
    app = build(_project(tmp_path / "src", feed="many"), confoverrides={"html_baseurl": BASEURL})
    assert any(":feed:" in line for line in publist_warnings(app, "option"))
    assert not (Path(app.outdir) / "_publist/index-1.atom").exists()


def test_parallel_build_writes_the_same_files(tmp_path: Path) -> None:
    serial = build(_project(tmp_path / "serial"), confoverrides={"html_baseurl": BASEURL})
    parallel = build(
        _project(tmp_path / "parallel"), confoverrides={"html_baseurl": BASEURL}, parallel=2
    )
    names = sorted(
        path.relative_to(serial.outdir) for path in Path(serial.outdir, "_publist").rglob("*.*")
    )
    assert names == sorted(
        path.relative_to(parallel.outdir) for path in Path(parallel.outdir, "_publist").rglob("*.*")
    )
    for name in names:
        assert (Path(serial.outdir) / name).read_bytes() == (
            Path(parallel.outdir) / name
        ).read_bytes()
    assert _alternates(serial) == _alternates(parallel)


def test_rebuilds_rewrite_the_files_only_when_the_entries_change(tmp_path: Path) -> None:
    srcdir = _project(tmp_path / "src")
    app = build(srcdir, confoverrides={"html_baseurl": BASEURL})
    ris = Path(app.outdir) / "_publist/index-all.ris"
    written = ris.stat().st_mtime_ns
    build(srcdir, confoverrides={"html_baseurl": BASEURL})
    assert ris.stat().st_mtime_ns == written
    bib = srcdir / "refs.bib"
    bib.write_text(
        bib.read_text(encoding="utf-8").replace("Hostile links", "Friendly links"),
        encoding="utf-8",
    )
    build(srcdir, confoverrides={"html_baseurl": BASEURL})
    titles = [record["title"] for record in rispy.load(ris)]
    assert "Friendly links" in titles
    assert "Hostile links" not in titles


def test_singlehtml_links_every_entry_of_the_site(tmp_path: Path) -> None:
    app = build(_project(tmp_path / "src"), "singlehtml", {"html_baseurl": BASEURL})
    links = _alternates(app)
    assert [link["href"] for link in links][:3] == [
        "_publist/index-all.bib",
        "_publist/index-all.ris",
        "_publist/index-all.json",
    ]
    bib = parse_file(str(Path(app.outdir) / links[0]["href"]), "bibtex")
    assert list(bib.entries) == PAGE_KEYS
