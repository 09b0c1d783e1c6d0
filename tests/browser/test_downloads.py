"""The download control: three links a keyboard reaches, each fetching the list's file."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ..helpers import ROOTS

pytestmark = pytest.mark.browser

# The features project holds hostile links on purpose.
SUPPRESS = ("publist.link",)


def test_download_links_are_reached_by_keyboard_and_fetch_the_files(page: Any, sites: Any) -> None:
    base = sites("alabaster", ROOTS / "test-features", suppress=SUPPRESS)
    page.goto(base + "index.html")
    control = page.locator(".publist-download").nth(1)
    assert control.inner_text().split() == ["Download:", "BibTeX", "·", "RIS", "·", "CSL-JSON"]
    links = control.locator("a")
    links.first.focus()
    focused = []
    for _ in range(3):
        focused.append(page.evaluate("document.activeElement.textContent"))
        page.keyboard.press("Tab")
    assert focused == ["BibTeX", "RIS", "CSL-JSON"]
    csl = page.request.get(base + links.nth(2).get_attribute("href"))
    assert csl.ok
    assert [item["id"] for item in json.loads(csl.text())] == [
        "creager2019flexibly",
        "grathwohl2020jem",
    ]
    ris = page.request.get(base + links.nth(1).get_attribute("href")).text()
    assert ris.startswith("TY  - ")
    assert "ID  - creager2019flexibly" in ris
    head = page.locator('head link[rel="alternate"]')
    assert head.count() == 3
    for index in range(3):
        assert page.request.get(base + head.nth(index).get_attribute("href")).ok
