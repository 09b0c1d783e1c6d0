from __future__ import annotations

import pytest

from sphinxcontrib_publist.config import PublistConfig
from sphinxcontrib_publist.options import parse_options

from .conftest import html_of, warnings_of


def parse(options: dict[str, str | None], **config: object):
    return parse_options(("refs.bib",), options, PublistConfig(**config), lambda name: True)


@pytest.mark.parametrize(
    ("options", "config", "expected"),
    [
        ({}, {}, (False, False, None)),
        ({}, {"bibtex": True, "download_bib": True, "max_authors": 5}, (True, True, 5)),
        ({"bibtex": None, "download-bib": ""}, {}, (True, True, None)),
        ({"bibtex": "false", "download-bib": "no"}, {"bibtex": True}, (False, False, None)),
        ({"bibtex": "Yes", "download-bib": "ON"}, {}, (True, True, None)),
        ({"max-authors": "3"}, {"max_authors": 5}, (False, False, 3)),
        ({"max-authors": "all"}, {"max_authors": 5}, (False, False, None)),
    ],
)
def test_feature_options(options, config, expected) -> None:
    spec, problems = parse(options, **config)
    assert (spec.bibtex, spec.download_bib, spec.max_authors) == expected
    assert problems == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"bibtex": "maybe"}, ":bibtex: must be true or false"),
        ({"download-bib": "2"}, ":download-bib: must be true or false"),
        ({"max-authors": "0"}, ":max-authors: must be a whole number"),
        ({"max-authors": "-2"}, ":max-authors: must be a whole number"),
        ({"max-authors": "three"}, ":max-authors: must be a whole number"),
    ],
)
def test_bad_feature_options_fall_back_with_a_warning(options, message) -> None:
    spec, problems = parse(options, bibtex=True, max_authors=4)
    assert [problem.message.startswith(message) for problem in problems] == [True]
    assert (spec.bibtex, spec.max_authors) == (True, 4)


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
