"""The directive end to end on the basic root: entries, their order and parts, site search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from ..helpers import html_of, warnings_of


@pytest.mark.sphinx("html", testroot="basic")
def test_basic_list_renders_every_entry_newest_first(app) -> None:
    app.build()
    page = html_of(app)
    entries = page.select(".publist .publist-entry")
    assert [entry["id"] for entry in entries] == [
        "kumar2022prime",
        "untitled2021",
        "grathwohl2020jem",
        "creager2019flexibly",
    ]
    first = entries[0]
    assert first.select_one(".publist-title").get_text() == (
        "Data-Driven Offline Optimization for Architecting Hardware Accelerators"
    )
    authors = first.select_one(".publist-authors").get_text().split(", ")
    assert "Kevin Swersky" not in authors
    assert authors[0] == "Aviral Kumar"
    assert first.select_one(".publist-status").get_text() == "(to appear)"
    details = first.select_one("details.publist-abstract")
    assert details.summary.get_text() == "Preview abstract"
    assert "missing-field" in warnings_of(app)


def _search_terms(app: SphinxTestApp) -> set[str]:
    script = (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(script[script.index("(") + 1 : script.rindex(")")])
    return set(index["terms"])


@pytest.mark.sphinx("html", testroot="basic")
def test_site_search_finds_entries_by_title_author_venue_and_abstract(app) -> None:
    app.build()
    terms = _search_terms(app)
    # Stemmed as Sphinx stems them: "accelerators", "Yazdanbakhsh", "simulation".
    assert {"acceler", "yazdanbakhsh", "represent", "simul"} <= terms
    # The omitted author is not shown, so not indexed either.
    assert "swerski" not in terms
