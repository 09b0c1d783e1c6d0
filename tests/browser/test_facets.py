"""Facet chips, the year chart as a control and the jump bar in Chromium: mouse, keyboard, URL, axe."""

from __future__ import annotations

import re
from typing import Any

import pytest

from sphinxcontrib_publist.bib import load as pipeline
from sphinxcontrib_publist.select.groups import type_value

from ..helpers import ROOTS
from .conftest import THEMES
from .test_accessibility import SCHEMES, open_in_scheme, violations

pytestmark = pytest.mark.browser

SITE = ROOTS / "test-facets"
PUBLICATIONS = pipeline.load([str(SITE / "refs.bib")], pipeline.build_date()).publications

VISIBLE_IDS = """root => Array.from(root.querySelectorAll('.publist-entry'))
    .filter(entry => entry.checkVisibility()).map(entry => entry.id)"""


def keys(keep: Any) -> list[str]:
    """The keys of the test site's entries passing ``keep``, sorted."""
    return sorted(pub.key for pub in PUBLICATIONS if keep(pub))


def has_author(pub: Any, last: str) -> bool:
    return any(person.last == last for person in pub.authors)


def is_google(pub: Any) -> bool:
    return "google" in pub.keywords


def visible(page: Any) -> list[str]:
    return sorted(page.locator(".publist").first.evaluate(VISIBLE_IDS))


def status(page: Any) -> str:
    return page.locator(".publist-count").first.inner_text()


def params(page: Any) -> str:
    return page.evaluate("decodeURIComponent(location.search.replaceAll('+', ' '))")


def chip(page: Any, name: str) -> Any:
    return page.get_by_role("button", name=re.compile(rf"^{re.escape(name)} \(\d+\)$"))


def bar(page: Any, year: int) -> Any:
    return page.locator(f".publist-chart-bar[data-year='{year}']")


def wait_for(page: Any, expected: list[str]) -> list[str]:
    """The visible entries once a history step has been handled (popstate comes after it)."""
    for _ in range(100):
        if (shown := visible(page)) == expected:
            break
        page.wait_for_timeout(20)
    return shown


@pytest.fixture
def facets(page: Any, sites: Any) -> Any:
    page.goto(sites("alabaster", SITE) + "index.html")
    return page


def test_chips_show_counts_and_filter_or_within_and_across(facets: Any) -> None:
    articles = chip(facets, "Journal articles")
    assert articles.inner_text() == "Journal articles (3)"
    assert articles.get_attribute("aria-pressed") == "false"
    articles.click()
    assert articles.get_attribute("aria-pressed") == "true"
    assert visible(facets) == keys(lambda pub: pub.entry_type == "article")
    assert status(facets) == "3 publications"
    # Within a facet: either type.
    chip(facets, "Books").click()
    assert visible(facets) == keys(lambda pub: pub.entry_type in ("article", "book"))
    # Across facets: and one of those co-authors.
    chip(facets, "Mary Somerville").click()
    expected = keys(
        lambda pub: pub.entry_type in ("article", "book") and has_author(pub, "Somerville")
    )
    assert visible(facets) == expected == ["lovelace2021notes"]
    assert status(facets) == "1 publication"
    assert params(facets) == (
        "?publist-1.type=article&publist-1.type=book&publist-1.coauthor=Mary Somerville"
    )


def test_a_chip_counts_what_picking_it_would_show(facets: Any) -> None:
    chip(facets, "Journal articles").click()
    # Other types would widen the list by their own entries; co-authors count within articles.
    assert chip(facets, "Conference papers").inner_text() == "Conference papers (3)"
    assert chip(facets, "Charles Babbage").inner_text() == "Charles Babbage (1)"
    assert chip(facets, "Augustus De Morgan").inner_text() == "Augustus De Morgan (1)"
    assert chip(facets, "history").inner_text() == "history (2)"


def test_counts_follow_the_tab_and_the_query(facets: Any) -> None:
    facets.get_by_role("tab", name=re.compile("Google")).click()
    google_types = {type_value(pub) for pub in PUBLICATIONS if is_google(pub)}
    assert google_types == {"book", "inproceedings"}
    assert chip(facets, "Books").inner_text() == "Books (1)"
    assert chip(facets, "Conference papers").inner_text() == "Conference papers (1)"
    # No article in the tab: its chip would show nothing and is hidden.
    assert chip(facets, "Journal articles").count() == 0
    facets.get_by_role("tab", name=re.compile("All")).click()
    facets.get_by_label("Search publications").fill("analytical")
    assert chip(facets, "Journal articles").inner_text() == "Journal articles (1)"
    assert chip(facets, "Books").inner_text() == "Books (1)"
    assert chip(facets, "Conference papers").count() == 0
    # Tab counts follow the chips too.
    chip(facets, "Books").click()
    assert facets.get_by_role("tab").all_inner_texts() == ["All (1)", "Google (1)"]
    assert visible(facets) == ["lovelace2019sketch"]


