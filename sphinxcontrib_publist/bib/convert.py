"""Model stage: turn parsed pybtex entries into frozen ``Publication`` records."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from pybtex.database import Entry

from ..core.diagnostics import Diagnostic, Subtype
from ..core.richtext import EMPTY, RichText, plain_text, text
from ..core.urls import doi_url, has_space, safe_url
from .dates import date_parts, is_forthcoming, visible_year, year_says_forthcoming
from .dblp import as_published, without_noise
from .field_text import field_to_rich
from .journals import journal_source
from .latex import Conversion
from .links import DEFAULT_LINK_FIELDS, link_problems
from .model import Person, Publication, eprint_label
from .people import OTHERS, NameList, annotation_marks, parse_person, split_names, with_marks
from .reader import SourcedEntry

URL_SEPARATOR = re.compile(r"\s*;\s*|\s+")
WEB_URL = re.compile(r"https?://\S", re.IGNORECASE)
VENUE_FIELDS = (
    "journaltitle",
    "journal",
    "booktitle",
    "eventtitle",
    "school",
    "institution",
    "organization",
    "publisher",
    "howpublished",
)
PERSON_ROLES = ("author", "editor")
# biblatex's inheritance: a parent's title is the child's booktitle.
CROSSREF_RENAMES = {"title": "booktitle"}
NOT_INHERITED = frozenset({"ids", "crossref", "xref", "key", "abstract", "keywords"})

_RichGetter = Callable[[str], RichText]


# An entry's conversion, reusable while its fingerprint is unchanged.
Converted = tuple[Publication, tuple[Diagnostic, ...]]


def build_publications(
    entries: Iterable[SourcedEntry],
    today: dt.date,
    link_fields: Iterable[str] = tuple(DEFAULT_LINK_FIELDS),
    previous: Mapping[bytes, Converted] | None = None,
    converted: dict[bytes, Converted] | None = None,
) -> tuple[list[Publication], list[Diagnostic]]:
    """Convert every entry; problems become diagnostics, never exceptions.

    ``link_fields`` are the fields shown as links, checked here for unsafe URLs;
    ``url`` is checked with the title link already. An entry whose fingerprint
    is in ``previous`` (an earlier build's ``converted``) is reused, not converted
    again; every entry's conversion is put in ``converted`` for the next build.
    """
    checked_links = [name for name in link_fields if name.lower() != "url"]
    seed = f"{today.isoformat()}\0{checked_links!r}"
    sourced = list(entries)
    by_key = _crossref_targets(sourced)
    publications: list[Publication] = []
    diagnostics: list[Diagnostic] = []
    for item in sourced:
        raw_fields, problems = _resolve_crossref(item, by_key)
        diagnostics.extend(problems)
        fingerprint = _fingerprint(seed, item, raw_fields)
        reused = previous.get(fingerprint) if previous else None
        if reused is None:
            publication, entry_problems = build_publication(item, raw_fields, today)
            entry_problems.extend(link_problems(publication, checked_links))
            reused = (publication, tuple(entry_problems))
        publication, entry_diagnostics = _at_line(reused, item.line)
        if converted is not None:
            converted[fingerprint] = (publication, entry_diagnostics)
        publications.append(publication)
        diagnostics.extend(entry_diagnostics)
    return publications, diagnostics


def _fingerprint(seed: str, item: SourcedEntry, raw_fields: Mapping[str, str]) -> bytes:
    # Everything a conversion depends on but the line, which moves when lines are added above.
    content = repr((seed, item.source, item.key, item.entry.type, sorted(raw_fields.items())))
    return hashlib.blake2b(content.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _at_line(converted: Converted, line: int | None) -> Converted:
    publication, diagnostics = converted
    if publication.line == line:
        return converted
    moved = tuple(
        replace(diagnostic, line=line) if diagnostic.line == publication.line else diagnostic
        for diagnostic in diagnostics
    )
    return replace(publication, line=line), moved


def _crossref_targets(sourced: Iterable[SourcedEntry]) -> dict[str, SourcedEntry]:
    """Entries by lowercased key, and by their biblatex ``ids`` aliases where no key clashes."""
    targets: dict[str, SourcedEntry] = {}
    for item in sourced:
        for alias in item.entry.fields.get("ids", "").split(","):
            if alias.strip():
                targets.setdefault(alias.strip().lower(), item)
    targets.update((item.key.lower(), item) for item in sourced)
    return targets


def _resolve_crossref(
    item: SourcedEntry, by_key: Mapping[str, SourcedEntry]
) -> tuple[dict[str, str], list[Diagnostic]]:
    fields = _lowercased_fields(item.entry)
    chain = [item.key.lower()]
    current = fields
    while "crossref" in current:
        target = current["crossref"].strip()
        parent = by_key.get(target.lower())
        if parent is None:
            # A broken link further up the chain is reported by the entry that has it.
            problem = f"crossref to unknown key {target!r}" if len(chain) == 1 else None
            return fields, _crossref_problems(item, problem)
        if parent.key.lower() in chain:
            cycle = chain[chain.index(parent.key.lower()) :]
            # One cycle, one warning: from its first member in key order.
            reports = cycle[0] == chain[0] and chain[0] == min(cycle)
            problem = f"crossref cycle {' -> '.join([*cycle, cycle[0]])}" if reports else None
            return fields, _crossref_problems(item, problem)
        chain.append(parent.key.lower())
        current = _lowercased_fields(parent.entry)
        for name, value in current.items():
            renamed = CROSSREF_RENAMES.get(name, name)
            if name not in NOT_INHERITED and renamed not in fields:
                fields[renamed] = value
    return fields, []


def _crossref_problems(item: SourcedEntry, problem: str | None) -> list[Diagnostic]:
    if problem is None:
        return []
    return [Diagnostic(f"entry {item.key!r}: {problem}", Subtype.CROSSREF, item.source, item.line)]


def _lowercased_fields(entry: Entry) -> dict[str, str]:
    return {name.lower(): value for name, value in entry.fields.items()}


def build_publication(
    item: SourcedEntry, raw_fields: Mapping[str, str], today: dt.date
) -> tuple[Publication, list[Diagnostic]]:
    """One ``Publication`` from an entry whose crossrefs are resolved."""
    diagnostics: list[Diagnostic] = []
    raw_fields = without_noise(raw_fields)
    entry_type = as_published(item.entry.type.lower(), raw_fields)

    # Each field is converted once; the plain text of every field comes from it.
    conversions = {
        name: field_to_rich(name, displayed_source(name, value))
        for name, value in raw_fields.items()
    }

    def rich(name: str) -> RichText:
        conversion = conversions.get(name)
        if conversion is None or not raw_fields[name]:
            return EMPTY
        diagnostics.extend(_conversion_problems(conversion, item, name))
        return conversion.rich

    fields = {name: plain_text(conversion.rich) for name, conversion in conversions.items()}
    names = {role: split_names(raw_fields.get(role, "")) for role in PERSON_ROLES}
    year, month, day = date_parts(fields)
    title = rich("title")
    if not title:
        diagnostics.append(_missing(item, "title"))
    if year is None and not year_says_forthcoming(fields):
        written = fields.get("year", "").strip()
        what = f"year or date (year {written!r} is not one)" if written else "year or date"
        diagnostics.append(_missing(item, what))
    publication = Publication(
        key=item.key,
        entry_type=entry_type,
        fields=fields,
        raw_fields=dict(raw_fields),
        raw_persons={role: _raw_names(listed) for role, listed in names.items()},
        authors=_people(names["author"].names, item, diagnostics, raw_fields.get("author+an")),
        editors=_people(names["editor"].names, item, diagnostics, raw_fields.get("editor+an")),
        more_authors=names["author"].more,
        more_editors=names["editor"].more,
        title=title,
        venue=_venue(raw_fields, fields, rich),
        abstract=rich("abstract"),
        award=rich("award"),
        year=year,
        month=month,
        day=day,
        forthcoming=is_forthcoming(fields, year, today),
        # Links come from the source: in LaTeX "~" is a space, in a URL a tilde.
        url=_main_url(item, raw_fields, diagnostics),
        source=item.source,
        line=item.line,
    )
    return publication, diagnostics


def displayed_source(name: str, value: str) -> str:
    """The LaTeX that field ``name`` prints: journal macros spelled out, year tricks applied."""
    if name == "year":
        return visible_year(value)
    return journal_source(name, value)


def _raw_names(listed: NameList) -> tuple[str, ...]:
    return (*listed.names, OTHERS) if listed.more else listed.names


def _conversion_problems(conversion: Conversion, item: SourcedEntry, name: str) -> list[Diagnostic]:
    problems = [
        Diagnostic(
            f"entry {item.key!r}, field {name!r}: unknown LaTeX command {macro}",
            Subtype.LATEX,
            item.source,
            item.line,
        )
        for macro in conversion.unknown_macros
    ]
    problems.extend(
        Diagnostic(
            f"entry {item.key!r}, field {name!r}: unsafe link {url!r} dropped",
            Subtype.LINK,
            item.source,
            item.line,
        )
        for url in conversion.unsafe_links
    )
    return problems


def _missing(item: SourcedEntry, what: str) -> Diagnostic:
    return Diagnostic(
        f"entry {item.key!r} has no {what}", Subtype.MISSING_FIELD, item.source, item.line
    )


def _people(
    names: tuple[str, ...],
    item: SourcedEntry,
    diagnostics: list[Diagnostic],
    annotations: str | None,
) -> tuple[Person, ...]:
    people = []
    for name in names:
        person, problem = parse_person(name)
        people.append(person)
        if problem:
            message = f"entry {item.key!r}: name {name!r}: {problem}"
            diagnostics.append(Diagnostic(message, Subtype.PARSE, item.source, item.line))
    if not annotations:
        return tuple(people)
    marks, not_understood = annotation_marks(annotations, len(people))
    for wrong in not_understood:
        message = f"entry {item.key!r}: name annotation {wrong!r} names no listed name; ignored"
        diagnostics.append(Diagnostic(message, Subtype.PARSE, item.source, item.line))
    return tuple(with_marks(person, marks.get(index, "")) for index, person in enumerate(people))


def venue_field(raw_fields: Mapping[str, str]) -> str | None:
    """The field an entry's venue comes from, the first of ``VENUE_FIELDS`` it has."""
    return next((name for name in VENUE_FIELDS if raw_fields.get(name, "").strip()), None)


def _venue(raw_fields: Mapping[str, str], fields: Mapping[str, str], rich: _RichGetter) -> RichText:
    name = venue_field(raw_fields)
    return rich(name) if name is not None else text(eprint_label(fields))


def _main_url(
    item: SourcedEntry, fields: Mapping[str, str], diagnostics: list[Diagnostic]
) -> str | None:
    url = fields.get("url", "").strip()
    if url:
        # Some exports list several URLs in one field ("a; b"), or one in a sentence:
        # the first web one wins. A URL with a space inside is neither: cut at the
        # space, it would link somewhere else.
        parts = [part for part in URL_SEPARATOR.split(url) if part]
        spaced = WEB_URL.match(url) is not None and not all("://" in part for part in parts)
        listed = [] if spaced else [part for part in parts if WEB_URL.match(part)]
        safe = next(filter(None, map(safe_url, [url, *listed])), None)
        if safe:
            return safe
        wrong = "has a space inside" if has_space(url) else "is not http(s) or relative"
        message = f"entry {item.key!r}: url {url!r} {wrong}; dropped"
        diagnostics.append(Diagnostic(message, Subtype.LINK, item.source, item.line))
    doi = fields.get("doi", "").strip()
    return doi_url(doi) if doi else None
