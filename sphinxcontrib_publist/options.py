"""Directive options: parsed and checked into a ``ListSpec``, bad values reported."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from docutils.parsers.rst import directives

from .bib.names import NAME_FORMATS, NameFormat, NameMatcher, author_pages
from .config import ABSTRACT_MODES, CHART_KINDS, DETAILS_MODES, PublistConfig, highlight_names
from .core.diagnostics import Diagnostic, PublistError, Subtype
from .core.numbers import whole_number
from .format.entry import FormatOptions
from .format.venue import VENUE_PARTS
from .nodes.extras import ExtrasSettings
from .select import Filter, SortKey, Tab, parse_filter, parse_sort, parse_tab_option
from .select.facets import parse_facets
from .select.interactive import parse_controls
from .select.members import PERSON_GROUPING, Member, member_named, members_of
from .select.merge import MERGE_MODES


def _option(name: str, default: Any, convert: Callable[[str], Any] = directives.unchanged) -> Any:
    """A ``ListSpec`` field set by the directive option ``name``."""
    return field(default=default, metadata={"option": name, "convert": convert})


@dataclass(frozen=True)
class ListSpec:
    """Everything one directive asks for, with defaults from the configuration."""

    bibfiles: tuple[str, ...]
    filter: Filter | None = _option("filter", None)
    keys: tuple[str, ...] | None = _option("keys", None)
    sort: tuple[SortKey, ...] = _option("sort", ())
    # Whether :sort: was given: :keys: lists keep their own order unless it is.
    sort_given: bool = False
    group_by: str = _option("group-by", "none")
    highlight: tuple[str, ...] = _option("highlight", ())
    # The member of publist_people whose entries the list shows, highlighted.
    person: Member | None = _option("person", None)
    omit: tuple[str, ...] = _option("omit-authors", ())
    abstracts: str = _option("abstracts", "collapsed")
    limit: int | None = _option("limit", None)
    # HTML: entries per page; the other pages are real pages the script also loads.
    per_page: int | None = _option("per-page", None)
    style: str = _option("style", "default")
    name_format: NameFormat = _option("name-format", "first-last")
    venue_parts: tuple[str, ...] = _option("venue-parts", VENUE_PARTS)
    details: str = _option("details", "none")
    chart: str = _option("chart", "none")
    bibtex: bool = _option("bibtex", False)
    download_bib: bool = _option("download-bib", False)
    feed: int | None = _option("feed", None)
    max_authors: int | None = _option("max-authors", None)
    controls: tuple[str, ...] = _option("controls", ())
    tabs: tuple[Tab, ...] = _option("tabs", ())
    facets: tuple[str, ...] = _option("facets", ())
    classes: tuple[str, ...] = _option("class", (), directives.class_option)
    merge: str = _option("merge", "versions")

    def format_options(
        self, config: PublistConfig, member_links: Mapping[str, str] | None = None
    ) -> FormatOptions:
        """How the list's style writes each entry; ``member_links`` come before author links."""
        links = dict(member_links or {})
        links.update((name, url) for name, url in config.author_links.items() if name not in links)
        return FormatOptions(
            highlight=NameMatcher(self.highlight),
            omit=NameMatcher(self.omit),
            name_format=self.name_format,
            abstracts=self.abstracts != "hidden",
            author_links=author_pages(links),
            venue_parts=self.venue_parts,
        )

    def extras_settings(self, config: PublistConfig) -> ExtrasSettings:
        """What the list's entries show beside their formatted parts."""
        return ExtrasSettings(
            link_fields=config.link_fields,
            citation_field=config.citation_field,
            bibtex=self.bibtex,
            bibtex_fields=config.bibtex_fields,
            bibtex_exclude=config.bibtex_exclude,
            max_authors=self.max_authors,
        )


OPTION_SPEC: dict[str, Callable[[str], Any]] = {
    item.metadata["option"]: item.metadata["convert"]
    for item in fields(ListSpec)
    if "option" in item.metadata
}
"""The directive's options, one per ``ListSpec`` field that an option sets."""


def _names(value: str) -> tuple[str, ...]:
    # Names contain commas ("Swersky, Kevin"), so several are separated by ";" or newlines.
    parts = value.replace("\n", ";").split(";")
    return tuple(part.strip() for part in parts if part.strip())


def _words(value: str) -> tuple[str, ...]:
    return tuple(part for part in value.replace(",", " ").split() if part)


class _Collector:
    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []

    def bad(self, message: str, subtype: Subtype = Subtype.OPTION) -> None:
        self.diagnostics.append(Diagnostic(message, subtype))

    def choice(self, name: str, value: str | None, choices: tuple[str, ...], default: str) -> str:
        if value is None:
            return default
        cleaned = value.strip().lower()
        if cleaned in choices:
            return cleaned
        allowed = ", ".join(choices)
        self.bad(f":{name}: must be one of {allowed}, not {value!r}; using {default!r}")
        return default