def test_chips_work_by_keyboard_and_are_announced(facets: Any) -> None:
    books = chip(facets, "Books")
    books.focus()
    facets.keyboard.press("Enter")
    assert books.get_attribute("aria-pressed") == "true"
    live = facets.locator(".publist-count")
    assert live.get_attribute("role") == "status"
    assert live.inner_text() == "1 publication"
    # Back to the chip before, Conference papers, of the same facet: either type.
    facets.keyboard.press("Shift+Tab")
    facets.keyboard.press("Space")
    focused = facets.evaluate("document.activeElement.textContent")
    assert focused == "Conference papers (3)"
    assert chip(facets, "Conference papers").get_attribute("aria-pressed") == "true"
    count = len(keys(lambda pub: pub.entry_type in ("book", "inproceedings")))
    assert live.inner_text() == f"{count} publications"
    # Clear filters hides itself and hands focus to a chip.
    clear = facets.get_by_role("button", name="Clear filters")
    clear.focus()
    facets.keyboard.press("Enter")
    assert clear.is_hidden()
    assert facets.evaluate("document.activeElement.classList.contains('publist-chip')")
    assert live.inner_text() == "7 publications"


def test_state_round_trips_through_the_url(page: Any, sites: Any) -> None:
    base = sites("alabaster", SITE) + "index.html"
    page.goto(base + "?publist-1.keyword=history&publist-1.coauthor=Charles+Babbage&publist-1.x=1")
    assert visible(page) == ["lovelace2021engines"]
    assert chip(page, "history").get_attribute("aria-pressed") == "true"
    chip(page, "history").click()
    assert visible(page) == keys(lambda pub: has_author(pub, "Babbage"))
    assert "keyword" not in params(page)
    page.go_back()
    assert wait_for(page, ["lovelace2021engines"]) == ["lovelace2021engines"]
    assert chip(page, "history").get_attribute("aria-pressed") == "true"
    # An unknown value is ignored, not an error.
    page.goto(base + "?publist-1.type=patent")
    assert len(visible(page)) == len(PUBLICATIONS)


def test_a_chart_bar_picks_its_year_as_a_removable_chip(facets: Any) -> None:
    # year is not among the list's facets: no year chips until a bar is clicked.
    assert chip(facets, "2021").count() == 0
    assert bar(facets, 2021).get_attribute("aria-label") == "2021: 3 publications"
    bar(facets, 2021).click()
    assert visible(facets) == keys(lambda pub: pub.year == 2021)
    assert bar(facets, 2021).get_attribute("aria-pressed") == "true"
    year_chip = chip(facets, "2021")
    assert year_chip.inner_text() == "2021 (3)"
    assert year_chip.get_attribute("aria-pressed") == "true"
    assert params(facets) == "?publist-1.year=2021"
    year_chip.click()
    assert chip(facets, "2021").count() == 0
    assert bar(facets, 2021).get_attribute("aria-pressed") == "false"
    assert len(visible(facets)) == len(PUBLICATIONS)


def test_bars_follow_the_tab_query_and_facets(facets: Any) -> None:
    height = bar(facets, 2021).get_attribute("height")
    facets.get_by_role("tab", name=re.compile("Google")).click()
    assert bar(facets, 2021).get_attribute("aria-label") == "2021: 0 publications"
    assert bar(facets, 2021).get_attribute("height") == "0.0"
    assert bar(facets, 2019).get_attribute("aria-label") == "2019: 1 publication"
    facets.get_by_role("tab", name=re.compile("All")).click()
    assert bar(facets, 2021).get_attribute("height") == height
    chip(facets, "Charles Babbage").click()
    babbage_2021 = len(keys(lambda pub: pub.year == 2021 and has_author(pub, "Babbage")))
    label = f"2021: {babbage_2021} publications"
    assert bar(facets, 2021).get_attribute("aria-label") == label
    facets.get_by_label("Search publications").fill("poetical")
    assert bar(facets, 2021).get_attribute("aria-label") == "2021: 1 publication"
    assert bar(facets, 2020).get_attribute("aria-label") == "2020: 0 publications"


def test_chart_bars_are_one_tab_stop_moved_by_arrow_keys(facets: Any) -> None:
    focusable = facets.locator(".publist-chart-bar[tabindex='0']")
    assert focusable.count() == 1
    focusable.focus()
    assert focusable.get_attribute("data-year") == "2021"
    facets.keyboard.press("ArrowLeft")
    focused = "document.activeElement.getAttribute('data-year')"
    assert facets.evaluate(focused) == "2020"
    facets.keyboard.press("Enter")
    assert visible(facets) == keys(lambda pub: pub.year == 2020)
    facets.keyboard.press("Home")
    facets.keyboard.press("Space")
    assert visible(facets) == keys(lambda pub: pub.year in (2018, 2020))
    assert facets.locator(".publist-chart-bar[tabindex='0']").count() == 1


