"""Several pages sharing bib files: incremental, parallel and reproducible builds."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

from ..helpers import REPO, build, copy_root, html_of, location_of, publist_warnings

LAB_PAGES = ["group", "people/alice", "people/bob", "people/carol", "people/dan"]
ALL_PAGES = sorted(["index", "about", *LAB_PAGES])
NEW_ENTRY = """
@article{erin2023,
  title = {Erin Edits the Bib File},
  author = {Eyre, Erin},
  year = {2023},
}
"""


def build_reading(
    srcdir: Path, builder: str = "html", **kwargs: Any
) -> tuple[SphinxTestApp, list[str]]:
    """Build and return the documents Sphinx read (not just wrote)."""
    read: list[str] = []

    def note_read(_app: object, _env: object, docnames: list[str]) -> None:
        read.extend(docnames)

    app = build(srcdir, builder, events={"env-before-read-docs": note_read}, **kwargs)
    return app, sorted(read)


def touch_later(path: Path) -> None:
    """Make ``path`` look newer than anything built so far."""
    later = time.time_ns() + 10**9
    os.utime(path, ns=(later, later))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_root("multidoc", tmp_path / "src")


def test_first_build_reads_everything_and_warns_once(project: Path) -> None:
    app, read = build_reading(project)
    assert read == ALL_PAGES
    assert len(publist_warnings(app)) == 1
    assert "lab.bib:22" in publist_warnings(app, "missing-field")[0]


def test_no_change_rebuild_reads_nothing(project: Path) -> None:
    build_reading(project)
    app, read = build_reading(project)
    assert read == []
    assert publist_warnings(app) == []
    assert "no targets are out of date" in app._status.getvalue()


def test_editing_a_bib_rereads_exactly_the_pages_using_it(project: Path) -> None:
    build_reading(project)
    bib = project / "lab.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + NEW_ENTRY, encoding="utf-8")
    touch_later(bib)
    app, read = build_reading(project)
    assert read == LAB_PAGES
    assert html_of(app, "people/alice").select_one("#erin2023")
    assert html_of(app, "group").select_one("#erin2023")
    # The file's problems are reported again, once, since its pages were re-read.
    assert len(publist_warnings(app, "missing-field")) == 1


def test_editing_the_other_bib_rereads_only_its_page(project: Path) -> None:
    build_reading(project)
    touch_later(project / "talks.bib")
    _, read = build_reading(project)
    assert read == ["people/alice"]


def test_removing_a_bib_warns_at_the_directive(project: Path) -> None:
    build_reading(project)
    (project / "talks.bib").unlink()
    app, read = build_reading(project)
    assert read == ["people/alice"]
    (warning,) = publist_warnings(app, "bibfile")
    assert "alice.rst:10" in warning
    assert not html_of(app, "people/alice").select("#talk2022")
    assert html_of(app, "people/alice").select("#alice2021")


def test_a_moved_directive_leaves_nothing_behind(project: Path) -> None:
    build_reading(project)
    directive = (project / "group.rst").read_text(encoding="utf-8").split("\n\n", 1)[1]
    (project / "group.rst").write_text("Group\n=====\n\nNothing here now.\n", encoding="utf-8")
    about = project / "about.rst"
    about.write_text(about.read_text(encoding="utf-8") + "\n" + directive, encoding="utf-8")
    app, read = build_reading(project)
    assert read == ["about", "group"]
    assert not html_of(app, "group").select(".publist")
    assert len(html_of(app, "about").select(".publist-entry")) == 4
    assert "lab.bib" not in str(app.env.dependencies.get("group", set()))
    touch_later(project / "lab.bib")
    _, read = build_reading(project)
    assert read == ["about", "people/alice", "people/bob", "people/carol", "people/dan"]


def html_files(outdir: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob("*.html"))
        if "_static" not in path.parts
    }


def with_bad_options(srcdir: Path) -> Path:
    """Give two pages, read by different processes under ``-j 2``, a bad option each."""
    for page in ("people/bob.rst", "people/dan.rst"):
        path = srcdir / page
        path.write_text(path.read_text(encoding="utf-8") + "   :limit: many\n", encoding="utf-8")
    return srcdir


def test_parallel_build_is_byte_identical_and_warns_once(tmp_path: Path) -> None:
    serial, _ = build_reading(with_bad_options(copy_root("multidoc", tmp_path / "serial")))
    parallel, read = build_reading(
        with_bad_options(copy_root("multidoc", tmp_path / "parallel")), parallel=2
    )
    assert read == ALL_PAGES
    assert html_files(Path(parallel.outdir)) == html_files(Path(serial.outdir))
    assert len(html_files(Path(serial.outdir))) >= len(ALL_PAGES)
    warnings = sorted(publist_warnings(parallel))
    assert sorted(w.replace("/serial/", "/parallel/") for w in publist_warnings(serial)) == warnings
    assert [location_of(w).rsplit("/", 2)[-2:] for w in warnings] == [
        ["parallel", "lab.bib:22"],
        ["people", "bob.rst:4"],
        ["people", "dan.rst:4"],
    ]


def test_parallel_incremental_rebuild_after_an_edit(project: Path) -> None:
    build_reading(project, parallel=2)
    bib = project / "lab.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + NEW_ENTRY, encoding="utf-8")
    touch_later(bib)
    app, read = build_reading(project, parallel=2)
    assert read == LAB_PAGES
    for page in LAB_PAGES:
        assert html_of(app, page).select_one("#erin2023"), page
    assert len(publist_warnings(app, "missing-field")) == 1


def clean_build_in_subprocess(srcdir: Path, outdir: Path, hashseed: str) -> dict[str, bytes]:
    # A subprocess, not the build helper: the hash seed is fixed when an interpreter
    # starts, and only a fresh one shows that set and dict order never reach the output.
    environment = {
        **os.environ,
        "PYTHONHASHSEED": hashseed,
        "PYTHONPATH": str(REPO),
        "SOURCE_DATE_EPOCH": "1767225600",
    }
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(srcdir), str(outdir)],
        env=environment,
        check=True,
        capture_output=True,
    )
    return html_files(outdir)


def test_clean_builds_are_reproducible_across_hash_seeds(project: Path, tmp_path: Path) -> None:
    first = clean_build_in_subprocess(project, tmp_path / "one", "1")
    second = clean_build_in_subprocess(project, tmp_path / "two", "2")
    assert first
    assert first == second


def test_latex_after_html_reuses_the_doctrees(project: Path) -> None:
    build_reading(project)
    app, read = build_reading(project, "latex")
    assert read == []
    assert publist_warnings(app) == []
    tex = (Path(app.outdir) / "multidoc.tex").read_text(encoding="utf-8")
    # Every page's list made it into the one LaTeX document.
    assert tex.count("Alice Measures Things") == 5
    assert "A Talk About Things" in tex
