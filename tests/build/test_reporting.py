"""A bib file's problems are reported once per build, however many pages list it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..helpers import build, copy_root, html_of, warnings_of

PAGES = [f"page{number}" for number in range(1, 8)]


def _problem_lines(app: object) -> list[str]:
    return [line for line in warnings_of(app).splitlines() if "[publist." in line]


@pytest.mark.parametrize("parallel", [0, 2])
def test_each_problem_once_even_with_parallel_reads(tmp_path: Path, parallel: int) -> None:
    app = build(copy_root("shared-bib", tmp_path / f"shared-{parallel}"), parallel=parallel)
    lines = _problem_lines(app)
    assert len([line for line in lines if "duplicate-key" in line]) == 1
    assert len([line for line in lines if "missing-field" in line]) == 1
    assert any("broken.bib:14" in line for line in lines if "duplicate-key" in line)
    for page in PAGES:
        assert len(html_of(app, page).select(".publist-entry")) == 2


def test_problems_reported_again_when_a_page_is_reread(tmp_path: Path) -> None:
    srcdir = copy_root("shared-bib", tmp_path / "shared-again")
    build(srcdir)
    page = Path(srcdir) / "page3.rst"
    page.write_text(page.read_text() + "\nMore text.\n")
    app = build(srcdir)
    assert len([line for line in _problem_lines(app) if "duplicate-key" in line]) == 1
    untouched = build(srcdir)
    assert _problem_lines(untouched) == []
