from __future__ import annotations

import pytest

from .conftest import html_of, warnings_of


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
