"""The documentation covers every configuration value, warning subtype, option and CSS property."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from sphinxcontrib_publist.config import PublistConfig
from sphinxcontrib_publist.core.diagnostics import Subtype
from sphinxcontrib_publist.directive import PublicationsDirective

from ..helpers import REPO

DOCS = REPO / "docs"
SNIPPETS = DOCS / "snippets"
STATIC = REPO / "sphinxcontrib_publist" / "static"
STYLESHEET = STATIC / "publist.css"

CONFVAL = re.compile(r"^\s*(?:\.\. confval::|```\{confval\})\s+(\S+)", re.MULTILINE)
DIRECTIVE_OPTION = re.compile(r"^\s*\.\. rst:directive:option::\s+([\w-]+)", re.MULTILINE)
SUBTYPE_MENTION = re.compile(r"publist\.([a-z][a-z-]*)")
CSS_PROPERTY = re.compile(r"--publist-[\w-]+")
RST_OPTION = re.compile(r"^   :([\w-]+):(.*)$")
MYST_OPTION = re.compile(r"^:([\w-]+):(.*)$")


def _sources() -> str:
    paths = sorted([*DOCS.glob("*.rst"), *DOCS.glob("*.md")])
    return "\n".join(path.read_text(encoding="utf-8") for path in paths)


def _documented_confvals() -> set[str]:
    return set(CONFVAL.findall(_sources()))


def _config_names() -> set[str]:
    return {f"publist_{item.name}" for item in fields(PublistConfig)}


def _option_names() -> set[str]:
    return set(PublicationsDirective.option_spec)


def _snippet_options(path: Path, pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    found = (pattern.match(line) for line in lines)
    # MyST writes a multi-line option value as a block (":tabs: |"), RST indents it.
    return [(match.group(1), match.group(2).strip().removesuffix("|")) for match in found if match]


@pytest.mark.parametrize("name", sorted(_config_names()))
def test_every_config_value_has_a_confval(name: str) -> None:
    assert name in _documented_confvals()


def test_every_confval_is_a_config_value() -> None:
    assert _documented_confvals() <= _config_names()


@pytest.mark.parametrize("subtype", list(Subtype), ids=lambda subtype: subtype.value)
def test_every_subtype_is_on_the_warnings_page(subtype: Subtype) -> None:
    page = (DOCS / "warnings.rst").read_text(encoding="utf-8")
    assert f"``publist.{subtype.value}``\n" in page
    assert f'suppress_warnings = ["publist.{subtype.value}"]' in page


def test_warnings_page_names_only_real_subtypes() -> None:
    page = (DOCS / "warnings.rst").read_text(encoding="utf-8")
    named = set(SUBTYPE_MENTION.findall(page))
    assert named <= {subtype.value for subtype in Subtype}


@pytest.mark.parametrize("option", sorted(_option_names()))
def test_every_directive_option_is_documented_with_snippets(option: str) -> None:
    page = (DOCS / "directive.rst").read_text(encoding="utf-8")
    assert option in DIRECTIVE_OPTION.findall(page)
    assert f"snippets/rst/{option}.rst" in page
    assert f"snippets/myst/{option}.md" in page


def test_documented_options_exist() -> None:
    page = (DOCS / "directive.rst").read_text(encoding="utf-8")
    assert set(DIRECTIVE_OPTION.findall(page)) <= _option_names()


def test_snippets_come_in_pairs() -> None:
    rst = {path.stem for path in (SNIPPETS / "rst").glob("*.rst")}
    myst = {path.stem for path in (SNIPPETS / "myst").glob("*.md")}
    assert rst
    assert rst == myst


@pytest.mark.parametrize("name", sorted(path.stem for path in (SNIPPETS / "rst").glob("*.rst")))
def test_snippet_pair_writes_the_same_directive(name: str) -> None:
    rst = SNIPPETS / "rst" / f"{name}.rst"
    myst = SNIPPETS / "myst" / f"{name}.md"
    rst_head = rst.read_text(encoding="utf-8").splitlines()[0]
    myst_head = myst.read_text(encoding="utf-8").splitlines()[0]
    assert rst_head.removeprefix(".. publications::") == myst_head.removeprefix("```{publications}")
    assert _snippet_options(rst, RST_OPTION) == _snippet_options(myst, MYST_OPTION)


def test_every_css_property_is_documented() -> None:
    declared = set(CSS_PROPERTY.findall(STYLESHEET.read_text(encoding="utf-8")))
    documented = set(CSS_PROPERTY.findall((DOCS / "css.md").read_text(encoding="utf-8")))
    assert declared - documented == set()


@pytest.mark.parametrize("name", sorted(_config_names()))
def test_configuration_page_names_every_value(name: str) -> None:
    page = (DOCS / "configuration.rst").read_text(encoding="utf-8")
    assert f".. confval:: {name}\n" in page or f":confval:`{name}`" in page


def test_script_and_stylesheet_stay_small() -> None:
    # One CSS and one JS file, unminified, under 48 KiB together (issue: small and fast).
    # 20 KiB until the script was type-checked and checked its data and every rule
    # was put under :where() so that users' rules win; 24 KiB until facet chips,
    # the chart as a control and the jump bar came, and the stylesheet fitted five
    # themes, light and dark, desktop and phone; 40 KiB until paged lists loaded
    # their later pages and showed a window of them.
    sizes = {path.name: path.stat().st_size for path in STATIC.iterdir()}
    assert sorted(sizes) == ["publist.css", "publist.js"]
    assert sum(sizes.values()) < 48 * 1024
