"""Source stage: RIS records (EndNote, Web of Science, Scopus, Mendeley, Zotero) as BibTeX entries.

The file is cut into records here, so each keeps its line and a record left
without ``ER`` costs only itself; ``rispy`` reads each record's tags.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import rispy

from ..core.diagnostics import Diagnostic, Subtype
from .bibtex.parse import SourcedEntry
from .foreign import RecordBuilder, bibtex_name, bibtex_pages, to_latex
from .partial_dates import PartialDate, parse_date

# Tags written with one space or two before the dash, a value after a space or none.
_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9]) {1,2}-(?: ?(.*))?$")
RIS_TYPES = {
    **dict.fromkeys(("JOUR", "JFULL", "EJOUR", "MGZN", "NEWS", "INPR", "ABST"), "article"),
    **dict.fromkeys(("CONF", "CPAPER"), "inproceedings"),
    **dict.fromkeys(("BOOK", "EBOOK", "EDBOOK", "WHOLE"), "book"),
    **dict.fromkeys(("CHAP", "ECHAP", "ENCYC", "DICT"), "incollection"),
    "THES": "phdthesis",
    **dict.fromkeys(("RPRT", "GOVDOC", "STAND"), "techreport"),
    **dict.fromkeys(("UNPB", "MANSCPT"), "unpublished"),
    **dict.fromkeys(("ELEC", "BLOG", "WEB", "ICOMM"), "online"),
    "PAT": "patent",
    **dict.fromkeys(("DATA", "DBASE", "AGGR"), "dataset"),
    "COMP": "software",
}
_CONTAINER_TAGS = (
    "secondary_title",
    "alternate_title3",
    "journal_name",
    "alternate_title2",
    "alternate_title1",
)
_BOOK_TYPES = frozenset({"book", "incollection"})
_PUBMED = re.compile(r"pubmed|\bnlm\b", re.IGNORECASE)


@dataclass(frozen=True)
class RisRecord:
    """The lines of one record, from its ``TY`` line, and whether an ``ER`` closed it."""

    index: int
    line: int
    lines: tuple[str, ...]
    closed: bool


def ris_records(text: str) -> Iterator[RisRecord]:
    """The records of an RIS file; text outside records is skipped."""
    lines: list[str] = []
    start = 0
    index = 0
    for number, line in enumerate(text.split("\n"), start=1):
        tagged = _TAG_LINE.match(line.rstrip())
        tag = tagged.group(1) if tagged else ""
        if tag == "TY":
            if lines:
                yield RisRecord(index, start, tuple(lines), closed=False)
                index += 1
            lines, start = [], number
        if not start:
            continue
        if tag == "ER":
            yield RisRecord(index, start, tuple(lines), closed=True)
            index += 1
            lines, start = [], 0
        elif tagged:
            lines.append(f"{tag}  - {(tagged.group(2) or '').strip()}")
        elif line.strip():
            lines.append(line.strip())
    if lines:
        yield RisRecord(index, start, tuple(lines), closed=False)


def read_ris(text: str, path: str, taken: set[str]) -> tuple[list[SourcedEntry], list[Diagnostic]]:
    """The entries of an RIS file; ``taken`` holds the keys already used (lowercase)."""
    entries: list[SourcedEntry] = []
    diagnostics: list[Diagnostic] = []
    for record in ris_records(text):
        label = f"RIS record {record.index + 1}"
        if not record.closed:
            message = f"{label} has no 'ER' line closing it; read up to the next record"
            diagnostics.append(Diagnostic(message, Subtype.PARSE, path, record.line))
        try:
            parsed = rispy.loads("\n".join([*record.lines, "ER  - ", ""]))
        except Exception as error:  # noqa: BLE001  # a parser's bug must cost one record only
            message = f"{label} cannot be read: {error}; skipped"
            diagnostics.append(Diagnostic(message, Subtype.PARSE, path, record.line))
            continue
        if not parsed:
            continue
        entry, problems = ris_entry(parsed[0], RecordBuilder(path, record.line, label), taken)
        diagnostics.extend(problems)
        entries.extend([entry] if entry else [])
    return entries, diagnostics


def ris_entry(
    tags: Mapping[str, Any], record: RecordBuilder, taken: set[str]
) -> tuple[SourcedEntry | None, list[Diagnostic]]:
    """One record's tags (as ``rispy`` names them) as an entry; None when its key is taken."""
    ris_type = _one(tags, "type_of_reference").upper()
    entry_type = RIS_TYPES.get(ris_type, "misc")
    if ris_type == "INPR":
        record.set("pubstate", "inpress")
    record.set("title", _one(tags, "title") or _one(tags, "primary_title"))
    record.set_names("author", map(_name, [*_many(tags, "authors"), *_many(tags, "first_authors")]))
    record.set_names(
        "editor", map(_name, [*_many(tags, "secondary_authors"), *_unknown(tags, "ED")])
    )
    container = next(filter(None, (_one(tags, tag) for tag in _CONTAINER_TAGS)), "")
    record.set("journal" if entry_type == "article" else "booktitle", container)
    record.set("series", _one(tags, "tertiary_title"))
    record.set_date(_date(tags))
    # A date that is none is kept as the year's text, which the model stage warns about.
    record.set("year", _one(tags, "year") or _one(tags, "date"))
    record.set("volume", _one(tags, "volume"))
    record.set("number", _one(tags, "number"))
    record.set_latex("pages", bibtex_pages(_one(tags, "start_page"), _one(tags, "end_page")))
    publisher = {"phdthesis": "school", "techreport": "institution"}.get(entry_type, "publisher")
    record.set(publisher, _one(tags, "publisher"))
    record.set("address", _one(tags, "place_published"))
    record.set("isbn" if entry_type in _BOOK_TYPES else "issn", _one(tags, "issn"))
    record.set("doi", _one(tags, "doi"))
    urls = _many(tags, "urls")
    record.set("url", next(iter(urls), ""))
    attachment = _one(tags, "file_attachments1")
    if attachment.lower().startswith(("http://", "https://")):
        record.set("pdf", attachment)
    record.set("abstract", _one(tags, "abstract") or _one(tags, "notes_abstract"))
    record.set("keywords", ", ".join(_many(tags, "keywords")))
    record.set("note", " ".join(_many(tags, "notes")))
    record.set("language", _one(tags, "language"))
    record.set("edition", _one(tags, "edition"))
    record.set("type", _one(tags, "type_of_work"))
    record.set("shorttitle", _one(tags, "short_title"))
    database = _one(tags, "name_of_database") + " " + _one(tags, "database_provider")
    if _PUBMED.search(database) and _one(tags, "accession_number").isdecimal():
        record.set("pmid", _one(tags, "accession_number"))
    record.set_arxiv(*urls, record.fields.get("doi", ""), _one(tags, "number"))
    return record.entry(_one(tags, "id"), entry_type, taken)


