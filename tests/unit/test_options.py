"""Directive options to a ``ListSpec``: good values taken, bad ones reported with a fallback."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist.bib.model import Person
from sphinxcontrib_publist.config import PublistConfig
from sphinxcontrib_publist.core.diagnostics import Subtype
from sphinxcontrib_publist.options import ListSpec, parse_options
from sphinxcontrib_publist.select import SortKey, parse_filter


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


# Every option: its good values and what a bad one falls back to.

KNOWN_STYLES = ("plain", "alpha")


def spec_of(
    options: dict[str, object], arguments: tuple[str, ...] = ("refs.bib",), **config: object
) -> tuple[ListSpec, list[tuple[Subtype, str]]]:
    spec, problems = parse_options(
        arguments, options, PublistConfig(**config), KNOWN_STYLES.__contains__
    )
    assert all(problem.source is None for problem in problems)
    return spec, [(problem.subtype, problem.message) for problem in problems]


DEFAULT_SORT = (SortKey("year", True), SortKey("title"))

GOOD_VALUES = [
    # option, value, ListSpec attribute, its value
    ("filter", "year > 2000", "filter", parse_filter("year > 2000")),
    ("filter", "   ", "filter", None),
    ("keys", "a, b  c", "keys", ("a", "b", "c")),
    ("keys", None, "keys", ()),
    ("sort", "title", "sort", (SortKey("title"),)),
    ("sort", " - year ,author", "sort", (SortKey("year", True), SortKey("author"))),
    ("group-by", " Year ", "group_by", "year"),
    ("group-by", "", "group_by", "none"),
    ("group-by", "publisher", "group_by", "publisher"),
    ("highlight", "Swersky, Kevin; Ada Lovelace\nGrace Hopper", "highlight",
     ("Swersky, Kevin", "Ada Lovelace", "Grace Hopper")),
    ("omit-authors", "Ada Lovelace;", "omit", ("Ada Lovelace",)),
    ("abstracts", "Expanded", "abstracts", "expanded"),
    ("abstracts", "hidden", "abstracts", "hidden"),
    ("limit", "3", "limit", 3),
    ("limit", " 0 ", "limit", 0),
    ("feed", "20", "feed", 20),
    ("style", "plain", "style", "plain"),
    ("style", " alpha ", "style", "alpha"),
    ("style", "default", "style", "default"),
    ("name-format", "INITIALS-LAST", "name_format", "initials-last"),
    ("details", "pages", "details", "pages"),
    ("details", "link", "details", "link"),
    ("chart", "year", "chart", "year"),
    ("controls", "search, sort", "controls", ("sort", "search")),
    ("controls", "none", "controls", ()),
    ("class", ["compact", "wide"], "classes", ("compact", "wide")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("option", "value", "attribute", "expected"),
    GOOD_VALUES,
    ids=[f"{case[0]}={case[1]!r}" for case in GOOD_VALUES],
)
def test_a_good_value_is_taken(
    option: str, value: object, attribute: str, expected: object
) -> None:
    spec, problems = spec_of({option: value})
    assert getattr(spec, attribute) == expected
    assert problems == []


BAD_VALUES = [
    # option, value, ListSpec attribute, its fallback, the problem's subtype and message
    ("filter", "year >", "filter", None, Subtype.FILTER,
     ("bad :filter: 'year >': expected a quoted string or a number but found end of expression "
     "(at character 7); the filter is ignored")),
    ("sort", "-", "sort", DEFAULT_SORT, Subtype.OPTION,
     "bad :sort: '-': invalid sort key \"-\" (at character 1); using '-year, title'"),
    ("abstracts", "folded", "abstracts", "collapsed", Subtype.OPTION,
     ":abstracts: must be one of collapsed, expanded, hidden, not 'folded'; using 'collapsed'"),
    ("limit", "-1", "limit", None, Subtype.OPTION,
     ":limit: must be a whole number of at least 0, not '-1'; no limit"),
    ("limit", "many", "limit", None, Subtype.OPTION,
     ":limit: must be a whole number of at least 0, not 'many'; no limit"),
    ("feed", "0", "feed", None, Subtype.OPTION,
     ":feed: must be a whole number of at least 1, not '0'; no feed"),
    ("feed", "ten", "feed", None, Subtype.OPTION,
     ":feed: must be a whole number of at least 1, not 'ten'; no feed"),
    ("limit", "9" * 5000, "limit", None, Subtype.OPTION,
     f":limit: must be a whole number of at least 0, not {'9' * 5000!r}; no limit"),
    ("style", "nosuch", "style", "default", Subtype.OPTION,
     "unknown :style: 'nosuch'; using the default style"),
    ("name-format", "shouty", "name_format", "first-last", Subtype.OPTION,
     (":name-format: must be one of first-last, initials-last, last-initials, not 'shouty'; "
     "using 'first-last'")),
    ("details", "all", "details", "none", Subtype.OPTION,
     ":details: must be one of none, link, pages, not 'all'; using 'none'"),
    ("chart", "pie", "chart", "none", Subtype.OPTION,
     ":chart: must be one of none, year, not 'pie'; using 'none'"),
    ("controls", "sort, filters", "controls", ("sort",), Subtype.OPTION,
     ":controls: takes tabs, sort, search, none; ignoring filters"),
    ("controls", "tabs", "controls", (), Subtype.OPTION,
     ":controls: tabs needs :tabs:; no tabs shown"),
    ("tabs", "no colon here", "tabs", (), Subtype.FILTER,
     ('bad :tabs: definition, line 1: expected "Label: expression" (at character 1); '
     "no tabs shown")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("option", "value", "attribute", "fallback", "subtype", "message"),
    BAD_VALUES,
    ids=[f"{case[0]}={case[1][:20]!r}" for case in BAD_VALUES],
)
def test_a_bad_value_falls_back_with_one_problem(
    option: str,
    value: str,
    attribute: str,
    fallback: object,
    subtype: Subtype,
    message: str,
) -> None:
    spec, problems = spec_of({option: value})
    assert getattr(spec, attribute) == fallback
    assert problems == [(subtype, message)]


def test_without_options_every_value_is_the_configured_default() -> None:
    spec, problems = spec_of({})
    assert problems == []
    assert spec == ListSpec(
        bibfiles=("refs.bib",),
        filter=None,
        keys=None,
        sort=DEFAULT_SORT,
        sort_given=False,
        group_by="none",
        highlight=(),
        omit=(),
        abstracts="collapsed",
        limit=None,
        style="default",
        name_format="first-last",
    )


def test_the_configuration_supplies_the_defaults() -> None:
    spec, problems = spec_of(
        {},
        arguments=(),
        bibfiles=("a.bib", "b.bib"),
        sort="title",
        group_by="Type",
        abstracts="hidden",
        style="plain",
        name_format="last-initials",
        details="link",
        chart="year",
        controls="sort search",
        highlight_authors={"Kevin Swersky": ["K. Swersky"]},
        omit_authors=("Kevin Swersky",),
    )
    assert problems == []
    assert (spec.bibfiles, spec.sort, spec.sort_given, spec.group_by) == (
        ("a.bib", "b.bib"),
        (SortKey("title"),),
        False,
        "type",
    )
    assert (spec.abstracts, spec.style, spec.name_format, spec.details, spec.chart) == (
        "hidden",
        "plain",
        "last-initials",
        "link",
        "year",
    )
    assert spec.controls == ("sort", "search")
    # The canonical name and each of its spellings.
    assert spec.highlight == ("Kevin Swersky", "K. Swersky")
    assert spec.omit == ("Kevin Swersky",)


def test_the_directives_names_come_before_the_sites() -> None:
    spec, _ = spec_of(
        {"highlight": "Ada Lovelace", "omit-authors": "Charles Babbage"},
        highlight_authors=["Kevin Swersky"],
        omit_authors=("Grace Hopper",),
    )
    assert spec.highlight == ("Ada Lovelace", "Kevin Swersky")
    assert spec.omit == ("Charles Babbage", "Grace Hopper")


def test_the_arguments_win_over_the_configured_files() -> None:
    spec, _ = spec_of({}, arguments=("mine.bib",), bibfiles=("site.bib",))
    assert spec.bibfiles == ("mine.bib",)


def test_a_bad_sort_falls_back_to_the_configured_one() -> None:
    spec, problems = spec_of({"sort": "year,,title"}, sort="-title")
    assert spec.sort == (SortKey("title", True),)
    assert spec.sort_given is True
    assert problems == [
        (
            Subtype.OPTION,
            "bad :sort: 'year,,title': empty sort key (at character 6); using '-title'",
        )
    ]


def test_several_bad_options_give_one_problem_each() -> None:
    _, problems = spec_of({"limit": "x", "chart": "pie", "filter": "(", "tabs": ": all"})
    assert sorted(subtype.value for subtype, _ in problems) == [
        "filter",
        "filter",
        "option",
        "option",
    ]


def test_tabs_bring_the_tab_bar() -> None:
    spec, problems = spec_of({"tabs": "All: all\nRecent: year > 2020", "controls": "sort"})
    assert problems == []
    assert [tab.label for tab in spec.tabs] == ["All", "Recent"]
    assert spec.controls == ("tabs", "sort")


def test_the_spec_gives_the_lists_format_options_and_extras() -> None:
    config = PublistConfig(
        author_links={"Ada Lovelace": "https://example.org/ada", "Eve": "javascript:x"},
        citation_field="citations",
        bibtex_fields=("title",),
    )
    spec, _ = parse_options(
        ("refs.bib",),
        {"highlight": "Ada Lovelace", "abstracts": "hidden", "bibtex": "yes", "max-authors": "2"},
        config,
        KNOWN_STYLES.__contains__,
    )
    lovelace, eve = Person(first="Ada", last="Lovelace"), Person(last="Eve")
    options = spec.format_options(config)
    assert options.highlight.matches(lovelace)
    assert not options.omit
    assert options.abstracts is False
    assert options.author_links is not None
    assert options.author_links.get(lovelace) == "https://example.org/ada"
    assert options.author_links.get(eve) is None
    extras = spec.extras_settings(config)
    assert (extras.bibtex, extras.max_authors, extras.citation_field) == (True, 2, "citations")
    assert extras.bibtex_fields == ("title",)
    assert extras.link_fields == config.link_fields


@pytest.mark.parametrize(
    ("value", "config", "expected"),
    [
        (
            None,
            {},
            ("type", "edition", "venue", "volume", "chapter", "number", "publisher", "eprint"),
        ),
        (None, {"venue_parts": ("venue",)}, ("venue",)),
        ("type, venue", {"venue_parts": ("venue",)}, ("type", "venue")),
        ("", {}, ()),
    ],
)
def test_venue_parts(value, config, expected) -> None:
    spec, problems = parse({} if value is None else {"venue-parts": value}, **config)
    assert tuple(spec.format_options(PublistConfig(**config)).venue_parts) == expected
    assert problems == []


def test_an_unknown_venue_part_is_reported_and_the_others_kept() -> None:
    spec, problems = parse({"venue-parts": "venue pages year"})
    assert spec.venue_parts == ("venue",)
    (problem,) = problems
    assert problem.subtype is Subtype.OPTION
    assert problem.message.startswith(":venue-parts: pages, year not among type, edition, venue")
