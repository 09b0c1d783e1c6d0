"""Facets, the chart's bars and the jump bar in built output: script data in HTML, nothing elsewhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp

from ..helpers import ROOTS, build, copy_root, html_of, location_of, publist_warnings, warnings_of

pytest.importorskip("myst_parser")

SITE = ROOTS / "test-facets"
# Year and type as each entry of test-facets/refs.bib has them, in display order (newest first).
ENTRIES = {
    "lovelace2021engines": ("2021", "article"),
    "lovelace2021notes": ("2021", "article"),
    "lovelace2021poetry": ("2021", "inproceedings"),
    "lovelace2020bernoulli": ("2020", "inproceedings"),
    "lovelace2019looms": ("2019", "article"),
    "lovelace2019sketch": ("2019", "book"),
    "lovelace2018music": ("2018", "inproceedings"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build(copy_root("facets", tmp_path_factory.mktemp("facets") / "src"))


def facets_of(publist: Tag) -> list[dict[str, object]]:
    return json.loads(str(publist["data-publist-facets"]))  # type: ignore[no-any-return]


def entry_values(publist: Tag) -> dict[str, dict[str, list[str]]]:
    """Each entry's values per facet, read back through the list's value table."""
    facets = facets_of(publist)
    result = {}
    for entry in publist.select(".publist-entry"):
        parts = str(entry["data-publist-facets"]).split(";")
        assert len(parts) == len(facets)
        result[str(entry["id"])] = {
            str(facet["id"]): [facet["values"][int(index)] for index in part.split()]  # type: ignore[index]
            for facet, part in zip(facets, parts, strict=True)
        }
    return result


def test_build_is_clean(built: SphinxTestApp) -> None:
    assert warnings_of(built) == ""


def test_facets_come_in_the_given_order_with_year_for_the_chart(built: SphinxTestApp) -> None:
    facets = facets_of(html_of(built).select_one(".publist"))  # type: ignore[arg-type]
    # year is not among :facets: but the chart's bars pick years: planned, not shown.
    assert [(facet["id"], facet["shown"]) for facet in facets] == [
        ("type", True),
        ("keyword", True),
        ("coauthor", True),
        ("year", False),
    ]
    by_id = {facet["id"]: facet for facet in facets}
    assert by_id["year"]["values"] == ["2021", "2020", "2019", "2018"]
    # Type headings' order and words; keywords most frequent first (ties alphabetically),
    # "History" and "history" one value spelt as first seen.
    assert by_id["type"]["values"] == ["article", "inproceedings", "book"]
    assert by_id["type"]["labels"] == ["Journal articles", "Conference papers", "Books"]
    assert by_id["keyword"]["values"] == [
        "engines",
        "google",
        "history",
        "music",
        "numbers",
        "poetry",
    ]
    # The highlighted author is no co-author of her own list.
    assert "Ada Lovelace" not in by_id["coauthor"]["values"]  # type: ignore[operator]
    assert by_id["coauthor"]["values"][0] == "Charles Babbage"


def test_each_entry_carries_its_own_values(built: SphinxTestApp) -> None:
    values = entry_values(html_of(built).select_one(".publist"))  # type: ignore[arg-type]
    assert list(values) == list(ENTRIES)
    for key, (year, entry_type) in ENTRIES.items():
        assert values[key]["year"] == [year]
        assert values[key]["type"] == [entry_type]
    assert values["lovelace2021notes"]["keyword"] == ["history"]
    assert values["lovelace2021poetry"]["coauthor"] == ["Charles Babbage", "Mary Somerville"]
    assert values["lovelace2019sketch"]["coauthor"] == []


def test_labels_for_chips_and_bars_reach_the_script(built: SphinxTestApp) -> None:
    publist = html_of(built).select_one(".publist")
    assert publist is not None
    assert publist["data-publist-label-facet-coauthor"] == "Co-author"
    assert publist["data-publist-label-chart-bar"] == "{year}: {count} publications"


def test_every_bar_has_a_count_for_the_script_to_redraw(built: SphinxTestApp) -> None:
    svg = html_of(built).select_one(".publist-chart-svg")
    assert svg is not None
    bars = svg.select("rect.publist-chart-bar")
    assert [bar["data-year"] for bar in bars] == ["2018", "2019", "2020", "2021"]
    counts = [bar.find_next_sibling("text") for bar in bars]
    assert [count.get_text() for count in counts if count] == ["1", "2", "1", "3"]
    assert all("publist-chart-count" in count["class"] for count in counts if count)


def test_grouped_list_links_to_each_group(built: SphinxTestApp) -> None:
    page = html_of(built, "grouped")
    jump = page.select_one(".publist > nav.publist-jump")
    assert jump is not None
    assert jump["aria-label"] == "Jump to"
    links = [(link.get_text(), str(link["href"])) for link in jump.select("li > a")]
    assert links == [
        ("2021", "#year-2021"),
        ("2020", "#year-2020"),
        ("2019", "#year-2019"),
        ("2018", "#year-2018"),
    ]
    for text, href in links:
        group = page.select_one(href)
        assert group is not None
        assert "publist-group" in group["class"]
        assert group.select_one(".publist-group-heading").get_text() == text  # type: ignore[union-attr]


def test_ungrouped_list_has_no_jump_bar(built: SphinxTestApp) -> None:
    assert html_of(built).select(".publist-jump") == []


def test_markdown_list_is_the_rst_list(built: SphinxTestApp) -> None:
    rst = html_of(built, "grouped").select_one("div.publist")
    markdown = html_of(built, "markdown").select_one("div.publist")
    assert markdown is not None
    assert facets_of(markdown) == facets_of(rst)  # type: ignore[arg-type]
    assert str(markdown) == str(rst)


def test_without_facets_or_controls_the_list_has_no_script_data(tmp_path: Path) -> None:
    source = copy_root("facets", tmp_path / "src")
    (source / "index.rst").write_text(
        "Plain\n=====\n\n.. publications:: refs.bib\n   :chart: year\n", encoding="utf-8"
    )
    for name in ("grouped.rst", "markdown.md"):
        (source / name).unlink()
    publist = html_of(build(source)).select_one(".publist")
    assert publist is not None
    assert not publist.has_attr("data-publist-facets")
    assert not publist.has_attr("data-publist-controls")


def test_unknown_facet_warns_once_at_the_directive_and_keeps_the_others(tmp_path: Path) -> None:
    source = copy_root("facets", tmp_path / "src")
    (source / "index.rst").write_text(
        "Bad\n===\n\n.. publications:: refs.bib\n   :facets: year, colour, type\n",
        encoding="utf-8",
    )
    for name in ("grouped.rst", "markdown.md"):
        (source / name).unlink()
    app = build(source)
    problems = publist_warnings(app, "option")
    assert len(problems) == 1
    assert "colour" in problems[0]
    assert location_of(problems[0]).endswith("index.rst:4")
    publist = html_of(app).select_one(".publist")
    assert publist is not None
    assert [facet["id"] for facet in facets_of(publist)] == ["year", "type"]
    assert len(publist.select(".publist-entry")) == len(ENTRIES)


@pytest.mark.parametrize(("builder", "suffix"), [("text", "txt"), ("latex", "tex")])
def test_other_builders_show_the_whole_list_and_no_chips(
    tmp_path: Path, builder: str, suffix: str
) -> None:
    app = build(copy_root("facets", tmp_path / "src"), builder)
    assert warnings_of(app) == ""
    written = "\n".join(
        path.read_text(encoding="utf-8") for path in Path(app.outdir).glob(f"*.{suffix}")
    )
    for label in ("Filter publications", "Clear filters", "Jump to", "Co-author", "(3)"):
        assert label not in written
    for title in ("Analytical Engines Revisited", "Music from Machines", "Poetical Science"):
        assert title in written


def test_html_without_script_is_the_whole_list(built: SphinxTestApp) -> None:
    page: BeautifulSoup = html_of(built)
    # Chips are made by the script: the built page has none, and hides no entry.
    assert page.select(".publist-chip, .publist-facets") == []
    assert not page.select(".publist-entry[hidden]")
    assert len(page.select(".publist-entry")) == len(ENTRIES)


def test_group_anchors_give_way_to_ids_taken_before(tmp_path: Path) -> None:
    source = copy_root("facets", tmp_path / "src")
    (source / "index.rst").write_text(
        "Taken\n=====\n\nYear 2021\n---------\n\n.. publications:: refs.bib\n"
        "   :group-by: year\n   :filter: year >= 2020\n",
        encoding="utf-8",
    )
    for name in ("grouped.rst", "markdown.md"):
        (source / name).unlink()
    page = html_of(build(source))
    assert page.select_one("section#year-2021") is not None
    links = [str(link["href"]) for link in page.select(".publist-jump a")]
    assert links == ["#year-2021-2", "#year-2020"]
    assert "publist-group" in page.select_one("#year-2021-2")["class"]  # type: ignore[index]


def test_one_group_needs_no_jump_bar(tmp_path: Path) -> None:
    source = copy_root("facets", tmp_path / "src")
    (source / "index.rst").write_text(
        "One\n===\n\n.. publications:: refs.bib\n   :group-by: year\n   :filter: year == 2021\n",
        encoding="utf-8",
    )
    for name in ("grouped.rst", "markdown.md"):
        (source / name).unlink()
    app = build(source)
    assert warnings_of(app) == ""
    page = html_of(app)
    assert page.select(".publist-jump") == []
    assert page.select_one(".publist-group#year-2021") is not None
