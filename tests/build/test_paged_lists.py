"""Paged lists (``:per-page:``): real pages in HTML, the whole list everywhere else."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ..browser.conftest import PAGED_SIZE as SIZE
from ..browser.conftest import write_paged_site as write_site
from ..helpers import build, publist_warnings, soup_of


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = write_site(tmp_path_factory.mktemp("paged"))
    app = build(source)
    assert publist_warnings(app) == []
    return Path(app.outdir)


def entry_ids(page: Path) -> list[str]:
    return [item["id"] for item in soup_of(page).select(".publist .publist-entry")]


def test_every_entry_is_on_exactly_one_page_in_order(site: Path) -> None:
    pages = [site / "index.html"] + [site / f"index-page-{n}.html" for n in range(2, 6)]
    shown = [entry_ids(page) for page in pages]
    assert [len(ids) for ids in shown] == [10, 10, 10, 10, 5]
    everything = [key for ids in shown for key in ids]
    assert sorted(everything) == [f"long{number:04d}" for number in range(SIZE)]
    assert not (site / "index-page-6.html").exists()


def test_pages_link_each_other_without_the_script(site: Path) -> None:
    first = soup_of(site / "index.html").select_one(".publist-pager")
    assert first is not None
    assert first.select_one("[aria-current=page]").get_text() == "1"  # type: ignore[union-attr]
    assert [a["href"] for a in first.select("a")][-1] == "index-page-2.html"
    third = soup_of(site / "index-page-3.html")
    links = {a.get_text(): a["href"] for a in third.select(".publist-pager a")}
    assert links["Previous"] == "index-page-2.html"
    assert links["Next"] == "index-page-4.html"
    assert links["1"] == "index.html"
    assert third.select_one("h1").get_text().startswith("Papers, page 3")  # type: ignore[union-attr]
    # A later page is static: no controls to load.
    assert third.select_one(".publist[data-publist-controls]") is None


def test_jump_bar_links_to_the_page_where_each_group_starts(site: Path) -> None:
    pages = ["index.html"] + [f"index-page-{n}.html" for n in range(2, 6)]
    groups = [
        {group["id"] for group in soup_of(site / name).select(".publist-group")} for name in pages
    ]
    hrefs = [str(a["href"]) for a in soup_of(site / "index.html").select(".publist-jump a")]
    assert len(hrefs) == 18
    for href in hrefs:
        name, anchor = href.split("#")
        starts = next(pages[n] for n, ids in enumerate(groups) if anchor in ids)
        assert (name or "index.html") == starts


def test_the_first_page_names_the_chunks_holding_every_later_entry(site: Path) -> None:
    root = soup_of(site / "index.html").select_one(".publist")
    assert root is not None
    assert root["data-publist-per-page"] == "10"
    assert root["data-publist-total"] == str(SIZE)
    chunks = json.loads(str(root["data-publist-chunks"]))
    later = [key for chunk in chunks for key in entry_ids_of_fragment(site / chunk)]
    assert later == [key for n in range(2, 6) for key in entry_ids(site / f"index-page-{n}.html")]


def entry_ids_of_fragment(path: Path) -> list[str]:
    return [item["id"] for item in soup_of(path).select(".publist-entry")]


def test_sphinx_search_finds_entries_of_later_pages(site: Path) -> None:
    index = (site / "searchindex.js").read_text(encoding="utf-8")
    # The oldest entry is on page 5.
    terms = json.loads(re.sub(r"^Search\.setIndex\(|\)$", "", index.strip()))["terms"]
    assert "xylophon" in terms
    visible = soup_of(site / "index.html").select_one(".publist-search-words")
    assert visible is None


@pytest.mark.parametrize("builder", ["singlehtml", "text", "latex"])
def test_other_builders_print_the_whole_list(tmp_path: Path, builder: str) -> None:
    app = build(write_site(tmp_path / "src"), builder)
    out = Path(app.outdir)
    written = [path for suffix in ("html", "txt", "tex") for path in out.glob(f"*.{suffix}")]
    text = "".join(path.read_text(encoding="utf-8") for path in written)
    for number in (0, SIZE // 2, SIZE - 1):
        assert f"Entry {number} about" in text
    assert "page-2" not in " ".join(path.name for path in out.iterdir())


def test_a_bad_per_page_warns_and_keeps_one_page(tmp_path: Path) -> None:
    source = write_site(tmp_path / "src")
    page = source / "index.rst"
    page.write_text(page.read_text().replace(":per-page: 10", ":per-page: none"))
    app = build(source)
    warnings = publist_warnings(app, "option")
    assert len(warnings) == 1
    assert ":per-page:" in warnings[0]
    assert "index.rst" in warnings[0]
    assert len(entry_ids(Path(app.outdir) / "index.html")) == SIZE


def test_a_short_list_is_not_split(tmp_path: Path) -> None:
    source = write_site(tmp_path / "src")
    page = source / "index.rst"
    page.write_text(page.read_text().replace(":per-page: 10", f":per-page: {SIZE}"))
    app = build(source)
    assert len(entry_ids(Path(app.outdir) / "index.html")) == SIZE
    assert not (Path(app.outdir) / "index-page-2.html").exists()


def test_dirhtml_gives_each_page_a_directory(tmp_path: Path) -> None:
    app = build(write_site(tmp_path / "src", "   :details: pages\n"), "dirhtml")
    out = Path(app.outdir)
    third = soup_of(out / "index-page-3" / "index.html")
    links = {a.get_text(): a["href"] for a in third.select(".publist-pager a")}
    assert links["Next"] == "../index-page-4/"
    assert links["1"] == "../"
    root = soup_of(out / "index.html").select_one(".publist")
    assert root is not None
    chunks = json.loads(str(root["data-publist-chunks"]))
    later = [key for chunk in chunks for key in entry_ids_of_fragment(out / chunk)]
    assert len(later) == SIZE - 10
    # The chunks are read into the document, at the root: their links are relative to it.
    hrefs = [a["href"] for chunk in chunks for a in soup_of(out / chunk).select("a[href]")]
    assert hrefs
    assert all(str(href).startswith("publications/") for href in hrefs)
