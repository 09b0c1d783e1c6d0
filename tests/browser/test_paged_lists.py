"""A paged list in Chromium: the first page loads the rest; the pager works without the script."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import PAGED_SIZE, write_paged_site

pytestmark = pytest.mark.browser

SHOWN = """root => Array.from(root.querySelectorAll('.publist-entry'))
    .filter(entry => entry.checkVisibility()).map(entry => entry.id)"""


@pytest.fixture(scope="module")
def paged(tmp_path_factory: pytest.TempPathFactory, sites: Any) -> str:
    source = write_paged_site(tmp_path_factory.mktemp("paged"), "   :facets: year, type\n")
    return str(sites("alabaster", source))


def opened(page: Any, url: str) -> Any:
    page.goto(url)
    page.wait_for_selector(".publist[data-publist-loaded]")
    return page


def shown(page: Any) -> list[str]:
    return list(page.locator(".publist").first.evaluate(SHOWN))


def test_search_sort_and_facets_cover_every_page(page: Any, paged: str) -> None:
    opened(page, paged + "index.html")
    assert len(shown(page)) == 10
    assert page.locator(".publist-count").inner_text() == f"{PAGED_SIZE} publications"
    # The oldest entry sits on the last page.
    page.fill("input[type=search]", "xylophonic")
    assert shown(page) == ["long0044"]
    page.fill("input[type=search]", "")
    page.select_option("select", "year")
    assert shown(page)[0] == "long0044"
    chips = page.locator(".publist-facet-year .publist-chip")
    counts = [int(text.rsplit("(", 1)[1].rstrip(")")) for text in chips.all_inner_texts()]
    assert sum(counts) == PAGED_SIZE
    page.get_by_role("button", name="1980 (1)").click()
    assert shown(page) == ["long0044"]
    assert "publist-1.year=1980" in page.url


def test_show_more_replaces_the_pager(page: Any, paged: str) -> None:
    opened(page, paged + "index.html")
    assert page.locator(".publist-pager").is_hidden()
    more = page.get_by_role("button", name="Show 10 more")
    more.click()
    assert len(shown(page)) == 20
    for _ in range(2):
        more.click()
    page.get_by_role("button", name="Show 5 more").click()
    assert len(shown(page)) == PAGED_SIZE
    assert page.locator(".publist-more").is_hidden()
    # A new search starts from one page again.
    page.fill("input[type=search]", "sampling")
    assert 0 < len(shown(page)) <= 10


def test_links_to_later_pages_stay_on_the_page(page: Any, paged: str) -> None:
    opened(page, paged + "index.html#long0044")
    entry = page.locator("#long0044")
    assert entry.is_visible()
    assert entry.evaluate("node => node.getBoundingClientRect().top < innerHeight")
    opened(page, paged + "index.html")
    page.locator(".publist-jump").get_by_role("link", name="1980").click()
    assert page.url.endswith("index.html#year-1980")
    assert page.locator("#year-1980").is_visible()


def test_without_javascript_the_pager_leads_to_every_page(browser: Any, paged: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(paged + "index.html")
        seen: list[str] = []
        for number in range(2, 7):
            seen += shown(page)
            if number == 6:
                break
            page.locator(".publist-pager").get_by_role("link", name="Next").click()
            assert page.url.endswith(f"index-page-{number}.html")
        assert sorted(seen) == sorted({*seen}) and len(seen) == PAGED_SIZE
        page.goto(paged + "index.html")
        page.locator(".publist-jump").get_by_role("link", name="1980").click()
        assert page.url.endswith("index-page-5.html#year-1980")
        assert page.locator("#long0044").is_visible()
    finally:
        context.close()


def test_a_list_whose_chunks_fail_to_load_keeps_its_pager(page: Any, paged: str) -> None:
    page.route("**/_publist/*-entries-*.html", lambda route: route.abort())
    opened(page, paged + "index.html")
    assert page.locator(".publist-pager").is_visible()
    page.fill("input[type=search]", "sampling")
    assert shown(page)
    assert page.locator(".publist-count").inner_text().endswith("publications")


def test_printing_shows_every_entry(page: Any, paged: str) -> None:
    opened(page, paged + "index.html")
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert len(shown(page)) == PAGED_SIZE
