"""In Chromium: a paper's merged versions count once in the tabs, and the marks' legend stays put."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ..build.test_merge import CORR, PREPRINT, PUBLISHED
from ..helpers import GENERATED_CONF

pytestmark = pytest.mark.browser

MARKED = r"""
@article{marked2018,
  author = {Turing, Alan and Hopper, Grace},
  author+an = {1=equal; 2=equal},
  title = {Marked Names},
  journal = {Journal of Machines},
  year = {2018},
}
"""
PAGE = """Papers
======

.. publications:: published.bib preprint.bib corr.bib marked.bib
   :controls: tabs, search
   :tabs:
      All: all
      Conferences: type == "inproceedings"
"""


@pytest.fixture(scope="module")
def site(sites: Callable[..., str], tmp_path_factory: pytest.TempPathFactory) -> str:
    source = tmp_path_factory.mktemp("versions") / "versions"
    source.mkdir()
    (source / "conf.py").write_text(GENERATED_CONF + 'project = "versions"\n', encoding="utf-8")
    for name, text in (
        ("published", PUBLISHED),
        ("preprint", PREPRINT),
        ("corr", CORR),
        ("marked", MARKED),
    ):
        (source / f"{name}.bib").write_text(text, encoding="utf-8")
    (source / "index.rst").write_text(PAGE, encoding="utf-8")
    return sites("alabaster", Path(source)) + "index.html"


def test_tabs_count_the_merged_paper_once_and_the_legend_stays_below(page: Any, site: str) -> None:
    page.goto(site)
    assert page.get_by_role("tab").all_inner_texts() == ["All (3)", "Conferences (1)"]
    assert page.locator(".publist-count").inner_text() == "3 publications"
    legend = page.locator(".publist-legend")
    assert legend.inner_text() == "* Equal contribution"
    page.get_by_role("tab", name=re.compile("Conferences")).click()
    titles = page.locator(".publist-entry:visible .publist-title").all_inner_texts()
    assert titles == ["Compiling the Analytical Engine"]
    assert legend.is_visible()
    entries = page.locator(".publist-entry:visible").last.bounding_box()
    assert legend.bounding_box()["y"] > entries["y"]
