"""Metadata stage: what indexers read about one publication (Highwire, JSON-LD, COinS)."""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote

from ..bib.field_text import math_to_plain
from ..bib.model import Publication, partial_date
from ..core.pickling import pickled_by_fields
from ..core.richtext import RichText, plain_text
from ..core.urls import doi_url, safe_url

DOI_RESOLVER = "https://doi.org/"
# Entry types by the kind of venue the metadata formats distinguish.
KINDS = {
    "article": "journal",
    "inproceedings": "conference",
    "conference": "conference",
    "proceedings": "conference",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "book": "book",
    "mvbook": "book",
    "inbook": "chapter",
    "incollection": "chapter",
}
VENUE_TAGS = {
    "journal": "citation_journal_title",
    "conference": "citation_conference_title",
    "thesis": "citation_dissertation_institution",
    "report": "citation_technical_report_institution",
    "chapter": "citation_inbook_title",
}
# Characters that could end a <script> element or an HTML comment, or end a
# JavaScript line, escaped inside JSON strings where they can only occur.
SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


@pickled_by_fields
@dataclass(frozen=True)
class ScholarRecord:
    """The plain-text facts every metadata format is built from."""

    key: str
    kind: str
    title: str
    authors: tuple[tuple[str, str], ...] = ()
    year: int | None = None
    month: int | None = None
    day: int | None = None
    venue: str = ""
    abstract: str = ""
    doi: str = ""
    url: str = ""
    pdf_url: str = ""
    volume: str = ""
    issue: str = ""
    first_page: str = ""
    last_page: str = ""
    publisher: str = ""
    series: str = ""
    isbn: str = ""
    issn: str = ""


def record_of(publication: Publication, with_abstract: bool = True) -> ScholarRecord:
    """The metadata facts of ``publication`` (COinS, made for every entry, skip the abstract)."""
    fields = publication.fields
    first_page, _, last_page = fields.get("pages", "").replace("\u2013", "-").partition("-")
    doi = unquote((doi_url(fields.get("doi", "")) or "").removeprefix(DOI_RESOLVER))
    return ScholarRecord(
        key=publication.key,
        kind=KINDS.get(publication.entry_type, "other"),
        title=readable(publication.title),
        # Editors are not authors: indexers would credit them with the work.
        authors=tuple((person.family, person.given) for person in publication.authors),
        year=publication.year,
        month=publication.month,
        day=publication.day,
        venue=readable(publication.venue),
        abstract=readable(publication.abstract) if with_abstract else "",
        doi=doi,
        url=safe_url(publication.raw_fields.get("url", "")) or "",
        pdf_url=_absolute(publication.raw_fields.get("pdf", "")),
        volume=fields.get("volume", "").strip(),
        issue=(fields.get("number") or fields.get("issue") or "").strip(),
        first_page=first_page.strip(),
        last_page=last_page.strip("- "),
        publisher=fields.get("publisher", "").strip(),
        series=fields.get("series", "").strip(),
        isbn=fields.get("isbn", "").strip(),
        issn=fields.get("issn", "").strip(),
    )


def readable(rich: RichText) -> str:
    """Plain text for indexers, which show no TeX: math spelled in characters."""
    return plain_text(rich, math=math_to_plain)


def _absolute(url: str) -> str:
    safe = safe_url(url) or ""
    return safe if safe.startswith(("http://", "https://")) else ""


def _date(record: ScholarRecord, separator: str) -> str:
    return partial_date(record.year, record.month, record.day, separator)


def _highwire_date(record: ScholarRecord) -> str:
    # Scholar reads a full date or a year; a year and month alone may be misread.
    if record.day is not None and record.month is not None:
        return _date(record, "/")
    return f"{record.year:04d}" if record.year is not None else ""


def _name(family: str, given: str, order: str) -> str:
    if not given:
        return family
    return f"{family}, {given}" if order == "family-first" else f"{given} {family}"


