"""Configuration values in a build: bad ones fall back with a warning, good ones take effect."""

from __future__ import annotations

import pytest

from ..helpers import html_of, warnings_of


@pytest.mark.sphinx(
    "html",
    testroot="basic",
    confoverrides={
        "publist_bibtex": ["yes"],
        "publist_max_authors": 0,
        "publist_link_fields": ["pdf"],
        "publist_author_links": {"Kevin Swersky": 3},
        "publist_citation_field": 7,
        "publist_bibtex_fields": "title",
        "publist_venue_parts": ["venue", "pages"],
    },
)
def test_bad_config_values_fall_back_to_defaults(app) -> None:
    app.build()
    warnings = warnings_of(app)
    for name in (
        "publist_bibtex",
        "publist_max_authors",
        "publist_link_fields",
        "publist_author_links",
        "publist_citation_field",
        "publist_bibtex_fields",
        "publist_venue_parts",
    ):
        assert f"for {name}; using the default" in warnings
    page = html_of(app)
    assert page.select(".publist-bibtex") == []
    assert page.select(".publist-entry")


@pytest.mark.sphinx(
    "html",
    testroot="basic",
    confoverrides={
        "publist_bibtex": True,
        "publist_bibtex_fields": ["title", "year", "abstract"],
        "publist_bibtex_exclude": ["abstract"],
        "publist_link_fields": {"url": "Paper"},
    },
)
def test_site_wide_bibtex_fields_and_link_labels(app) -> None:
    app.build()
    page = html_of(app)
    block = page.select_one("#grathwohl2020jem details.publist-bibtex pre").get_text()
    assert [line.split("=")[0].strip() for line in block.splitlines()[1:-1]] == ["title", "year"]
    link = page.select_one("#grathwohl2020jem .publist-link-url")
    assert (link.get_text(), link["href"]) == (
        "Paper",
        "https://openreview.net/forum?id=Hkxzx0NtDB",
    )
    assert len(page.select("details.publist-bibtex")) == len(page.select(".publist-entry"))
