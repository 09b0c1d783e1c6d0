"""publist.js in Chromium: tabs, sorting, search, URL state, keyboard use and print."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest

from sphinxcontrib_publist.bib import load as pipeline
from sphinxcontrib_publist.select import parse_filter, sort_publications
from sphinxcontrib_publist.select.interactive import STANDARD_SORTS

from .conftest import SITE

pytestmark = pytest.mark.browser

PUBLICATIONS = pipeline.load([str(SITE / "refs.bib")], pipeline.build_date()).publications
GOOGLE = parse_filter('keywords contains "google"')

VISIBLE_IDS = """root => Array.from(root.querySelectorAll('.publist-entry'))
    .filter(entry => entry.checkVisibility()).map(entry => entry.id)"""


def ordered(choice_id: str, keep: Any = None) -> list[str]:
    """Keys in the order of a sort choice, optionally only those passing ``keep``."""
    choice = next(choice for choice in STANDARD_SORTS if choice.id == choice_id)
    assert choice.keys is not None
    chosen = [pub for pub in PUBLICATIONS if keep is None or keep(pub)]
    return [pub.key for pub in sort_publications(chosen, choice.keys)]


def visible(page: Any, index: int = 0) -> list[str]:
    return page.locator(".publist").nth(index).evaluate(VISIBLE_IDS)


def search_params(page: Any) -> str:
    # page.url learns of pushState asynchronously; the document knows at once.
    return page.evaluate("decodeURIComponent(location.search)")


def after_history_step(page: Any, expected: list[str], index: int = 0) -> list[str]:
    """The visible entries once popstate has been handled (it fires after the step)."""
    deadline = time.monotonic() + 2
    while (shown := visible(page, index)) != expected and time.monotonic() < deadline:
        page.wait_for_timeout(20)
    return shown


def status(page: Any, index: int = 0) -> str:
    return page.locator(".publist").nth(index).locator(".publist-count").inner_text()


@pytest.fixture
def profile(page: Any, sites: Any) -> Any:
    page.goto(sites("alabaster") + "index.html")
    return page


TABS = [
    ("Authored Publications", None, 10),
    ("Google Publications", lambda pub: GOOGLE(pub), 6),
    ("Other Publications", lambda pub: not GOOGLE(pub), 4),
]


def test_tabs_show_their_counts_and_members(profile: Any) -> None:
    tabs = profile.get_by_role("tab")
    assert tabs.all_inner_texts() == [f"{label} ({count})" for label, _, count in TABS]
    for index, (label, keep, count) in enumerate(TABS):
        tabs.nth(index).click()
        assert tabs.nth(index).get_attribute("aria-selected") == "true"
        assert visible(profile) == ordered("-year", keep)
        assert status(profile) == f"{count} publications"
        panel = profile.get_by_role("tabpanel")
        assert panel.get_attribute("aria-labelledby") == tabs.nth(index).get_attribute("id")
        assert profile.get_by_role("tab", selected=True).inner_text().startswith(label)


@pytest.mark.parametrize("choice", [choice.id for choice in STANDARD_SORTS])
def test_each_sort_order_matches_the_python_sort(profile: Any, choice: str) -> None:
    profile.get_by_label("Sort by").select_option(choice)
    assert visible(profile) == ordered(choice)
    profile.get_by_role("tab", name=re.compile("Google")).click()
    assert visible(profile) == ordered(choice, GOOGLE)


def test_sort_menu_lists_the_orders_and_starts_from_the_directive_sort(profile: Any) -> None:
    menu = profile.get_by_label("Sort by")
    assert menu.locator("option").all_inner_texts() == [
        "Title",
        "Title, descending",
        "Year",
        "Year, descending",
        "Author",
    ]
    assert menu.input_value() == "-year"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Jorn", ["grathwohl2020jem", "creager2019flexibly"]),
        ("jörn  FAIR", ["creager2019flexibly"]),
        ("prefetching", ["shi2021voyager"]),
        ("Conference on Learning Representations", ["kumar2022prime", "grathwohl2021nomcmc",
                                                     "triantafillou2020metadataset"]),
        ("2019", ["creager2019flexibly", "liu2019gnf"]),
    ],
)  # fmt: skip
def test_search_by_title_author_venue_abstract_and_year(
    profile: Any, query: str, expected: list[str]
) -> None:
    profile.get_by_label("Search publications").fill(query)
    assert visible(profile) == expected
    count = len(expected)
    assert status(profile) == ("1 publication" if count == 1 else f"{count} publications")


def test_a_query_matching_nothing_shows_no_results(profile: Any) -> None:
    no_results = profile.locator(".publist-no-results")
    assert no_results.is_hidden()
    profile.get_by_label("Search publications").fill("quantum chromodynamics")
    assert visible(profile) == []
    assert no_results.is_visible()
    assert no_results.inner_text() == "No Results Found"
    assert status(profile) == "No Results Found"
    assert profile.locator(".publist-count").get_attribute("aria-live") == "polite"
    profile.get_by_label("Search publications").fill("")
    assert no_results.is_hidden()
    assert len(visible(profile)) == 10


def test_tab_counts_follow_the_query(profile: Any) -> None:
    profile.get_by_label("Search publications").fill("energy")
    assert profile.get_by_role("tab").all_inner_texts() == [
        "Authored Publications (2)",
        "Google Publications (1)",
        "Other Publications (1)",
    ]
    profile.get_by_role("tab", name=re.compile("Other")).click()
    assert visible(profile) == ["grathwohl2020jem"]


def test_url_holds_the_view_and_reload_restores_it(profile: Any) -> None:
    profile.get_by_role("tab", name=re.compile("Google")).click()
    profile.get_by_label("Sort by").select_option("title")
    profile.get_by_label("Search publications").fill("learning")
    assert search_params(profile) == (
        "?publist-1.tab=google-publications&publist-1.sort=title&publist-1.q=learning"
    )
    expected = visible(profile)
    assert expected == [
        "kumar2022prime",
        "lawson2017hard",
        "triantafillou2020metadataset",
        "grathwohl2021nomcmc",
        "grathwohl2021oops",
    ]
    profile.reload()
    assert visible(profile) == expected
    assert profile.get_by_role("tab", selected=True).inner_text().startswith("Google")
    assert profile.get_by_label("Sort by").input_value() == "title"
    assert profile.get_by_label("Search publications").input_value() == "learning"


def test_back_returns_to_each_previous_view(profile: Any) -> None:
    profile.get_by_role("tab", name=re.compile("Other")).click()
    profile.get_by_label("Sort by").select_option("title")
    search = profile.get_by_label("Search publications")
    search.press_sequentially("flows")
    assert visible(profile) == ["liu2019gnf"]
    other_by_title = ordered("title", lambda pub: not GOOGLE(pub))
    profile.go_back()
    assert after_history_step(profile, other_by_title) == other_by_title
    assert search.input_value() == ""
    other_newest_first = ordered("-year", lambda pub: not GOOGLE(pub))
    profile.go_back()
    assert after_history_step(profile, other_newest_first) == other_newest_first
    assert profile.get_by_label("Sort by").input_value() == "-year"
    profile.go_back()
    assert after_history_step(profile, ordered("-year")) == ordered("-year")
    assert profile.get_by_role("tab", selected=True).inner_text().startswith("Authored")


def _focused(page: Any) -> dict[str, str]:
    return page.evaluate(
        """() => ({role: document.activeElement.getAttribute('role') || '',
                   tag: document.activeElement.tagName.toLowerCase(),
                   text: document.activeElement.textContent,
                   outline: getComputedStyle(document.activeElement).outlineStyle})"""
    )


def _tab_to(page: Any, wanted: Any) -> dict[str, str]:
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if wanted(focused):
            return focused
    raise AssertionError("keyboard focus never reached the wanted control")


def test_everything_works_from_the_keyboard(profile: Any) -> None:
    focused = _tab_to(profile, lambda element: element["role"] == "tab")
    assert focused["text"].startswith("Authored")
    assert focused["outline"] == "solid"
    profile.keyboard.press("ArrowRight")
    assert _focused(profile)["text"].startswith("Google")
    assert visible(profile) == ordered("-year", GOOGLE)
    profile.keyboard.press("End")
    assert _focused(profile)["text"].startswith("Other")
    profile.keyboard.press("ArrowRight")
    assert _focused(profile)["text"].startswith("Authored")
    profile.keyboard.press("ArrowLeft")
    assert _focused(profile)["text"].startswith("Other")
    profile.keyboard.press("Home")
    assert len(visible(profile)) == 10
    assert _tab_to(profile, lambda element: element["tag"] == "input")["outline"] == "solid"
    profile.keyboard.type("Jorn")
    assert visible(profile) == ["grathwohl2020jem", "creager2019flexibly"]
    _tab_to(profile, lambda element: element["tag"] == "select")
    profile.keyboard.press("ArrowUp")
    assert profile.get_by_label("Sort by").input_value() == "year"
    assert visible(profile) == ["creager2019flexibly", "grathwohl2020jem"]
    _tab_to(profile, lambda element: element["tag"] == "summary")
    profile.keyboard.press("Enter")
    assert profile.locator("#creager2019flexibly details").get_attribute("open") == ""


def test_lists_on_one_page_are_independent(page: Any, sites: Any) -> None:
    page.goto(sites("alabaster") + "several.html")
    recent, earlier = page.locator(".publist").all()
    recent.get_by_role("tab", name=re.compile("Google")).click()
    recent.get_by_label("Search publications").fill("energy")
    assert visible(page, 0) == ["grathwohl2021nomcmc"]
    assert visible(page, 1) == ordered("-year", lambda pub: pub.year < 2020)
    earlier.get_by_label("Sort by").select_option("title")
    assert visible(page, 0) == ["grathwohl2021nomcmc"]
    assert search_params(page) == ("?publist-1.tab=google&publist-1.q=energy&publist-2.sort=title")
    page.reload()
    assert visible(page, 0) == ["grathwohl2021nomcmc"]
    assert visible(page, 1) == ordered("title", lambda pub: pub.year < 2020)


def test_lists_from_several_documents_on_one_page_stay_apart(page: Any, sites: Any) -> None:
    page.goto(sites("alabaster", builder="singlehtml") + "index.html")
    lists = page.locator(".publist[data-publist-controls]")
    ids = lists.evaluate_all("roots => roots.map(root => root.id)")
    assert len(ids) == 4
    assert len(set(ids)) == 4
    # The by-year list, the two of "Two lists", then the profile's own list.
    page.locator(".publist input[type=search]").nth(1).fill("energy")
    assert [len(visible(page, index)) for index in range(4)] == [10, 2, 4, 10]
    assert search_params(page) == "?publist-1-2.q=energy"


GROUP_HEADINGS = """root => Array.from(root.querySelectorAll('.publist-group-heading'))
    .filter(heading => heading.checkVisibility()).map(heading => heading.textContent)"""


def test_year_orders_keep_year_groups_and_title_orders_flatten(page: Any, sites: Any) -> None:
    page.goto(sites("alabaster") + "grouped.html")
    root = page.locator(".publist")
    years = ["2022", "2021", "2020", "2019", "2018", "2017"]
    assert root.evaluate(GROUP_HEADINGS) == years
    page.get_by_label("Sort by").select_option("year")
    assert root.evaluate(GROUP_HEADINGS) == years[::-1]
    assert visible(page) == ordered("year")
    page.get_by_label("Sort by").select_option("title")
    assert root.evaluate(GROUP_HEADINGS) == []
    assert visible(page) == ordered("title")
    page.get_by_label("Search publications").fill("energy")
    page.get_by_label("Sort by").select_option("-year")
    assert root.evaluate(GROUP_HEADINGS) == ["2021", "2020"]


def test_without_javascript_every_entry_is_readable(browser: Any, sites: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(sites("alabaster") + "index.html")
    assert visible(page) == ordered("-year")
    assert page.locator(".publist button, .publist select, .publist input").count() == 0
    page.locator("#liu2019gnf summary").click()
    assert page.locator("#liu2019gnf .publist-abstract-text").is_visible()
    context.close()


def test_print_hides_controls_and_shows_every_entry_and_abstract(profile: Any) -> None:
    profile.get_by_role("tab", name=re.compile("Google")).click()
    profile.get_by_label("Search publications").fill("nothing matches this")
    profile.emulate_media(media="print")
    assert profile.locator(".publist-controls").is_hidden()
    assert profile.locator(".publist-no-results").is_hidden()
    assert len(visible(profile)) == 10
    assert profile.locator(".publist-abstract-text").evaluate_all(
        "texts => texts.every(text => text.checkVisibility())"
    )


def test_reduced_motion_turns_transitions_off(page: Any, sites: Any) -> None:
    tab_transition = (
        "() => getComputedStyle(document.querySelector('.publist-tab')).transitionDuration"
    )
    page.emulate_media(reduced_motion="no-preference")
    page.goto(sites("alabaster") + "index.html")
    assert page.evaluate(tab_transition) != "0s"
    page.emulate_media(reduced_motion="reduce")
    assert page.evaluate(tab_transition) == "0s"


SORT_AND_WAIT = """(root, values) => new Promise(resolve => {
    const select = root.querySelector('select');
    const visibleIds = () => Array.from(root.querySelectorAll('.publist-entry'))
        .filter(entry => entry.checkVisibility()).map(entry => entry.id);
    const firstScreens = [];
    root.addEventListener('publist:arranged', () => resolve([firstScreens, visibleIds()]));
    for (const value of values) {
        select.value = value;
        select.dispatchEvent(new Event('change'));
        firstScreens.push(visibleIds().slice(0, 100));
    }
})"""


@pytest.mark.parametrize("page_name", ["index", "grouped"])
def test_long_lists_show_the_new_top_at_once_and_finish_in_order(
    page: Any, sites: Any, long_site: Any, page_name: str
) -> None:
    publications = pipeline.load([str(long_site / "refs.bib")], pipeline.build_date()).publications

    def in_order(choice_id: str) -> list[str]:
        choice = next(choice for choice in STANDARD_SORTS if choice.id == choice_id)
        assert choice.keys is not None
        return [pub.key for pub in sort_publications(publications, choice.keys)]

    page.goto(sites("alabaster", long_site) + f"{page_name}.html")
    root = page.locator(".publist")
    assert root.locator(".publist-entry").count() == len(publications)
    for values in (["title"], ["author", "-title"], ["year"], ["-year"]):
        first_screens, final = root.evaluate(SORT_AND_WAIT, values)
        for value, first_screen in zip(values, first_screens, strict=True):
            assert first_screen == in_order(value)[:100], value
        assert final == in_order(values[-1])
