"""One list's bad script data leaves it as built; every other list and copy button still work."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from .conftest import SITE

pytestmark = pytest.mark.browser

VISIBLE_IDS = """root => Array.from(root.querySelectorAll('.publist-entry'))
    .filter(entry => entry.checkVisibility()).map(entry => entry.id)"""
# The first list's data attribute (data-publist-<name>) replaced by a value, or removed.
BAD_DATA = {
    "sorts-not-json": ("sorts", '[{"id": "title"'),
    "sorts-as-positional-arrays": ("sorts", '[["title", "Title", 0]]'),
    "sorts-unknown-group-mode": ("sorts", '[{"id": "title", "label": "Title", "groups": 1}]'),
    "sorts-empty": ("sorts", "[]"),
    "sorts-missing": ("sorts", None),
    "tabs-as-positional-arrays": ("tabs", '[["all", "All"], ["google", "Google"]]'),
    "tabs-label-missing": ("tabs", '[{"id": "all"}]'),
    "fold-not-an-object": ("fold", '["ß", "ss"]'),
    "fold-to-a-number": ("fold", '{"ß": 1}'),
    "fold-of-ascii": ("fold", '{"a": "b"}'),
    "fold-missing": ("fold", None),
}


@pytest.fixture(scope="module")
def site(sites: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    source: Path = tmp_path_factory.mktemp("bad-data")
    shutil.copy(SITE / "refs.bib", source)
    (source / "conf.py").write_text('extensions = ["sphinxcontrib_publist"]\n', encoding="utf-8")
    (source / "index.rst").write_text(
        "Two lists\n=========\n\n"
        ".. publications:: refs.bib\n   :filter: year >= 2020\n   :bibtex: true\n"
        "   :controls: tabs, sort, search\n   :tabs:\n      All: all\n"
        '      Google: keywords contains "google"\n\n'
        ".. publications:: refs.bib\n   :filter: year < 2020\n   :bibtex: true\n"
        "   :controls: sort, search\n",
        encoding="utf-8",
    )
    return sites("alabaster", source) + "index.html"


def spoil(html: str, name: str, value: str | None) -> str:
    page = BeautifulSoup(html, "html.parser")
    first = page.select(".publist")[0]
    assert f"data-publist-{name}" in first.attrs
    if value is None:
        del first[f"data-publist-{name}"]
    else:
        first[f"data-publist-{name}"] = value
    return str(page)


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield context
    context.close()


def open_spoiled(context: Any, site: str, name: str, value: str | None) -> tuple[Any, list[str]]:
    """The page with the first list's data spoiled, and the console's warnings."""
    page = context.new_page()
    errors: list[str] = []
    warnings: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "warning" and warnings.append(message.text))

    def fulfil(route: Any) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=spoil(response.text(), name, value))

    page.route(site, fulfil)
    page.goto(site)
    assert errors == []
    return page, warnings


@pytest.mark.parametrize(("name", "value"), BAD_DATA.values(), ids=BAD_DATA.keys())
def test_the_spoiled_list_stays_as_built_and_the_rest_works(
    context: Any, site: str, name: str, value: str | None
) -> None:
    page, warnings = open_spoiled(context, site, name, value)
    spoiled, other = page.locator(".publist").all()
    assert spoiled.locator(".publist-controls, [role=tab], input, select").count() == 0
    entries = spoiled.locator(".publist-entry").count()
    assert entries == 6
    assert len(spoiled.evaluate(VISIBLE_IDS)) == entries
    assert len(warnings) == 1
    assert "publist-1" in warnings[0]
    assert f"data-publist-{name}" in warnings[0] or "JSON" in warnings[0]

    other.get_by_label("Search publications").fill("flows")
    assert other.evaluate(VISIBLE_IDS) == ["liu2019gnf"]
    other.get_by_label("Sort by").select_option("title")
    assert "publist-2.sort=title" in page.evaluate("decodeURIComponent(location.search)")

    # Copy buttons are added in both lists, and copy.
    blocks = page.locator("details.publist-bibtex")
    assert page.locator("button.publist-copy").count() == blocks.count() == 10
    first = spoiled.locator("details.publist-bibtex").first
    first.locator("summary").click()
    first.locator("button.publist-copy").click()
    announced = first.get_attribute("data-publist-copied")
    # The copy is asynchronous: wait for its announcement rather than race it.
    page.wait_for_function(
        "([node, text]) => node.textContent === text",
        arg=[first.locator(".publist-copy-status").element_handle(), announced],
    )
    assert page.evaluate("navigator.clipboard.readText()").startswith("@")


def test_unspoiled_data_gives_both_lists_their_controls(context: Any, site: str) -> None:
    page = context.new_page()
    warnings: list[str] = []
    page.on("console", lambda message: message.type == "warning" and warnings.append(message.text))
    page.goto(site)
    assert page.locator(".publist-controls").count() == 2
    assert page.get_by_role("tab").count() == 2
    assert warnings == []
