"""axe-core finds nothing wrong inside the list, in every supported theme, light and dark."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import THEMES

pytestmark = pytest.mark.browser

# Themes whose own stylesheet switches to dark colours when the reader prefers them.
DARK_THEMES = {"furo", "pydata_sphinx_theme", "sphinx_book_theme"}
SCHEMES = ("light", "dark")
# The list as first shown, a filtered tab with sorting and search, and the empty state.
VIEWS = [
    "",
    "?publist-1.tab=google-publications&publist-1.sort=title&publist-1.q=learning",
    "?publist-1.q=quantum+chromodynamics",
]
BACKGROUND_LIGHTNESS = """() => {
    const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number);
    return (Math.max(r, g, b) + Math.min(r, g, b)) / 510;
}"""


def check_scheme(page: Any, theme: str, scheme: str) -> None:
    """A theme that has a dark scheme shows it when the reader prefers dark."""
    if scheme == "dark" and theme in DARK_THEMES:
        assert page.evaluate(BACKGROUND_LIGHTNESS) < 0.3, "the theme did not turn dark"


def open_in_scheme(page: Any, url: str, theme: str, scheme: str) -> None:
    """Open ``url`` with the reader preferring the light or dark ``scheme``."""
    page.emulate_media(color_scheme=scheme)
    page.goto(url)
    page.wait_for_load_state("load")
    check_scheme(page, theme, scheme)


def violations(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context={"include": [[".publist"]]})
    return [
        f"{violation['id']}: {node['target']} {node.get('failureSummary', '')}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("theme", THEMES)
def test_no_axe_violations_in_the_list(page: Any, sites: Any, theme: str, scheme: str) -> None:
    for view in VIEWS:
        open_in_scheme(page, sites(theme) + "index.html" + view, theme, scheme)
        if not view:
            page.locator(".publist #kumar2022prime summary").click()
        assert violations(page) == [], view


def test_axe_would_report_a_problem_inside_the_list(page: Any, sites: Any) -> None:
    page.goto(sites("alabaster") + "index.html")
    page.locator(".publist-tools").evaluate(
        "tools => tools.append(Object.assign(document.createElement('input'), {type: 'text'}))"
    )
    assert any(problem.startswith("label:") for problem in violations(page))
