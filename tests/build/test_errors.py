"""Bad input: one located warning per problem, and every other entry still renders."""

from __future__ import annotations

import re

import pytest
from sphinx.testing.util import SphinxTestApp

from ..helpers import build, copy_root, html_of, location_of, publist_warnings

PROBLEMS = [
    # page, subtype, where the warning points, keys still listed
    ("missing", "bibfile", "missing.rst:4", ["good2020"]),
    # A broken entry keeps the fields that can be read, so it may lack a year or title.
    ("syntax", "parse", "syntax.bib:7", ["before2019", "broken2018", "after2017"]),
    ("syntax", "missing-field", "syntax.bib:7", None),
    ("unclosed", "parse", "unclosed.bib:7", ["closed2016", "unclosed2015"]),
    ("unclosed", "missing-field", "unclosed.bib:7", None),
    ("duplicates", "duplicate-key", "dupes.bib:7", ["twice2014", "shared2013", "unique2012"]),
    ("duplicates", "duplicate-key", "dupes-other.bib:7", None),
    ("crossref", "crossref", "crossref.bib:1", ["orphan2011", "child2010", "parent2010"]),
    ("fields", "missing-field", "fields.bib:1", ["complete2008", "untitled2009", "undated"]),
    ("fields", "missing-field", "fields.bib:6", None),
    ("options", "option", "options.rst:4", None),
    ("options", "filter", "options.rst:7", None),
    ("options", "option", "options.rst:10", None),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build(copy_root("errors", tmp_path_factory.mktemp("errors") / "src"))


def listed(app: SphinxTestApp, docname: str) -> list[str]:
    return [entry["id"] for entry in html_of(app, docname).select(".publist-entry")]


def test_every_problem_warns_exactly_once_at_its_location(built: SphinxTestApp) -> None:
    expected = sorted((subtype, where) for _, subtype, where, _ in PROBLEMS)
    found = sorted(
        (re.search(r"\[publist\.([a-z-]+)\]", line).group(1), location_of(line).split("/")[-1])
        for line in publist_warnings(built)
    )
    assert found == expected


@pytest.mark.parametrize(
    ("page", "subtype", "where", "keys"),
    [problem for problem in PROBLEMS if problem[3] is not None],
    ids=[f"{problem[0]}-{problem[1]}" for problem in PROBLEMS if problem[3] is not None],
)
def test_other_entries_still_render(
    built: SphinxTestApp, page: str, subtype: str, where: str, keys: list[str]
) -> None:
    assert sorted(listed(built, page)) == sorted(keys)


def test_syntax_error_names_the_entry_and_the_broken_field(built: SphinxTestApp) -> None:
    (warning,) = [line for line in publist_warnings(built, "parse") if "syntax.bib" in line]
    assert "'broken2018'" in warning
    assert "field year" in warning
    assert "line 10" in warning
    # The fields before and after the broken one are kept.
    entry = html_of(built, "syntax").select_one("#broken2018")
    assert entry.select_one(".publist-title").get_text() == "Broken"


def test_crossref_child_inherits_the_parent_year(built: SphinxTestApp) -> None:
    child = html_of(built, "crossref").select_one("#child2010")
    assert child.select_one(".publist-year").get_text() == "(2010)"


def test_the_kept_duplicate_is_the_first(built: SphinxTestApp) -> None:
    page = html_of(built, "duplicates")
    assert page.select_one("#twice2014 .publist-title").get_text() == "The First Twice"
    assert page.select_one("#shared2013 .publist-title").get_text() == "Shared Key, First File"


def test_bad_filter_lists_everything_and_says_where(built: SphinxTestApp) -> None:
    (warning,) = publist_warnings(built, "filter")
    assert "year >= and (" in warning
    assert "at character" in warning
    assert len(html_of(built, "options").select(".publist-entry")) == 3


def test_missing_field_warnings_can_be_suppressed(tmp_path: pytest.TempPathFactory) -> None:
    app = build(
        copy_root("errors", tmp_path / "src"),
        confoverrides={"suppress_warnings": ["publist.missing-field"]},
    )
    assert publist_warnings(app, "missing-field") == []
    assert publist_warnings(app, "crossref")
    assert sorted(listed(app, "fields")) == ["complete2008", "undated", "untitled2009"]


def test_all_publist_warnings_can_be_suppressed(tmp_path: pytest.TempPathFactory) -> None:
    app = build(
        copy_root("errors", tmp_path / "src"), confoverrides={"suppress_warnings": ["publist"]}
    )
    assert publist_warnings(app) == []
