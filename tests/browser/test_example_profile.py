"""The example site's profile page in Chromium: the seed page's tabs, sort menu and search."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from .test_accessibility import violations

pytestmark = pytest.mark.browser

EXAMPLE = Path(__file__).resolve().parents[2] / "example_project"


@pytest.fixture
def profile(page: Any, sites: Any) -> Any:
    page.goto(sites("furo", EXAMPLE) + "publications.html")
    return page


def test_profile_page_has_the_seed_tabs_sort_orders_and_search(profile: Any) -> None:
    assert profile.get_by_role("tab").all_inner_texts() == [
        "Authored Publications (18)",
        "Google Publications (5)",
        "Other Publications (13)",
    ]
    options = profile.get_by_label("Sort by").locator("option").all_inner_texts()
    assert options[:4] == ["Title", "Title, descending", "Year", "Year, descending"]
    profile.get_by_label("Search publications").fill("prefetching")
    # Voyager by its title, two more by their abstracts.
    assert profile.locator(".publist-entry:visible").count() == 3
    assert profile.locator(".publist-count").inner_text() == "3 publications"
    assert profile.get_by_text("A Hierarchical Neural Model of Data Prefetching").is_visible()
    profile.get_by_label("Search publications").fill("no such paper anywhere")
    assert profile.locator(".publist-no-results").inner_text() == "No Results Found"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_profile_page_has_no_axe_violations(browser: Any, sites: Any, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(sites("furo", EXAMPLE) + "publications.html")
        page.get_by_role("tab", name=re.compile("Google")).click()
        assert violations(page) == []
    finally:
        context.close()
