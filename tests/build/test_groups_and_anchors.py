"""Type groups by heading, and entry anchors from keys: on the page and on details pages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from sphinxcontrib_publist.nodes.details import page_name

from ..helpers import GENERATED_CONF, build, html_of, soup_of, warnings_of

TYPED = [
    ("a1", "article"),
    ("c1", "inproceedings"),
    ("c2", "conference"),
    ("ch1", "inbook"),
    ("ch2", "incollection"),
    ("b1", "book"),
    ("b2", "mvbook"),
    ("t1", "phdthesis"),
    ("t2", "mastersthesis"),
    ("t3", "thesis"),
    ("r1", "techreport"),
    ("r2", "report"),
    ("m1", "misc"),
]
# Keys of real exports: biblatex-apa's DOI-like keys, a NASA ADS bibcode.
TRICKY = ["9.8:1", "10.1:3", "2026A&A...706A..90T", "Smith2020", "a&b", "a-b"]


def write_project(srcdir: Path, entries: list[tuple[str, str, int]], directive: str) -> Path:
    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text(GENERATED_CONF, encoding="utf-8")
    bib = "".join(
        f"@{entry_type}{{{key},\n  title = {{Title {title}}},\n  author = {{Ada Lovelace}},\n"
        f"  year = {{{2000 + title}}},\n  publisher = {{P}},\n}}\n\n"
        for key, entry_type, title in entries
    )
    (srcdir / "refs.bib").write_text(bib, encoding="utf-8")
    page = f"Papers\n======\n\n.. publications:: refs.bib\n{directive}"
    (srcdir / "index.rst").write_text(page, encoding="utf-8")
    return srcdir


def test_type_groups_follow_their_heading(tmp_path: Path) -> None:
    entries = [(key, entry_type, index) for index, (key, entry_type) in enumerate(TYPED)]
    app = build(write_project(tmp_path, entries, "   :group-by: type\n   :sort: title\n"))
    assert warnings_of(app) == ""
    groups = html_of(app).select(".publist-group")
    shown = [
        (
            group.select_one(".publist-group-heading").get_text(),
            sorted(entry["id"] for entry in group.select(".publist-entry")),
        )
        for group in groups
    ]
    assert shown == [
        ("Journal articles", ["a1"]),
        ("Conference papers", ["c1", "c2"]),
        ("Book chapters", ["ch1", "ch2"]),
        ("Books", ["b1", "b2"]),
        ("Theses", ["t1", "t2", "t3"]),
        ("Reports", ["r1", "r2"]),
        ("Other publications", ["m1"]),
    ]


def anchors_of(page: BeautifulSoup) -> dict[str, str]:
    """Each entry's id, by the number in its title."""
    return {
        entry.select_one(".publist-title").get_text().split()[-1]: entry["id"]
        for entry in page.select(".publist-entry")
    }


def test_anchors_come_from_keys_whatever_the_order(tmp_path: Path) -> None:
    entries = [(key, "article", index) for index, key in enumerate(TRICKY)]
    pages = []
    for sort in ("title", "-title"):
        app = build(write_project(tmp_path / sort, entries, f"   :sort: {sort}\n"))
        assert warnings_of(app) == ""
        pages.append(html_of(app))
    by_title, reversed_titles = (anchors_of(page) for page in pages)
    assert by_title == reversed_titles
    anchors = [by_title[str(index)] for index in range(len(TRICKY))]
    assert anchors[:4] == ["9.8:1", "10.1:3", "2026A-A...706A..90T", "Smith2020"]
    # a&b and a-b escape alike: both carry a digest of their key.
    assert [anchor.rsplit("-", 1)[0] for anchor in anchors[4:]] == ["a-b", "a-b"]
    assert len(set(anchors[4:])) == 2
    all_ids = [tag["id"] for tag in pages[0].select("[id]")]
    assert len(all_ids) == len(set(all_ids))


def test_two_lists_on_a_page_and_the_details_pages_share_one_anchor(tmp_path: Path) -> None:
    entries = [(key, "article", index) for index, key in enumerate(TRICKY)]
    directive = "   :details: pages\n\n.. publications:: refs.bib\n   :keys: 9.8:1\n"
    # With details pages, a base URL for their sitemap.
    app = build(
        write_project(tmp_path, entries, directive),
        confoverrides={"html_baseurl": "https://ex.org/"},
    )
    assert warnings_of(app) == ""
    page = html_of(app)
    first, second = page.select(".publist")
    assert second.select_one(".publist-entry")["id"] == "9.8:1-2"
    index_path = Path(app.outdir) / "index.html"
    for entry in first.select(".publist-entry"):
        anchor = entry["id"]
        details_href = entry.select_one(".publist-details-link a")["href"]
        details_path = Path(app.outdir) / urlsplit(details_href).path
        details = soup_of(details_path)
        assert details.select_one(".publist-details")["id"] == anchor
        back = details.select_one(".publist-back a")["href"]
        target = urlsplit(urljoin(details_path.as_uri(), back))
        assert Path(target.path) == index_path
        assert page.find(id=unquote(target.fragment)) is entry
    key = TRICKY[2]
    assert Path(app.builder.get_outfilename(page_name("publications", key))).exists()
