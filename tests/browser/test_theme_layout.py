"""The example profile page on every supported theme: layout, colours and tab order, not pixels.

Each theme's site is built once per session; a test opens its pages at a desktop
(1280 px) or phone (390 px) width, in the light or dark scheme.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from ..helpers import EXAMPLE
from .conftest import THEMES
from .test_accessibility import SCHEMES, check_scheme, violations

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}
# What a browser shows a link in when no stylesheet colours it.
UNSTYLED_LINK = "rgb(0, 0, 238)"

# Every element inside the list that ends past the list's right edge, unless a
# box between them scrolls or clips it (the tabs' row on a phone does).
OVERFLOWING = """(root) => {
    const edge = root.getBoundingClientRect().right + 0.5;
    const clipped = (element) => {
        for (let box = element.parentElement; box && box !== root; box = box.parentElement) {
            if (getComputedStyle(box).overflowX !== "visible") return true;
        }
        return false;
    };
    return [...root.querySelectorAll("*")]
        .filter((element) => element.getClientRects().length > 0)
        .filter((element) => element.getBoundingClientRect().right > edge && !clipped(element))
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
}"""
# The colour a link gets from the theme in the page's body text, outside the list.
THEME_LINK = """(root) => {
    const probe = Object.assign(document.createElement("a"), {href: "#theme-link", textContent: "x"});
    root.before(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
}"""
BOXES = """(labels) => labels.map((label) => {
    const box = label.getBoundingClientRect();
    return [box.left, box.top, box.right, box.bottom];
})"""


@pytest.fixture
def open_page(browser: Any, sites: Any) -> Iterator[Any]:
    """A function opening a page of the example site with a theme, width and colour scheme."""
    contexts: list[Any] = []
    errors: list[str] = []

    def open_(theme: str, width: str = "desktop", scheme: str = "light", name: str = "") -> Any:
        context = browser.new_context(
            viewport=WIDTHS[width], color_scheme=scheme, reduced_motion="reduce"
        )
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(sites(theme, EXAMPLE) + (name or "publications.html"))
        page.wait_for_load_state("load")
        return page

    yield open_
    for context in contexts:
        context.close()
    assert errors == []


# sphinx_rtd_theme's link colour is too light for text on its page (4.2:1): the
# list shows it a shade darker.
DARKENED = {"sphinx_rtd_theme": 0.88}
NUMBER = re.compile(r"[\d.]+")


def channels(colour: str) -> tuple[float, ...]:
    """0-255 red, green and blue of a computed ``rgb()`` or ``color(srgb ...)`` value."""
    values = [float(number) for number in NUMBER.findall(colour)[:3]]
    return tuple(value * 255 if colour.startswith("color(") else value for value in values)


def same_colour(shown: str, expected: tuple[float, ...]) -> bool:
    return all(abs(a - b) <= 1 for a, b in zip(channels(shown), expected, strict=True))


def overlapping(boxes: list[list[float]]) -> list[tuple[int, int]]:
    """Pairs of boxes (left, top, right, bottom) that share any area."""
    return [
        (first, second)
        for first in range(len(boxes))
        for second in range(first + 1, len(boxes))
        if boxes[first][0] < boxes[second][2]
        and boxes[second][0] < boxes[first][2]
        and boxes[first][1] < boxes[second][3]
        and boxes[second][1] < boxes[first][3]
    ]


def test_overlap_finds_touching_labels() -> None:
    assert overlapping([[0, 0, 10, 5], [9, 0, 19, 5], [30, 0, 40, 5]]) == [(0, 1)]


@pytest.mark.parametrize("theme", THEMES)
def test_nothing_overflows_the_list_on_a_phone(open_page: Any, theme: str) -> None:
    page = open_page(theme, "phone")
    # Unfolded text is the widest the list gets.
    for toggle in page.locator(".publist summary").all()[:3]:
        toggle.click()
    publist = page.locator(".publist")
    assert publist.evaluate(OVERFLOWING) == []
    assert publist.evaluate("root => root.scrollWidth <= root.clientWidth")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("theme", THEMES)
def test_tabs_keep_one_row_that_scrolls(open_page: Any, theme: str, width: str) -> None:
    page = open_page(theme, width)
    tabs = page.get_by_role("tab")
    tops = {round(tab.bounding_box()["y"]) for tab in tabs.all()}
    assert len(tops) == 1
    row = page.get_by_role("tablist")
    # Scrolls sideways only; a focused tab is scrolled into view (smoothly, on some themes).
    assert row.evaluate("row => row.scrollHeight <= row.clientHeight")
    tabs.last.focus()
    page.wait_for_function(
        "() => document.activeElement.getBoundingClientRect().right"
        " <= document.activeElement.parentElement.getBoundingClientRect().right + 1",
        timeout=5000,
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("theme", THEMES)
def test_bibtex_wraps_inside_its_box_on_a_details_page(
    open_page: Any, theme: str, width: str
) -> None:
    page = open_page(theme, width, name="publications/kumar2022data.html")
    code = page.locator(".publist-details .publist-bibtex pre")
    assert code.evaluate("pre => pre.scrollWidth <= pre.clientWidth + 1")
    assert page.locator(".publist-details .publist-bibtex").evaluate(OVERFLOWING) == []
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")


@pytest.mark.parametrize("theme", THEMES)
def test_details_page_badges_are_separate_boxes(open_page: Any, theme: str) -> None:
    page = open_page(theme, name="publications/kumar2022data.html")
    badge = page.locator(".publist-details .publist-badge").first
    style = badge.evaluate(
        "badge => [getComputedStyle(badge).borderTopStyle, getComputedStyle(badge).display]"
    )
    assert style == ["dashed", "inline-block"]  # "(to appear)" is a badge of its own


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("theme", THEMES)
def test_chart_labels_are_readable_and_apart(open_page: Any, theme: str, width: str) -> None:
    page = open_page(theme, width)
    years = page.locator(".publist-chart-year")
    assert years.count() >= 5
    assert overlapping(years.evaluate_all(BOXES)) == []
    assert overlapping(page.locator(".publist-chart-count").evaluate_all(BOXES)) == []
    size = years.first.evaluate("label => parseFloat(getComputedStyle(label).fontSize)")
    # Drawn at the SVG's natural size, or scaled down with it, never below 11 px.
    scale = page.locator(".publist-chart-svg").evaluate(
        "svg => svg.getBoundingClientRect().width / svg.width.baseVal.value"
    )
    assert size * scale >= 11


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("theme", THEMES)
def test_toggles_titles_and_active_tab_take_the_theme_link_colour(
    open_page: Any, theme: str, scheme: str
) -> None:
    page = open_page(theme, scheme=scheme)
    publist = page.locator(".publist")
    link = publist.evaluate(THEME_LINK)
    assert link != UNSTYLED_LINK
    expected = tuple(value * DARKENED.get(theme, 1) for value in channels(link))
    toggle = page.locator(".publist-abstract-summary").first
    assert same_colour(toggle.evaluate("summary => getComputedStyle(summary).color"), expected)
    title = page.locator(".publist-title a").first
    assert same_colour(title.evaluate("a => getComputedStyle(a).color"), expected)
    text = publist.evaluate("list => getComputedStyle(list).color")
    assert not same_colour(text, expected)  # titles look clickable
    active = page.get_by_role("tab", selected=True)
    border = active.evaluate("tab => getComputedStyle(tab).borderBottomColor")
    assert same_colour(border, expected)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("theme", THEMES)
def test_profile_page_text_has_enough_contrast(open_page: Any, theme: str, scheme: str) -> None:
    page = open_page(theme, scheme=scheme)
    check_scheme(page, theme, scheme)
    page.locator(".publist-abstract-summary").first.click()
    assert violations(page) == []


@pytest.mark.parametrize("theme", THEMES)
def test_each_entry_costs_at_most_two_tab_stops(open_page: Any, theme: str) -> None:
    page = open_page(theme)
    entries = page.locator(".publist-entry").evaluate_all("entries => entries.map(e => e.id)")
    watched = entries[:6]
    page.locator(".publist-tools input").focus()
    stops: dict[str, int] = {}
    for _ in range(40):
        page.keyboard.press("Tab")
        entry = page.evaluate("document.activeElement.closest('.publist-entry')?.id ?? null")
        if entry is None and stops:
            break
        if entry is not None:
            stops[entry] = stops.get(entry, 0) + 1
    assert list(stops)[: len(watched)] == watched
    assert all(count <= 2 for count in stops.values()), stops