def parse_options(
    arguments: tuple[str, ...],
    options: Mapping[str, Any],
    config: PublistConfig,
    style_exists: Callable[[str], bool],
) -> tuple[ListSpec, list[Diagnostic]]:
    """Check every option, falling back to the configured default on a bad value."""
    collect = _Collector()
    tabs, tab_problems = parse_tab_option(options.get("tabs"))
    controls, control_problems = parse_controls(
        options.get("controls"), config.controls, has_tabs=bool(tabs)
    )
    facets, facet_problems = parse_facets(options.get("facets"))
    collect.diagnostics += [*tab_problems, *control_problems, *facet_problems]
    classes: Sequence[str] = options.get("class", ())
    person = _person(options.get("person"), config, collect)
    group_by = (options.get("group-by") or config.group_by).strip().lower() or "none"
    if group_by == PERSON_GROUPING and not config.people:
        collect.bad(":group-by: person needs publist_people; the list is not grouped")
        group_by = "none"
    spec = ListSpec(
        bibfiles=arguments or config.bibfiles,
        filter=_filter(options.get("filter"), collect),
        keys=_words(options["keys"] or "") if "keys" in options else None,
        sort=_sort(options.get("sort"), config.sort, collect),
        sort_given="sort" in options,
        group_by=group_by,
        highlight=(
            _names(options.get("highlight") or "")
            + tuple(highlight_names(config.highlight_authors))
            + (person.spellings if person else ())
        ),
        person=person,
        omit=_names(options.get("omit-authors") or "") + tuple(config.omit_authors),
        abstracts=collect.choice(
            "abstracts", options.get("abstracts"), ABSTRACT_MODES, config.abstracts
        ),
        limit=_count("limit", options.get("limit"), 0, collect, "no limit"),
        per_page=_count("per-page", options.get("per-page"), 1, collect, "one page"),
        style=_style(options.get("style"), config.style, style_exists, collect),
        name_format=collect.choice(  # type: ignore[arg-type]
            "name-format", options.get("name-format"), NAME_FORMATS, config.name_format
        ),
        venue_parts=_venue_parts(options.get("venue-parts"), config.venue_parts, collect),
        details=collect.choice("details", options.get("details"), DETAILS_MODES, config.details),
        chart=collect.choice("chart", options.get("chart"), CHART_KINDS, config.chart),
        bibtex=_flag("bibtex", options, config.bibtex, collect),
        download_bib=_flag("download-bib", options, config.download_bib, collect),
        feed=_count("feed", options.get("feed"), 1, collect, "no feed"),
        max_authors=_max_authors(options.get("max-authors"), config.max_authors, collect),
        controls=controls,
        tabs=tabs,
        facets=facets,
        classes=tuple(classes),
        merge=collect.choice("merge", options.get("merge"), MERGE_MODES, "versions"),
    )
    return spec, collect.diagnostics


def _person(value: str | None, config: PublistConfig, collect: _Collector) -> Member | None:
    if value is None or not value.strip():
        return None
    member = member_named(members_of(config.people), value)
    if member is None:
        collect.bad(f":person: {value.strip()!r} is not in publist_people; the name alone is used")
        return Member(" ".join(value.split()))
    return member


def _filter(value: str | None, collect: _Collector) -> Filter | None:
    if not value or not value.strip():
        return None
    try:
        return parse_filter(value)
    except PublistError as error:
        collect.bad(f"bad :filter: {value!r}: {error}; the filter is ignored", Subtype.FILTER)
        return None


def _sort(value: str | None, default: str, collect: _Collector) -> tuple[SortKey, ...]:
    if value is not None:
        try:
            return parse_sort(value)
        except PublistError as error:
            collect.bad(f"bad :sort: {value!r}: {error}; using {default!r}")
    try:
        return parse_sort(default)
    except PublistError:
        return parse_sort("")


def _count(
    name: str, value: str | None, least: int, collect: _Collector, fallback: str
) -> int | None:
    """A whole number of at least ``least`` given to ``:name:``; None (``fallback``) if bad."""
    if value is None:
        return None
    number = whole_number(value)
    if number is None or number < least:
        collect.bad(
            f":{name}: must be a whole number of at least {least}, not {value!r}; {fallback}"
        )
        return None
    return number


FLAG_VALUES = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}


def _flag(name: str, options: Mapping[str, str | None], default: bool, collect: _Collector) -> bool:
    if name not in options:
        return default
    # A bare ":bibtex:" switches the feature on.
    value = (options[name] or "true").strip().lower()
    if value in FLAG_VALUES:
        return FLAG_VALUES[value]
    collect.bad(f":{name}: must be true or false, not {options[name]!r}; using {default}")
    return default


def _max_authors(value: str | None, default: int | None, collect: _Collector) -> int | None:
    if value is None:
        return default
    cleaned = value.strip().lower()
    if cleaned in ("", "all", "none"):
        return None
    count = whole_number(cleaned) if cleaned.isdecimal() else None
    if count is not None and count > 0:
        return count
    collect.bad(
        f":max-authors: must be a whole number of at least 1, not {value!r}; using {default}"
    )
    return default


def _venue_parts(
    value: str | None, default: tuple[str, ...], collect: _Collector
) -> tuple[str, ...]:
    if value is None:
        return default
    parts = _words(value)
    unknown = [part for part in parts if part not in VENUE_PARTS]
    if not unknown:
        return parts
    allowed = ", ".join(VENUE_PARTS)
    collect.bad(f":venue-parts: {', '.join(unknown)} not among {allowed}; using the others")
    return tuple(part for part in parts if part in VENUE_PARTS)


def _style(
    value: str | None, default: str, exists: Callable[[str], bool], collect: _Collector
) -> str:
    name = (value or default).strip()
    if name == "default" or exists(name):
        return name
    collect.bad(f"unknown :style: {name!r}; using the default style")
    return "default"
