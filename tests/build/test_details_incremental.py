"""Details pages in incremental builds: only the pages whose entry changed are written again."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_publist.nodes.details import page_name

from ..helpers import build, copy_root, soup_of, warnings_of
from .test_details_pages import KEYS

PAGES = {page_name("publications", key): key for key in KEYS}


def build_noting_pages(srcdir: Path, **kwargs: Any) -> tuple[SphinxTestApp, set[str]]:
    """Build; return the app and the names of the pages Sphinx wrote this time."""
    written: set[str] = set()

    def note(app: object, pagename: str, *args: object) -> None:
        written.add(pagename)

    app = build(srcdir, events={"html-page-context": note}, **kwargs)
    assert warnings_of(app) == ""
    return app, written


def details_written(written: set[str]) -> set[str]:
    """The keys whose details pages were written."""
    return {PAGES[page] for page in written if page in PAGES}


def edit_bib(srcdir: Path, old: str, new: str) -> None:
    bib = srcdir / "refs.bib"
    text = bib.read_text(encoding="utf-8")
    assert old in text
    bib.write_text(text.replace(old, new), encoding="utf-8")


def test_a_rebuild_without_changes_writes_no_details_page(tmp_path: Path) -> None:
    srcdir = copy_root("details", tmp_path / "src")
    app, first = build_noting_pages(srcdir)
    assert details_written(first) == set(KEYS)
    pages = sorted((Path(app.outdir) / "publications").glob("*.html"))
    mtimes = {path: path.stat().st_mtime_ns for path in pages}
    _, second = build_noting_pages(srcdir)
    assert details_written(second) == set()
    assert {path: path.stat().st_mtime_ns for path in pages} == mtimes


def test_editing_one_entry_rewrites_its_page_and_its_list_only(tmp_path: Path) -> None:
    srcdir = copy_root("details", tmp_path / "src")
    build_noting_pages(srcdir)
    edit_bib(srcdir, "Flexibly Fair", "Flexibly Fairer")
    app, written = build_noting_pages(srcdir)
    assert details_written(written) == {"creager2019flexibly"}
    assert "index" in written
    page = soup_of(
        Path(app.builder.get_outfilename(page_name("publications", "creager2019flexibly")))
    )
    assert "Flexibly Fairer" in page.h1.get_text()


def test_a_new_entry_first_in_the_list_leaves_the_other_pages_alone(tmp_path: Path) -> None:
    srcdir = copy_root("details", tmp_path / "src")
    build_noting_pages(srcdir)
    bib = srcdir / "refs.bib"
    newest = (
        "@article{9.8:1,\n  title = {Newest},\n  author = {Ada Lovelace},\n  year = {2030},\n}\n"
    )
    bib.write_text(newest + bib.read_text(encoding="utf-8"), encoding="utf-8")
    app, written = build_noting_pages(srcdir)
    assert {page for page in written if page.startswith("publications/")} == {
        page_name("publications", "9.8:1")
    }
    index = soup_of(Path(app.outdir) / "index.html")
    assert index.select(".publist-entry")[0]["id"] == "9.8:1"


def test_a_deleted_page_is_written_again(tmp_path: Path) -> None:
    srcdir = copy_root("details", tmp_path / "src")
    app, _ = build_noting_pages(srcdir)
    os.remove(app.builder.get_outfilename(page_name("publications", "hostile2020")))
    _, written = build_noting_pages(srcdir)
    assert details_written(written) == {"hostile2020"}


def test_a_changed_list_title_or_setting_rewrites_every_page(tmp_path: Path) -> None:
    srcdir = copy_root("details", tmp_path / "src")
    build_noting_pages(srcdir)
    index = srcdir / "index.rst"
    index.write_text(
        index.read_text(encoding="utf-8").replace("Publications\n====", "Papers\n======")
    )
    app, written = build_noting_pages(srcdir)
    assert details_written(written) == set(KEYS)
    page = soup_of(Path(app.builder.get_outfilename(page_name("publications", "hostile2020"))))
    assert "Papers" in page.get_text()
    _, written = build_noting_pages(srcdir, confoverrides={"html_title": "Another title"})
    assert details_written(written) == set(KEYS)


def test_parallel_rebuilds_write_nothing_either(tmp_path: Path) -> None:
    srcdir = copy_root("details", tmp_path / "src")
    build_noting_pages(srcdir, parallel=2)
    _, written = build_noting_pages(srcdir, parallel=2)
    assert details_written(written) == set()
    edit_bib(srcdir, "Flexibly Fair", "Flexibly Fairer")
    _, written = build_noting_pages(srcdir, parallel=2)
    assert details_written(written) == {"creager2019flexibly"}
