"""One list's doctree: unique anchors, groups of pending entries, download, chart, controls."""

from __future__ import annotations

from dataclasses import replace

import pytest
from docutils import nodes

from sphinxcontrib_publist.bib.links import DEFAULT_LINK_FIELDS
from sphinxcontrib_publist.format.default_style import format_default
from sphinxcontrib_publist.nodes.elements import (
    publist_chart,
    publist_download,
    publist_group,
    publist_list,
    publist_pending,
)
from sphinxcontrib_publist.nodes.extras import ExtrasSettings
from sphinxcontrib_publist.nodes.list import EXPORTS_ATTRIBUTE, ListContent, publication_list
from sphinxcontrib_publist.select import group_publications, parse_sort, sort_publications
from sphinxcontrib_publist.select.interactive import plan_interactive

from ..samples import SAMPLES, format_options

OPTIONS = format_options()
EXTRAS = ExtrasSettings(
    link_fields=DEFAULT_LINK_FIELDS,
    citation_field=None,
    bibtex=False,
    bibtex_fields=None,
    bibtex_exclude=(),
    max_authors=None,
)
NEWEST_FIRST = sort_publications(SAMPLES, parse_sort("-year, title"))


def content(group_by: str = "none", **changes: object) -> ListContent:
    groups = group_publications(NEWEST_FIRST, group_by)
    shown = [pub for group in groups for pub in group.publications]
    base = ListContent(
        docname="index",
        groups=groups,
        formatted={pub.key: format_default(pub, OPTIONS) for pub in shown},
        extras=EXTRAS,
        abstracts="collapsed",
    )
    return replace(base, **changes)


def no_local_files(url: str, bib_path: str) -> None:
    return None


def list_node(
    list_content: ListContent, taken: set[str] | None = None, list_id: str = ""
) -> publist_list:
    root, _ = publication_list(list_content, no_local_files, taken or set(), list_id)
    return root


def pending_ids(root: nodes.Element) -> list[str]:
    return [pending["ids"][0] for pending in root.findall(publist_pending)]


def test_an_ungrouped_list_is_one_group_of_pending_entries() -> None:
    root = list_node(content(classes=("compact",)))
    assert root["classes"] == ["compact"]
    (group,) = root.children
    assert isinstance(group, publist_group)
    assert group["data"] == {}
    (items,) = group.children
    assert isinstance(items, nodes.bullet_list)
    assert items["classes"] == ["publist-entries"]
    assert pending_ids(root) == [pub.key for pub in NEWEST_FIRST]
    pending = next(root.findall(publist_pending))
    assert pending["entry"] == format_default(NEWEST_FIRST[0], OPTIONS)
    assert (pending["extra"].anchor, pending["abstracts"]) == ("muller2020", "collapsed")


def test_groups_are_headed_by_rubrics_in_order() -> None:
    root = list_node(content("year"))
    groups = list(root.findall(publist_group))
    assert [group["data"] for group in groups] == [
        {"group": "2020"},
        {"group": "2019"},
        {"group": "2018"},
        {"group": "2012"},
        {"group": ""},
    ]
    headings = [rubric.astext() for rubric in root.findall(nodes.rubric)]
    assert headings == ["2020", "2019", "2018", "2012", "Undated"]
    assert [len(list(group.findall(publist_pending))) for group in groups] == [1, 1, 1, 1, 1]
    # Rubrics, not sections: the page's table of contents gains nothing.
    assert list(root.findall(nodes.section)) == []


def test_anchors_avoid_the_ids_the_document_has() -> None:
    root = list_node(content(), taken={"muller2020", "cruz2018"})
    assert pending_ids(root)[0] == "muller2020-2"
    assert "cruz2018-2" in pending_ids(root)


def test_an_empty_list_says_so() -> None:
    root = list_node(content(groups=[], formatted={}, download="@misc{x}\n", chart="year"))
    (message,) = root.children
    assert isinstance(message, nodes.paragraph)
    assert (message["classes"], message.astext()) == (["publist-empty"], "No publications found.")


def test_download_and_chart_come_first() -> None:
    root = list_node(content(download=True, chart="year", feed=3))
    chart, download = root.children[:2]
    assert isinstance(chart, publist_chart)
    assert chart["counts"] == [[2012, 1]] + [[year, 0] for year in range(2013, 2018)] + [
        [2018, 1],
        [2019, 1],
        [2020, 1],
    ]
    assert isinstance(download, publist_download)
    # The files are written from the entries the list keeps, in the order shown.
    assert [publication.key for publication in root[EXPORTS_ATTRIBUTE]] == [
        pending["entry"].key for pending in root.findall(publist_pending)
    ]
    assert root["feed"] == 3


def test_a_list_without_download_or_feed_still_keeps_its_entries_for_the_head_links() -> None:
    root = list_node(content())
    assert not list(root.findall(publist_download))
    assert "feed" not in root
    assert len(root[EXPORTS_ATTRIBUTE]) == len(list(root.findall(publist_pending)))


def test_an_interactive_list_gets_its_id_and_script_data() -> None:
    plan = plan_interactive(NEWEST_FIRST, ("sort", "search"), (), "none")
    root = list_node(content(interactive=plan), taken={"publist-1"}, list_id="publist-1")
    assert root["ids"] == ["publist-1-2"]
    assert root["data"]["controls"] == "sort search"
    assert root["tab_sections"] == []
    ranks = [pending["extra"].ranks for pending in root.findall(publist_pending)]
    assert ranks == list(plan.ranks)


@pytest.mark.parametrize(("mode", "paged"), [("none", False), ("link", False), ("pages", True)])
def test_details_pages_are_recorded_for_pages_mode_only(mode: str, paged: bool) -> None:
    root, pages = publication_list(content(details=mode), no_local_files, set(), "")
    assert [page.key for page in pages] == ([pub.key for pub in NEWEST_FIRST] if paged else [])
    anchors = [pending["ids"][0] for pending in root.findall(publist_pending)]
    assert [page.anchor for page in pages] == (anchors if paged else [])
