"""A bib file's problems are reported once per build, however many pages list it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import html_of, warnings_of

PAGES = [f"page{number}" for number in range(1, 8)]


def _problem_lines(app) -> list[str]:
    return [line for line in warnings_of(app).splitlines() if "[publist." in line]


@pytest.mark.parametrize("parallel", [0, 2])
def test_each_problem_once_even_with_parallel_reads(make_app, rootdir, tmp_path, parallel) -> None:
    srcdir = tmp_path / f"shared-{parallel}"
    shutil.copytree(rootdir / "test-shared-bib", srcdir)
    app = make_app("html", srcdir=srcdir, parallel=parallel)
    app.build()
    lines = _problem_lines(app)
    assert len([line for line in lines if "duplicate-key" in line]) == 1
    assert len([line for line in lines if "missing-field" in line]) == 1
    assert any("broken.bib:14" in line for line in lines if "duplicate-key" in line)
    for page in PAGES:
        assert len(html_of(app, page).select(".publist-entry")) == 2


def test_problems_reported_again_when_a_page_is_reread(make_app, rootdir, tmp_path) -> None:
    srcdir = tmp_path / "shared-again"
    shutil.copytree(rootdir / "test-shared-bib", srcdir)
    make_app("html", srcdir=srcdir).build()
    page = Path(srcdir) / "page3.rst"
    page.write_text(page.read_text() + "\nMore text.\n")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert len([line for line in _problem_lines(app) if "duplicate-key" in line]) == 1
    untouched = make_app("html", srcdir=srcdir)
    untouched.build()
    assert _problem_lines(untouched) == []
