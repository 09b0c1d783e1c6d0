"""Tab definitions: "Label: expression" lines, their errors, and tab ids."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist.core.diagnostics import PublistError, Subtype
from sphinxcontrib_publist.select import Tab, parse_tab_option, parse_tabs
from sphinxcontrib_publist.select.tabs import tab_ids

from ..samples import LAB, SAMPLES

SEED_TABS = """
Authored Publications: all
Google Publications: keywords contains "google"

   Other Publications:not keywords contains "google"
Titled: title contains "a:b"
Everything: ALL
"""


def test_parse_tabs() -> None:
    tabs = parse_tabs(SEED_TABS)
    assert [tab.label for tab in tabs] == [
        "Authored Publications",
        "Google Publications",
        "Other Publications",
        "Titled",
        "Everything",
    ]
    assert tabs[0].filter is None
    assert tabs[4].filter is None
    sources = [tab.filter.source if tab.filter else None for tab in tabs]
    assert sources[1:4] == [
        'keywords contains "google"',
        'not keywords contains "google"',
        'title contains "a:b"',
    ]
    google, other = tabs[1].filter, tabs[2].filter
    assert google is not None
    assert other is not None
    assert [pub.key for pub in SAMPLES if google(pub)] == ["swersky2019", "snoek2012"]
    assert [pub.key for pub in SAMPLES if other(pub)] == ["muller2020", "untitled", "cruz2018"]


def test_empty_tabs_text_gives_no_tabs() -> None:
    assert parse_tabs("\n  \n") == []


TAB_ERRORS = [
    ("no colon here", 'line 1: expected "Label: expression"', 0),
    ("A: all\n  : year", "line 2: empty tab label", 9),
    ("A:   ", "line 1: empty filter expression", 2),
    ("A: year ==", "line 1: expected a quoted string or a number but found end of expression", 10),
    ("A: all\nB:  (year", 'line 2: expected ")" but found end of expression', 16),
    ("A: all\r\nB: year = 1", 'line 2: unknown operator "="', 16),
    ("A: all\nA: year", 'line 2: duplicate tab label "A"', 7),
]


@pytest.mark.parametrize(("text", "message", "position"), TAB_ERRORS)
def test_parse_tabs_errors(text: str, message: str, position: int) -> None:
    with pytest.raises(PublistError) as caught:
        parse_tabs(text)
    assert (caught.value.message, caught.value.position) == (message, position)


def test_tabs_use_the_filter_language() -> None:
    tabs, problems = parse_tab_option(
        """
        Authored Publications: all
        Google Publications: keywords contains "google"
        Other Publications: not keywords contains "google"
        """
    )
    assert problems == []
    assert [tab.label for tab in tabs] == [
        "Authored Publications",
        "Google Publications",
        "Other Publications",
    ]
    assert tabs[0].filter is None
    members = [[pub.key for pub in LAB if tab.filter is None or tab.filter(pub)] for tab in tabs]
    assert members == [["prime", "jem", "fair", "align"], ["prime", "jem"], ["fair", "align"]]


@pytest.mark.parametrize(
    "value", ["Google: keywords contains", "no colon here", ": all", "A: all\nA: all"]
)
def test_a_bad_tab_definition_drops_the_tabs_with_a_filter_problem(value: str) -> None:
    tabs, problems = parse_tab_option(value)
    assert tabs == ()
    assert [problem.subtype for problem in problems] == [Subtype.FILTER]


@pytest.mark.parametrize("value", [None, "", "  \n "])
def test_no_tab_option_means_no_tabs(value: str | None) -> None:
    assert parse_tab_option(value) == ((), [])


def test_tab_ids_are_url_safe_and_distinct() -> None:
    tabs = [Tab("Google Publications", None), Tab("Google publications!", None), Tab("—", None)]
    assert tab_ids(tabs) == ("google-publications", "google-publications-2", "tab-3")
