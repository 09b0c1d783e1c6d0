"""A user's plain .publist-* rule beats the extension's; themes' content rules do not."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from .conftest import SITE, THEMES

pytestmark = pytest.mark.browser

# A user's rule, and each (element, property, value) it must decide, though the
# extension's stylesheet sets the same property on the same element.
USER_RULES = {
    ".publist-title { color: rgb(1, 2, 3); font-size: 31px; }": [
        (".publist-title", "color", "rgb(1, 2, 3)"),
        (".publist-title", "font-size", "31px"),
    ],
    ".publist-meta { color: rgb(4, 5, 6); }": [(".publist-meta", "color", "rgb(4, 5, 6)")],
    ".publist-count { margin: 7px; }": [(".publist-count", "margin-top", "7px")],
    ".publist-tab { padding: 3px; }": [(".publist-tab", "padding-top", "3px")],
    ".publist-link { border-radius: 9px; }": [(".publist-link", "border-top-left-radius", "9px")],
    ".publist-badge { border-style: dotted; }": [(".publist-badge", "border-top-style", "dotted")],
    ".publist { --publist-entry-gap: 3px; }": [(".publist-entry", "margin-bottom", "3px")],
}
COMPUTED = "([selector, property]) => getComputedStyle(document.querySelector(selector))[property]"


@pytest.fixture(scope="module")
def site(sites: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    source: Path = tmp_path_factory.mktemp("user-css")
    shutil.copytree(SITE, source, dirs_exist_ok=True)
    (source / "_static").mkdir()
    (source / "_static" / "user.css").write_text("\n".join(USER_RULES), encoding="utf-8")
    with (source / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('html_static_path = ["_static"]\nhtml_css_files = ["user.css"]\n')
    return sites("alabaster", source) + "index.html"


@pytest.mark.parametrize("rule", USER_RULES)
def test_a_users_plain_class_rule_wins(page: Any, site: str, rule: str) -> None:
    page.goto(site)
    for selector, css_property, value in USER_RULES[rule]:
        assert page.evaluate(COMPUTED, [selector, css_property]) == value, selector


def test_without_the_users_rules_the_extensions_apply(page: Any, sites: Any) -> None:
    page.goto(sites("alabaster") + "index.html")
    assert page.evaluate(COMPUTED, [".publist-count", "margin-top"]) != "7px"
    assert page.evaluate(COMPUTED, [".publist-badge", "border-top-style"]) == "dashed"
    assert page.evaluate(COMPUTED, [".publist-title", "font-weight"]) == "600"


SPACING = """() => {
    const list = getComputedStyle(document.querySelector('.publist-entries'));
    const entry = getComputedStyle(document.querySelector('.publist-entry'));
    const title = getComputedStyle(document.querySelector('.publist-entry > .publist-title'));
    return {list: [list.marginLeft, list.paddingLeft, list.marginBottom, list.listStyleType],
            entry: [entry.marginLeft, parseFloat(entry.marginBottom) / parseFloat(entry.fontSize)],
            title: [title.marginTop, parseFloat(title.marginBottom) / parseFloat(title.fontSize),
                    parseFloat(title.lineHeight) / parseFloat(title.fontSize)]};
}"""


@pytest.mark.parametrize("theme", THEMES)
def test_themes_rules_for_content_lists_leave_the_lists_spacing(
    page: Any, sites: Any, theme: str
) -> None:
    # sphinx_rtd_theme indents and spaces every list in its content, alabaster sets
    # paragraphs' line height, each at more than one class.
    page.goto(sites(theme) + "index.html")
    spacing = page.evaluate(SPACING)
    assert spacing["list"] == ["0px", "0px", "0px", "none"]
    assert spacing["entry"][0] == "0px"
    assert spacing["entry"][1] == pytest.approx(1.25)
    assert spacing["title"][0] == "0px"
    assert spacing["title"][1:] == pytest.approx([0.15, 1.35])