def _one(tags: Mapping[str, Any], name: str) -> str:
    value = tags.get(name, "")
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value).strip()


def _many(tags: Mapping[str, Any], name: str) -> list[str]:
    value = tags.get(name, [])
    values = value if isinstance(value, list) else [value]
    return [str(item).strip() for item in values if str(item).strip()]


def _unknown(tags: Mapping[str, Any], tag: str) -> list[str]:
    unknown = tags.get("unknown_tag") or {}
    return [str(item).strip() for item in unknown.get(tag, []) if str(item).strip()]


def _name(name: str) -> str:
    # RIS writes "Last, First" (or "Last, First, Suffix"), BibTeX's own order;
    # a name without a comma is an institution's.
    parts = [part.strip() for part in name.split(",")]
    if len(parts) == 1:
        return bibtex_name(literal=name) if " " in name.strip() else to_latex(name)
    if len(parts) >= 3:
        return f"{to_latex(parts[0])}, {to_latex(parts[2])}, {to_latex(parts[1])}"
    return ", ".join(to_latex(part) for part in parts)


def _date(tags: Mapping[str, Any]) -> PartialDate:
    year = parse_date(_one(tags, "year") or _one(tags, "publication_year"))
    full = parse_date(_one(tags, "date"))
    if year is None:
        return full or PartialDate()
    if full is not None and full.year == year.year and year.month is None:
        return full
    return year