def highwire_tags(record: ScholarRecord, page_url: str) -> list[tuple[str, str]]:
    """Google Scholar's ``citation_*`` meta tags, as (name, content) pairs in order."""
    tags = [("citation_title", record.title)]
    tags.extend(
        ("citation_author", _name(family, given, "family-first"))
        for family, given in record.authors
    )
    tags.append(("citation_publication_date", _highwire_date(record)))
    if record.kind in VENUE_TAGS:
        tags.append((VENUE_TAGS[record.kind], record.venue))
    tags.extend(
        [
            ("citation_volume", record.volume),
            ("citation_issue", record.issue),
            ("citation_firstpage", record.first_page),
            ("citation_lastpage", record.last_page),
            ("citation_publisher", record.publisher),
            ("citation_isbn", record.isbn),
            ("citation_issn", record.issn),
            ("citation_doi", record.doi),
            ("citation_pdf_url", record.pdf_url),
            ("citation_abstract_html_url", page_url),
        ]
    )
    return [(name, content) for name, content in tags if content]


def meta_tags_html(tags: list[tuple[str, str]]) -> str:
    """``<meta>`` elements for ``tags``, every value attribute-escaped."""
    return "".join(
        f'<meta name="{html.escape(name, quote=True)}" content="{html.escape(content, quote=True)}" />\n'
        for name, content in tags
    )


def json_ld(record: ScholarRecord, page_url: str) -> dict[str, Any]:
    """A schema.org ``ScholarlyArticle`` description."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "@id": page_url,
        "url": page_url,
        "headline": record.title,
        "name": record.title,
        "author": [_json_ld_person(family, given) for family, given in record.authors],
        "datePublished": _date(record, "-"),
        "abstract": record.abstract,
    }
    if record.venue:
        venue_type = "Periodical" if record.kind == "journal" else "CreativeWork"
        data["isPartOf"] = {"@type": venue_type, "name": record.venue}
    if record.publisher:
        data["publisher"] = {"@type": "Organization", "name": record.publisher}
    if record.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": record.doi}
    same_as = [url for url in (doi_url(record.doi), record.url) if url]
    if same_as:
        data["sameAs"] = same_as
    if record.pdf_url:
        data["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": record.pdf_url,
            "encodingFormat": "application/pdf",
        }
    return {name: value for name, value in data.items() if value not in ("", [])}


def _json_ld_person(family: str, given: str) -> dict[str, str]:
    person = {"@type": "Person", "name": _name(family, given, "given-first")}
    if given:
        person["givenName"] = given
    if family:
        person["familyName"] = family
    return person


def json_ld_script(data: Mapping[str, Any]) -> str:
    """A ``<script type="application/ld+json">`` element no field value can break out of."""
    serialised = json.dumps(data, ensure_ascii=False, indent=1).translate(SCRIPT_SAFE)
    return f'<script type="application/ld+json">\n{serialised}\n</script>\n'


def _book_container(record: ScholarRecord) -> str:
    # A book's venue is often only its publisher, which has its own key.
    return record.venue if record.kind == "chapter" else record.series


def coins(record: ScholarRecord) -> str:
    """The OpenURL ContextObject a COinS span carries in its ``title`` (not yet HTML-escaped)."""
    pairs: list[tuple[str, str]] = [("ctx_ver", "Z39.88-2004")]
    date = _date(record, "-")
    if record.kind in ("journal", "conference"):
        pairs += [
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"),
            ("rft.genre", "article" if record.kind == "journal" else "proceeding"),
            ("rft.atitle", record.title),
            ("rft.jtitle", record.venue),
            ("rft.volume", record.volume),
            ("rft.issue", record.issue),
            ("rft.spage", record.first_page),
            ("rft.epage", record.last_page),
            ("rft.issn", record.issn),
        ]
    elif record.kind in ("book", "chapter"):
        pairs += [
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:book"),
            ("rft.genre", "book" if record.kind == "book" else "bookitem"),
            ("rft.btitle" if record.kind == "book" else "rft.atitle", record.title),
            ("rft.btitle" if record.kind == "chapter" else "rft.series", _book_container(record)),
            ("rft.pub", record.publisher),
            ("rft.isbn", record.isbn),
        ]
    else:
        pairs += [
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc"),
            ("rft.type", record.kind),
            ("rft.title", record.title),
            ("rft.source", record.venue),
            ("rft.publisher", record.publisher),
        ]
    pairs.append(("rft.date", date))
    pairs.extend(
        ("rft.au", _name(family, given, "family-first")) for family, given in record.authors
    )
    if record.doi:
        pairs.append(("rft_id", f"info:doi/{record.doi}"))
    if record.url:
        pairs.append(("rft_id", record.url))
    # The names are plain ASCII; only the values need percent-encoding.
    return "&".join(f"{name}={quote(value, safe='')}" for name, value in pairs if value)
