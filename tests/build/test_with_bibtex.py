"""Beside sphinxcontrib-bibtex: both extensions, one .bib, every role and directive, no warning."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ..helpers import ROOTS, build, html_of, warnings_of

CONF = """\
extensions = ["sphinxcontrib.bibtex", "sphinxcontrib_publist"]
bibtex_bibfiles = ["refs.bib"]
publist_bibfiles = ["refs.bib"]
"""
INDEX = """\
Lab
===

.. toctree::

   other

As :cite:t:`swersky2020` showed (:cite:p:`zemel2013`), and :pub:`swersky2020` lists.

.. bibliography::

.. publications::
"""
OTHER = """\
Other
=====

See :cite:p:`nameless`, :pub:`zemel2013` and :footcite:t:`zemel2013`.

.. footbibliography::
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    shutil.copy(ROOTS / "test-pub-role" / "refs.bib", srcdir / "refs.bib")
    for name, text in (("conf.py", CONF), ("index.rst", INDEX), ("other.rst", OTHER)):
        (srcdir / name).write_text(text, encoding="utf-8")
    return srcdir


@pytest.mark.parametrize("builder", ["html", "latex", "text"])
def test_both_extensions_build_without_a_warning(project: Path, builder: str) -> None:
    app = build(project, builder)
    assert warnings_of(app) == ""


def test_both_extensions_render_and_link_on_one_page(project: Path) -> None:
    page = html_of(build(project))
    # sphinxcontrib-bibtex: two citations linked to its bibliography's entries.
    # (By their targets: the citations' own markup differs between its versions.)
    bibliography = {entry["id"] for entry in page.select("div.citation")}
    assert len(bibliography) == 3
    cited = [link for link in page.select('a[href^="#"]') if link["href"][1:] in bibliography]
    assert len(cited) >= 2
    # This extension: its list, and the pub reference linked to the list's entry.
    entries = page.select(".publist .publist-entry")
    assert sorted(entry["id"] for entry in entries) == ["nameless", "swersky2020", "zemel2013"]
    link = page.select_one("span.publist-pub").parent
    assert link.name == "a"
    assert link["href"] == "#swersky2020"
    ids = [tag["id"] for tag in page.select("[id]")]
    assert len(ids) == len(set(ids))


def test_pub_and_footcite_on_another_page(project: Path) -> None:
    page = html_of(build(project), "other")
    link = page.select_one("span.publist-pub").parent
    assert link["href"] == "index.html#zemel2013"
    assert page.select_one("aside.footnote, .footnote") is not None
