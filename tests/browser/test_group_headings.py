"""Group headings on page load: the order a page starts in keeps the headings it was built with."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ..helpers import GENERATED_CONF

pytestmark = pytest.mark.browser

# One entry: its order is every order, the title order first among them.
ONE = "@article{only,\n  title = {Only},\n  author = {Ada Lovelace},\n  year = {2020},\n}\n"
# Sorted by title, grouped by year 2020, 2018, 2019: no order but the title's gives it.
THREE = "".join(
    f"@article{{{key},\n  title = {{{title}}},\n  author = {{Ada Lovelace}},\n  year = {{{year}}},\n}}\n"
    for key, title, year in (("k1", "Alpha", 2020), ("k2", "Beta", 2018), ("k3", "Gamma", 2019))
)
PAGE = """\
Papers
======

.. publications:: one.bib
   :group-by: year
   :controls: sort

.. publications:: three.bib
   :group-by: year
   :sort: title
   :controls: sort, search
"""
HEADINGS = """root => Array.from(root.querySelectorAll('.publist-group-heading'))
    .filter(heading => heading.checkVisibility()).map(heading => heading.textContent)"""


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("headings") / "headings-site"
    src.mkdir()
    (src / "conf.py").write_text(GENERATED_CONF, encoding="utf-8")
    (src / "one.bib").write_text(ONE, encoding="utf-8")
    (src / "three.bib").write_text(THREE, encoding="utf-8")
    (src / "index.rst").write_text(PAGE, encoding="utf-8")
    return src


def headings(page: Any, index: int) -> list[str]:
    return page.locator(".publist").nth(index).evaluate(HEADINGS)


def test_year_headings_survive_the_initial_order(page: Any, sites: Any, source: Path) -> None:
    page.goto(sites("alabaster", source) + "index.html")
    page.wait_for_selector(".publist-controls")
    assert page.locator("select").nth(0).input_value() == "title"
    assert headings(page, 0) == ["2020"]
    assert headings(page, 1) == ["2020", "2018", "2019"]


def test_other_orders_still_flatten_and_the_initial_one_restores(
    page: Any, sites: Any, source: Path
) -> None:
    page.goto(sites("alabaster", source) + "index.html")
    select = page.locator(".publist").nth(1).locator("select")
    select.select_option("-title")
    assert headings(page, 1) == []
    select.select_option("year")
    assert headings(page, 1) == ["2018", "2019", "2020"]
    select.select_option("title")
    assert headings(page, 1) == ["2020", "2018", "2019"]
    page.goto(sites("alabaster", source) + "index.html?publist-2.sort=title")
    assert headings(page, 1) == ["2020", "2018", "2019"]
