"""Interactive lists in built output: script data in HTML, tab sections elsewhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from docutils import nodes

from sphinxcontrib_publist.bib import load as pipeline
from sphinxcontrib_publist.select import sort_publications
from sphinxcontrib_publist.select.interactive import STANDARD_SORTS

from .conftest import ROOTS, html_of, warnings_of

BIB = ROOTS / "test-interactive" / "refs.bib"
GOOGLE = [
    "kumar2022prime",
    "grathwohl2021nomcmc",
    "grathwohl2021oops",
    "shi2021voyager",
    "triantafillou2020metadataset",
    "lawson2017hard",
]
OTHER = ["grathwohl2020jem", "liu2019gnf", "creager2019flexibly", "ren2018meta"]
NEWEST_FIRST = [
    "kumar2022prime",
    "shi2021voyager",
    "grathwohl2021nomcmc",
    "grathwohl2021oops",
    "triantafillou2020metadataset",
    "grathwohl2020jem",
    "creager2019flexibly",
    "liu2019gnf",
    "ren2018meta",
    "lawson2017hard",
]
TAB_LABELS = ["Authored Publications", "Google Publications", "Other Publications"]


def publist(page: BeautifulSoup, index: int = 0) -> Tag:
    return page.select(".publist")[index]


def entry_ids(root: Tag) -> list[str]:
    return [entry["id"] for entry in root.select(".publist-entry")]


def order_by_rank(root: Tag, choice: int) -> list[str]:
    entries = root.select(".publist-entry")
    ranks = {entry["id"]: int(entry["data-publist-ranks"].split()[choice]) for entry in entries}
    return sorted(ranks, key=ranks.__getitem__)


@pytest.mark.sphinx("html", testroot="interactive")
def test_list_data_for_the_script(app) -> None:
    app.build()
    assert warnings_of(app) == ""
    root = publist(html_of(app))
    assert root["id"] == "publist-1"
    assert root["data-publist-controls"] == "tabs sort search"
    assert json.loads(root["data-publist-tabs"]) == [
        {"id": "authored-publications", "label": "Authored Publications"},
        {"id": "google-publications", "label": "Google Publications"},
        {"id": "other-publications", "label": "Other Publications"},
    ]
    sorts = json.loads(root["data-publist-sorts"])
    assert [sort["id"] for sort in sorts] == ["title", "-title", "year", "-year", "author"]
    assert [sort["label"] for sort in sorts] == [
        "Title",
        "Title, descending",
        "Year",
        "Year, descending",
        "Author",
    ]
    assert root["data-publist-sort"] == "-year"
    assert root["data-publist-label-no-results"] == "No Results Found"
    assert root["data-publist-label-count"] == "{count} publications"
    assert root["data-publist-label-tab-count"] == "{label} ({count})"


@pytest.mark.sphinx("html", testroot="interactive")
def test_without_script_every_entry_shows_and_no_control_exists(app) -> None:
    app.build()
    root = publist(html_of(app))
    assert entry_ids(root) == NEWEST_FIRST
    assert root.select("button, select, input, [role=tablist], [hidden]") == []


@pytest.mark.sphinx("html", testroot="interactive")
def test_tab_membership_follows_the_tab_filters(app) -> None:
    app.build()
    root = publist(html_of(app))
    members: dict[int, list[str]] = {0: [], 1: [], 2: []}
    for entry in root.select(".publist-entry"):
        for tab in entry["data-publist-tabs"].split():
            members[int(tab)].append(entry["id"])
    assert members == {
        0: NEWEST_FIRST,
        1: [key for key in NEWEST_FIRST if key in GOOGLE],
        2: [key for key in NEWEST_FIRST if key in OTHER],
    }


@pytest.mark.sphinx("html", testroot="interactive")
def test_ranks_give_the_python_sort_order_for_every_choice(app) -> None:
    app.build()
    root = publist(html_of(app))
    publications = pipeline.load([str(BIB)], pipeline.build_date()).publications
    for index, choice in enumerate(STANDARD_SORTS):
        assert choice.keys is not None
        expected = [pub.key for pub in sort_publications(publications, choice.keys)]
        assert order_by_rank(root, index) == expected, choice.id


@pytest.mark.sphinx("html", testroot="interactive")
def test_each_abstract_is_in_the_page_once(app) -> None:
    # The script searches the entries' own text, so the page does not carry a copy.
    app.build()
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert page.count("reinterpret a standard discriminative classifier") == 1
    assert "data-publist-search" not in page


@pytest.mark.sphinx("html", testroot="interactive")
def test_year_groups_follow_year_orders_and_flatten_for_others(app) -> None:
    app.build()
    root = publist(html_of(app, "grouped"))
    assert root["data-publist-controls"] == "sort search"
    modes = {sort["id"]: sort["groups"] for sort in json.loads(root["data-publist-sorts"])}
    assert modes == {
        "title": "flatten",
        "-title": "flatten",
        "year": "order",
        "-year": "order",
        "author": "flatten",
    }
    headings = [heading.get_text() for heading in root.select(".publist-group-heading")]
    assert headings == ["2022", "2021", "2020", "2019", "2018", "2017"]


@pytest.mark.sphinx("html", testroot="interactive")
def test_several_lists_on_a_page_have_their_own_ids_and_data(app) -> None:
    app.build()
    page = html_of(app, "several")
    recent, earlier = page.select(".publist")
    assert (recent["id"], earlier["id"]) == ("publist-1", "publist-2")
    assert recent["data-publist-controls"] == "tabs sort search"
    assert earlier["data-publist-controls"] == "sort search"
    assert "data-publist-tabs" not in earlier.attrs
    assert len(recent.select(".publist-entry")) == 6
    assert len(earlier.select(".publist-entry")) == 4


@pytest.mark.sphinx("html", testroot="interactive")
def test_lists_without_controls_carry_no_script_data(app) -> None:
    app.build()
    root = publist(html_of(app, "plain"))
    assert not [name for name in root.attrs if name.startswith("data-publist")]
    assert not root.select("[data-publist-ranks]")


@pytest.mark.sphinx(
    "html", testroot="interactive", confoverrides={"publist_controls": "sort, search"}
)
def test_site_wide_controls_default(app) -> None:
    app.build()
    assert publist(html_of(app, "plain"))["data-publist-controls"] == "sort search"
    assert publist(html_of(app))["data-publist-controls"] == "tabs sort search"


@pytest.mark.sphinx("html", testroot="interactive", confoverrides={"publist_controls": "filters"})
def test_a_bad_site_wide_default_falls_back_with_a_config_warning(app) -> None:
    app.build()
    assert "[publist.config]" in warnings_of(app)
    assert not publist(html_of(app, "plain")).get("data-publist-controls")


@pytest.mark.sphinx("html", testroot="interactive-errors")
def test_bad_controls_and_tabs_warn_and_the_list_still_renders(app) -> None:
    app.build()
    warnings = warnings_of(app)
    assert "index.rst:4: WARNING: :controls: takes tabs, sort, search, none" in warnings
    assert "[publist.option]" in warnings
    assert "bad :tabs:" in warnings
    assert "[publist.filter]" in warnings
    roots = html_of(app).select(".publist")
    assert [root["data-publist-controls"] for root in roots] == ["sort", "search"]
    assert all(len(root.select(".publist-entry")) == 3 for root in roots)


def _sections(text: str, headings: list[str]) -> list[str]:
    pattern = "|".join(re.escape(heading) for heading in headings)
    return re.split(pattern, text)[1:]


@pytest.mark.sphinx("text", testroot="interactive")
def test_text_output_shows_each_tab_as_a_headed_section(app) -> None:
    resolved: dict[str, nodes.document] = {}
    app.connect(
        "doctree-resolved", lambda app, doctree, docname: resolved.update({docname: doctree})
    )
    app.build()
    assert warnings_of(app) == ""
    output = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
    # "Authored Publications" lists every entry: the other two tabs partition them.
    assert [f"-[ {label} ]-" in output for label in TAB_LABELS] == [False, True, True]
    google, other = _sections(output, [f"-[ {label} ]-" for label in TAB_LABELS[1:]])
    assert output.count("Preview") == 0
    assert output.count("Abstract:") == 10
    assert google.count("Abstract:") == 6
    assert other.count("Abstract:") == 4
    assert "Graph Normalizing Flows" in other
    assert "Graph Normalizing Flows" not in google
    ids = [name for node in resolved["index"].findall(nodes.Element) for name in node["ids"]]
    assert len(ids) == len(set(ids))
    assert set(NEWEST_FIRST) <= set(ids)


@pytest.mark.sphinx("latex", testroot="interactive")
def test_latex_output_shows_each_tab_as_a_headed_section(app) -> None:
    app.build()
    assert warnings_of(app) == ""
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    headings = [rf"\subsubsection*{{{label}}}" for label in TAB_LABELS[1:]]
    google, other = _sections(tex, headings)
    assert "Graph Normalizing Flows" in other
    assert "Graph Normalizing Flows" not in google
