"""Source stage: CSL-JSON items (Zotero, Better BibTeX, pandoc, citeproc) as BibTeX entries.

Types come from ``csl_types``, the exporter's table read backwards, so that an
entry exported and read again keeps its type.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..core.diagnostics import Diagnostic, Subtype
from .bibtex.parse import SourcedEntry
from .csl_types import BIBTEX_TYPES
from .foreign import RecordBuilder, bibtex_name, bibtex_pages
from .json_items import JsonItem, json_items
from .partial_dates import PartialDate, parse_date
from .zotero_extra import ZOTERO_URI, split_extra

# CSL variable → BibTeX field, for variables whose value is one string.
_TEXT_FIELDS = {
    "title": "title",
    "title-short": "shorttitle",
    "collection-title": "series",
    "publisher-place": "address",
    "event-place": "venue",
    "volume": "volume",
    "edition": "edition",
    "DOI": "doi",
    "URL": "url",
    "ISBN": "isbn",
    "ISSN": "issn",
    "PMID": "pmid",
    "PMCID": "pmcid",
    "abstract": "abstract",
    "keyword": "keywords",
    "note": "note",
    "language": "language",
    "status": "pubstate",
    "event-title": "eventtitle",
    "archive": "archive",
}
_ROLES = {"author": "author", "editor": "editor"}
_NAME_PARTS = ("family", "given", "literal")
# Fields that CSL processors read as rich text: <i>, <b>, <sup>, <sub>, <span class="nocase">.
_RICH_TEXT = frozenset({"title", "container-title", "collection-title"})
_THESIS_MASTERS = ("master", "msc", "m.sc", "diplom")


def read_csl_json(
    text: str, path: str, taken: set[str]
) -> tuple[list[SourcedEntry], list[Diagnostic]]:
    """The entries of a CSL-JSON file; ``taken`` holds the keys already used (lowercase)."""
    entries: list[SourcedEntry] = []
    diagnostics: list[Diagnostic] = []
    if not text.lstrip().startswith(("[", "{")):
        message = "not a CSL-JSON file: it holds no JSON array or object"
        return [], [Diagnostic(message, Subtype.BIBFILE, path, 1)]
    for item in json_items(text):
        if item.error:
            label = f"item {item.index + 1}"
            diagnostics.append(
                Diagnostic(f"{label}: {item.error}; skipped", Subtype.PARSE, path, item.line)
            )
            continue
        if not isinstance(item.value, dict):
            message = f"item {item.index + 1} is not a JSON object; skipped"
            diagnostics.append(Diagnostic(message, Subtype.PARSE, path, item.line))
            continue
        entry, problems = csl_entry(item, path, taken)
        diagnostics.extend(problems)
        entries.extend([entry] if entry else [])
    return entries, diagnostics


def csl_entry(
    item: JsonItem, path: str, taken: set[str]
) -> tuple[SourcedEntry | None, list[Diagnostic]]:
    """One item as an entry, None when its key is already used."""
    value: dict[str, Any] = item.value
    given_key = _key_of(value)
    label = f"item {item.index + 1}" + (f" ({given_key!r})" if given_key else "")
    record = RecordBuilder(path, item.line, label)
    extra, note = split_extra(_text(record, value, "note"))
    # Zotero's own export names items by URI: a key is taken from Extra, or made up.
    from_zotero = ZOTERO_URI.match(given_key) is not None
    if from_zotero:
        given_key = extra.get("key", "")
    csl_type = _text(record, value, "type").lower()
    entry_type = BIBTEX_TYPES.get(csl_type, "misc")
    if csl_type and csl_type not in BIBTEX_TYPES:
        record.warn(f"unknown CSL type {csl_type!r}, read as misc")
    for variable, name in _TEXT_FIELDS.items():
        text = note if variable == "note" else _text(record, value, variable)
        if variable in _RICH_TEXT:
            record.set_rich(name, text)
        else:
            record.set(name, text)
    record.set_latex("pages", bibtex_pages(_text(record, value, "page")))
    _add_container(record, value, entry_type)
    _add_number(record, value, entry_type)
    _add_publisher(record, value, entry_type)
    genre = _text(record, value, "genre")
    if entry_type == "phdthesis" and genre.lower().startswith(_THESIS_MASTERS):
        entry_type = "mastersthesis"
    elif genre and entry_type not in ("phdthesis",):
        record.set("type", genre)
    for role, name in _ROLES.items():
        record.set_names(name, _names(record, value, role))
    _add_date(record, value)
    record.set_arxiv(
        _text(record, value, "number"), record.fields.get("doi", ""), record.fields.get("url", "")
    )
    for name, text in extra.items():
        if name == "eprint":
            record.set_arxiv(f"arXiv:{text}")
        elif name != "key":
            record.set(name, text)
    return record.entry(given_key, entry_type, taken, key_required=not from_zotero)


def _key_of(value: Mapping[str, Any]) -> str:
    # Better BibTeX writes the citation key as the id; Zotero's own export adds citation-key.
    for name in ("citation-key", "id"):
        found = value.get(name)
        if isinstance(found, str | int) and not isinstance(found, bool) and str(found).strip():
            return str(found).strip()
    return ""


def _text(record: RecordBuilder, value: Mapping[str, Any], variable: str) -> str:
    found = value.get(variable)
    if found is None:
        return ""
    if isinstance(found, str):
        return found
    if isinstance(found, int | float) and not isinstance(found, bool):
        return str(found)
    if isinstance(found, list) and all(isinstance(part, str) for part in found):
        # Some exporters write keywords (or a second URL) as a list.
        return ", ".join(found)
    record.warn(f"{variable!r} is a {type(found).__name__}, not text; ignored")
    return ""


def _add_container(record: RecordBuilder, value: Mapping[str, Any], entry_type: str) -> None:
    container = _text(record, value, "container-title")
    if entry_type in ("article", "misc", "online"):
        record.set_rich("journal" if entry_type == "article" else "howpublished", container)
    else:
        record.set_rich("booktitle", container)


def _add_number(record: RecordBuilder, value: Mapping[str, Any], entry_type: str) -> None:
    record.set("number", _text(record, value, "issue"))
    number = _text(record, value, "number")
    if entry_type not in ("misc",) or not number.lower().startswith("arxiv"):
        record.set("number", number)


def _add_publisher(record: RecordBuilder, value: Mapping[str, Any], entry_type: str) -> None:
    publisher = _text(record, value, "publisher")
    if entry_type in ("phdthesis", "mastersthesis"):
        record.set("school", publisher)
    elif entry_type == "techreport":
        record.set("institution", publisher)
    else:
        record.set("publisher", publisher)


def _names(record: RecordBuilder, value: Mapping[str, Any], role: str) -> list[str]:
    listed = value.get(role)
    if listed is None:
        return []
    if not isinstance(listed, list):
        record.warn(f"{role!r} is not a list of names; ignored")
        return []
    names = []
    for person in listed:
        if isinstance(person, str):
            names.append(bibtex_name(literal=person))
            continue
        if not isinstance(person, dict):
            record.warn(f"a name in {role!r} is not a CSL name; ignored")
            continue
        # Crossref adds "sequence", "affiliation", "ORCID"...: only the name's parts count.
        part = {name: text for name, text in person.items() if isinstance(text, str)}
        if not any(part.get(name, "").strip() for name in _NAME_PARTS):
            record.warn(f"a name in {role!r} has no family, given or literal name; ignored")
            continue
        particle = " ".join(
            part.get(name, "")
            for name in ("dropping-particle", "non-dropping-particle")
            if part.get(name)
        )
        names.append(
            bibtex_name(
                family=part.get("family", ""),
                given=part.get("given", ""),
                particle=particle,
                suffix=part.get("suffix", ""),
                literal=part.get("literal", ""),
            )
        )
    return names


def _add_date(record: RecordBuilder, value: Mapping[str, Any]) -> None:
    issued = value.get("issued")
    if issued is None:
        return
    date = csl_date(issued)
    if date is not None:
        record.set_date(date)
    else:
        # Kept as the year's text, which the model stage reads as BibTeX's year: a
        # state ("in press") is understood, anything else warned about once, with its value.
        record.set("year", _date_text(issued))


def _date_text(issued: Any) -> str:
    if isinstance(issued, dict):
        for name in ("literal", "raw"):
            if isinstance(issued.get(name), str):
                return str(issued[name])
    return str(issued)


def csl_date(issued: Any) -> PartialDate | None:
    """A CSL date (``date-parts``, ``raw``, ``literal``, or EDTF text) as a partial date."""
    if isinstance(issued, str | int) and not isinstance(issued, bool):
        return parse_date(str(issued))
    if not isinstance(issued, dict):
        return None
    parts = issued.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        start = _date_of_parts(parts[0])
        end = _date_of_parts(parts[1]) if len(parts) > 1 and isinstance(parts[1], list) else None
        if start is not None and start.year is not None:
            if end is not None and end.year is not None and end != start:
                return PartialDate(start.year, start.month, start.day, end.iso())
            return start
    for name in ("raw", "literal"):
        text = issued.get(name)
        if isinstance(text, str):
            return parse_date(text)
    return None


def _date_of_parts(parts: list[Any]) -> PartialDate | None:
    numbers: list[int | None] = []
    for part in parts[:3]:
        text = (
            str(part).strip() if isinstance(part, str | int) and not isinstance(part, bool) else ""
        )
        if not text.lstrip("-").isdecimal():
            return None
        numbers.append(int(text))
    while len(numbers) < 3:
        numbers.append(None)
    date = PartialDate.of(numbers[0], numbers[1], numbers[2])
    return date if date.year is not None else None