def test_jump_bar_links_to_groups_hides_emptied_ones_and_sticks(browser: Any, sites: Any) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 500})
    page = context.new_page()
    try:
        page.goto(sites("alabaster", SITE) + "grouped.html")
        jump = page.get_by_role("navigation", name="Jump to")
        assert jump.get_by_role("link").all_inner_texts() == ["2021", "2020", "2019", "2018"]
        # Below the controls, above the entries.
        assert page.evaluate(
            "document.querySelector('.publist-controls').nextElementSibling.matches('.publist-jump')"
        )
        chip(page, "Journal of Computing").click()
        assert jump.get_by_role("link").all_inner_texts() == ["2021", "2019"]
        chip(page, "Journal of Computing").click()
        jump.get_by_role("link", name="2018").click()
        assert page.evaluate("location.hash") == "#year-2018"
        assert page.locator("#year-2018 .publist-group-heading").is_visible()
        assert page.evaluate("window.scrollY") > 0
        top = page.evaluate("document.querySelector('.publist-jump').getBoundingClientRect().top")
        assert abs(top) < 1
        assert jump.is_visible()
    finally:
        context.close()


def test_jump_bar_follows_the_order_of_the_groups(page: Any, sites: Any) -> None:
    page.goto(sites("alabaster", SITE) + "grouped.html")
    jump = page.get_by_role("navigation", name="Jump to")
    # A short list is arranged at once, in one step.
    page.get_by_label("Sort by").select_option("year")
    assert jump.get_by_role("link").all_inner_texts() == ["2018", "2019", "2020", "2021"]
    # Orders that drop the headings leave nothing to jump to.
    page.get_by_label("Sort by").select_option("title")
    assert jump.is_hidden()
    page.get_by_label("Sort by").select_option("-year")
    assert jump.get_by_role("link").all_inner_texts() == ["2021", "2020", "2019", "2018"]


def test_without_javascript_the_list_is_whole_and_anchors_work(browser: Any, sites: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(sites("alabaster", SITE) + "grouped.html")
        assert page.locator(".publist-chip, .publist-facets").count() == 0
        assert len(visible(page)) == len(PUBLICATIONS)
        page.get_by_role("link", name="2019").click()
        assert page.evaluate("location.hash") == "#year-2019"
        page.goto(sites("alabaster", SITE) + "index.html")
        assert bar(page, 2021).get_attribute("role") is None
        assert len(visible(page)) == len(PUBLICATIONS)
    finally:
        context.close()


def test_print_shows_the_whole_list_without_chips_or_jump_bar(page: Any, sites: Any) -> None:
    page.goto(sites("alabaster", SITE) + "grouped.html?publist-1.year=2019")
    assert len(visible(page)) == 2
    page.emulate_media(media="print")
    assert len(visible(page)) == len(PUBLICATIONS)
    assert page.locator(".publist-facets").is_hidden()
    assert page.locator(".publist-jump").is_hidden()


# Each state's page and query, and how many entries it shows (so a state the script
# ignored is not checked in its place): nothing picked; chips of two facets; a tab;
# a tab, a chip and a chart bar; search with and without results; a grouped list
# with its jump bar, whole and narrowed.
ALL = len(PUBLICATIONS)
STATES = [
    ("index.html", "", ALL),
    ("index.html", "?publist-1.type=article&publist-1.type=book&publist-1.coauthor=Mary+Somerville", 1),
    ("index.html", "?publist-1.tab=google", 2),
    ("index.html", "?publist-1.tab=google&publist-1.type=book&publist-1.year=2019", 1),
    ("index.html", "?publist-1.q=analytical&publist-1.coauthor=Charles+Babbage", 1),
    ("index.html", "?publist-1.q=quantum+chromodynamics", 0),
    ("grouped.html", "", ALL),
    ("grouped.html", "?publist-1.year=2021&publist-1.venue=Journal+of+Computing", 2),
]  # fmt: skip


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("theme", THEMES)
def test_no_axe_violations_in_any_state(page: Any, sites: Any, theme: str, scheme: str) -> None:
    for document, query, shown in STATES:
        open_in_scheme(page, sites(theme, SITE) + document + query, theme, scheme)
        assert len(visible(page)) == shown, (document, query)
        assert violations(page) == [], (document, query)
    # With a bar focused, as a keyboard user leaves it.
    open_in_scheme(page, sites(theme, SITE) + "index.html", theme, scheme)
    page.locator(".publist-chart-bar[tabindex='0']").focus()
    page.keyboard.press("Enter")
    assert visible(page) == keys(lambda pub: pub.year == 2021)
    assert violations(page) == []
