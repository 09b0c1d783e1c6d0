"""Every directive option, end to end on the ``options`` root."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import Tag
from sphinx.testing.util import SphinxTestApp

from ..helpers import build, copy_root, html_of, publist_warnings

NEWEST_FIRST = [
    "dijkstra1968goto",
    "knuth1968art",
    "hopper1952compiler",
    "shannon1940algebra",
    "turing1936computable",
    "lovelace1843notes",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build(copy_root("options", tmp_path_factory.mktemp("options") / "src"))


def lists(app: SphinxTestApp, docname: str) -> list[Tag]:
    return html_of(app, docname).select("div.publist")


def keys(publist: Tag) -> list[str]:
    # A key listed twice on one page gets a numbered anchor the second time.
    return [re.sub(r"-\d+$", "", entry["id"]) for entry in publist.select(".publist-entry")]


def test_build_is_warning_free(built: SphinxTestApp) -> None:
    assert publist_warnings(built) == []


def test_configured_bibfiles_are_used_without_an_argument(built: SphinxTestApp) -> None:
    (publist,) = lists(built, "index")
    assert keys(publist) == NEWEST_FIRST


def test_an_ungrouped_list_has_no_heading(built: SphinxTestApp) -> None:
    (publist,) = lists(built, "index")
    assert not publist.select(".publist-group-heading")
    assert len(publist.select(".publist-group")) == 1


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (0, ["turing1936computable", "lovelace1843notes", "knuth1968art"]),
        (1, ["lovelace1843notes", "turing1936computable", "knuth1968art"]),
    ],
    ids=["given-order", "sorted"],
)
def test_keys(built: SphinxTestApp, index: int, expected: list[str]) -> None:
    assert keys(lists(built, "keys")[index]) == expected


def test_filter(built: SphinxTestApp) -> None:
    publist, empty = lists(built, "filter")
    assert keys(publist) == ["dijkstra1968goto", "hopper1952compiler"]
    assert keys(empty) == []
    assert empty.select_one(".publist-empty").get_text() == "No publications found."


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (
            0,
            [
                "shannon1940algebra",
                "dijkstra1968goto",
                "lovelace1843notes",
                "turing1936computable",
                "knuth1968art",
                "hopper1952compiler",
            ],
        ),
        (
            1,
            [
                "lovelace1843notes",
                "turing1936computable",
                "shannon1940algebra",
                "hopper1952compiler",
                "dijkstra1968goto",
                "knuth1968art",
            ],
        ),
    ],
    ids=["title", "year-then-title"],
)
def test_sort(built: SphinxTestApp, index: int, expected: list[str]) -> None:
    assert keys(lists(built, "sort")[index]) == expected


def headings(publist: Tag) -> list[str]:
    return [heading.get_text() for heading in publist.select(".publist-group-heading")]


def test_group_by_year_heads_each_year_newest_first(built: SphinxTestApp) -> None:
    by_year = lists(built, "group")[0]
    assert headings(by_year) == ["1968", "1952", "1940", "1936", "1843"]
    groups = by_year.select(".publist-group")
    assert keys(groups[0]) == ["dijkstra1968goto", "knuth1968art"]
    assert keys(by_year) == NEWEST_FIRST


def test_group_by_type_uses_human_labels(built: SphinxTestApp) -> None:
    by_type = lists(built, "group")[1]
    # In the documented order of type groups, not the order of the list's sort.
    assert headings(by_type) == ["Journal articles", "Conference papers", "Books", "Theses"]
    papers = by_type.select(".publist-group")[1]
    assert keys(papers) == ["dijkstra1968goto", "hopper1952compiler"]
    # Rubrics, not sections: the page's toc gains nothing.
    assert not by_type.select("section")


def authors(entry: Tag) -> list[str]:
    line = entry.select_one(".publist-authors")
    return [name.strip() for name in line.get_text().split(",")] if line else []


def test_highlight_marks_matching_names_in_any_spelling(built: SphinxTestApp) -> None:
    highlighted = lists(built, "people")[0]
    me = [author.get_text() for author in highlighted.select(".publist-authors .publist-me")]
    assert me == ["Grace Murray Hopper", "Ada Lovelace"]
    assert all(me.name == "strong" for me in highlighted.select(".publist-me"))


def test_omit_authors_leaves_the_name_out(built: SphinxTestApp) -> None:
    omitted = lists(built, "people")[1]
    assert authors(omitted) == ["Edsger W. Dijkstra"]


def test_name_format_initials(built: SphinxTestApp) -> None:
    initials = lists(built, "people")[2]
    assert authors(initials) == ["E. W. Dijkstra", "G. M. Hopper"]


def test_abstract_modes(built: SphinxTestApp) -> None:
    collapsed, expanded, hidden = lists(built, "abstracts")
    details = collapsed.select("details.publist-abstract")
    assert len(details) == 1
    assert not details[0].has_attr("open")
    assert details[0].summary.get_text() == "Preview abstract"
    assert "The engine weaves algebraic patterns." in details[0].get_text()
    assert expanded.select_one("details.publist-abstract").has_attr("open")
    assert not hidden.select(".publist-abstract")
    assert "weaves" not in hidden.get_text()


def test_limit_keeps_the_first_after_sorting(built: SphinxTestApp) -> None:
    (publist,) = lists(built, "limit")
    assert keys(publist) == NEWEST_FIRST[:2]


@pytest.mark.parametrize(
    ("index", "first_label"),
    [(0, "1"), (1, "1"), (2, "DH68"), (3, "DH68")],
    ids=["plain", "unsrt", "alpha", "unsrtalpha"],
)
def test_pybtex_styles(built: SphinxTestApp, index: int, first_label: str) -> None:
    publist = lists(built, "style")[index]
    citations = publist.select(".publist-citation")
    assert len(citations) == len(NEWEST_FIRST)
    assert citations[0].select_one(".publist-label").get_text() == f"[{first_label}]"
    text = publist.get_text()
    assert "go to statement considered harmful" in text.lower()
    assert "In Communications of the ACM" in text
    assert "Addison-Wesley" in text
    assert "\\" not in text


def test_paths_relative_to_the_page_and_to_the_source_dir(built: SphinxTestApp) -> None:
    local, rooted, both = lists(built, "sub/paths")
    assert keys(local) == ["local2001"]
    assert keys(rooted) == NEWEST_FIRST[:1]
    assert sorted(keys(both)) == sorted([*NEWEST_FIRST, "local2001"])


def test_several_lists_on_one_page_get_distinct_ids(built: SphinxTestApp) -> None:
    page = html_of(built, "second")
    ids = [entry["id"] for entry in page.select(".publist-entry")]
    assert ids == ["knuth1968art", "knuth1968art-2"]
    assert lists(built, "keys")[0].select_one("#knuth1968art")


def test_bib_dependencies_are_noted(built: SphinxTestApp) -> None:
    srcdir = Path(built.srcdir)
    dependencies = {
        docname: {Path(path).name for path in paths}
        for docname, paths in built.env.dependencies.items()
    }
    assert dependencies["sub/paths"] == {"local.bib", "refs.bib"}
    assert dependencies["index"] == {"refs.bib"}
    assert (srcdir / "sub" / "local.bib").is_file()


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("abstracts", "folded"),
        ("limit", "-3"),
        ("limit", "many"),
        ("limit", "\u00b2"),
        ("max-authors", "\u00b2"),
        ("style", "no-such-style"),
        ("name-format", "shouty"),
        ("sort", "-"),
    ],
)
def test_bad_option_values_warn_once_and_fall_back(tmp_path: Path, option: str, value: str) -> None:
    srcdir = copy_root("options", tmp_path / "src")
    (srcdir / "index.rst").write_text(
        f"Bad\n===\n\n.. publications:: refs.bib\n   :{option}: {value}\n", encoding="utf-8"
    )
    app = build(srcdir, confoverrides={"exclude_patterns": ["_build", "[!i]*", "sub"]})
    warnings = publist_warnings(app, "option")
    assert len(warnings) == 1, warnings
    assert "index.rst:4" in warnings[0]
    assert keys(lists(app, "index")[0])


def test_group_by_any_field_puts_the_rest_under_other(built: SphinxTestApp) -> None:
    by_publisher = lists(built, "group")[2]
    assert headings(by_publisher) == ["Other", "Addison-Wesley"]
    assert keys(by_publisher.select(".publist-group")[1]) == ["knuth1968art"]


def test_site_wide_highlight_and_omit(tmp_path: Path) -> None:
    srcdir = copy_root("options", tmp_path / "src")
    app = build(
        srcdir,
        confoverrides={
            "publist_highlight_authors": ["Dijkstra, E. W."],
            "publist_omit_authors": ["Grace Hopper"],
        },
    )
    omitted = lists(app, "people")[1]
    assert authors(omitted) == ["Edsger W. Dijkstra"]
    assert [me.get_text() for me in omitted.select(".publist-me")] == ["Edsger W. Dijkstra"]
    assert publist_warnings(app) == []
