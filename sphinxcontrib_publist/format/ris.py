"""Export stage: publications as RIS records (EndNote, Zotero, Mendeley), written by rispy."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import rispy

from ..bib.model import Publication
from .csl_json import CslItem, csl_item
from .scholar import readable

RisRecord = dict[str, Any]

# BibTeX and biblatex entry types → RIS reference types; anything else is "GEN".
RIS_TYPES = {
    "article": "JOUR",
    "inproceedings": "CPAPER",
    "conference": "CPAPER",
    "proceedings": "CONF",
    "book": "BOOK",
    "mvbook": "BOOK",
    "collection": "EDBOOK",
    "booklet": "PAMP",
    "inbook": "CHAP",
    "incollection": "CHAP",
    "phdthesis": "THES",
    "mastersthesis": "THES",
    "thesis": "THES",
    "techreport": "RPRT",
    "report": "RPRT",
    "manual": "RPRT",
    "unpublished": "UNPB",
    "online": "ELEC",
    "electronic": "ELEC",
    "www": "ELEC",
    "patent": "PAT",
    "dataset": "DATA",
}

# rispy key ← the CSL-JSON variable that gives it.
CSL_KEYS = {
    "title": "title",
    "secondary_title": "container-title",
    "tertiary_title": "collection-title",
    "volume": "volume",
    "number": "issue",
    "publisher": "publisher",
    "place_published": "publisher-place",
    "edition": "edition",
    "doi": "DOI",
    "language": "language",
    "type_of_work": "genre",
    "abstract": "abstract",
}


def ris_record(
    publication: Publication, with_abstract: bool = False, item: CslItem | None = None
) -> RisRecord:
    """The RIS record of ``publication``, built from its CSL-JSON item so both agree."""
    item = csl_item(publication) if item is None else item
    record: RisRecord = {
        "type_of_reference": RIS_TYPES.get(publication.entry_type.lower(), "GEN"),
        "id": publication.key,
    }
    for key, variable in CSL_KEYS.items():
        value = item.get(variable)
        if value and (with_abstract or key != "abstract"):
            record[key] = _line(value)
    if "number" not in record and item.get("number"):
        record["number"] = _line(item["number"])
    title = readable(publication.title)
    if title:
        # Plain text: a reference manager shows no TeX.
        record["title"] = _line(title)
    for key, role in (("authors", "author"), ("secondary_authors", "editor")):
        if item.get(role):
            record[key] = [_line(_name(name)) for name in item[role]]
    _add_pages(record, item)
    _add_date(record, item)
    if item.get("ISBN") or item.get("ISSN"):
        record["issn"] = _line(item.get("ISBN") or item.get("ISSN"))
    if item.get("URL"):
        record["urls"] = [item["URL"]]
    if item.get("note"):
        record["notes"] = [_line(item["note"])]
    return record


def bibliography_to_ris(
    publications: Sequence[Publication],
    with_abstract: bool = False,
    items: Sequence[CslItem] | None = None,
) -> str:
    """Several RIS records, each closed by ``ER``; empty for no publications.

    ``items`` are the entries' CSL-JSON items, when the caller has made them already.
    """
    made = items if items is not None else [csl_item(publication) for publication in publications]
    records = [
        ris_record(publication, with_abstract, item)
        for publication, item in zip(publications, made, strict=True)
    ]
    return rispy.dumps(records, implementation=_Writer) if records else ""


class _Writer(rispy.RisWriter):  # type: ignore[misc]
    """rispy's writer without the "1." line it puts before each record, which RIS has not."""

    def set_header(self, count: int) -> str:
        return ""


def _line(value: object) -> str:
    # A tag's value ends at the line's end: a newline would start a bogus tag.
    return " ".join(str(value).split())


def _name(name: dict[str, str]) -> str:
    # RIS writes a person "Family, Given, Suffix"; the particle stays with the family name.
    if "literal" in name:
        return name["literal"]
    family = " ".join(part for part in (name.get("non-dropping-particle"), name["family"]) if part)
    parts = [family, name.get("given", ""), name.get("suffix", "")]
    while parts and not parts[-1]:
        parts.pop()
    return ", ".join(parts)


def _add_pages(record: RisRecord, item: CslItem) -> None:
    pages = str(item.get("page", "")).replace("\u2013", "-").replace("--", "-")
    first, _, last = pages.partition("-")
    if first.strip():
        record["start_page"] = first.strip()
    if last.strip():
        record["end_page"] = last.strip()


def _add_date(record: RisRecord, item: CslItem) -> None:
    issued = item.get("issued")
    if not issued:
        return
    parts = issued["date-parts"][0]
    record["year"] = f"{parts[0]:04d}"
    # RIS dates are "YYYY/MM/DD/", with unknown parts left empty.
    month = f"{parts[1]:02d}" if len(parts) > 1 else ""
    day = f"{parts[2]:02d}" if len(parts) > 2 else ""
    record["date"] = f"{parts[0]:04d}/{month}/{day}/"
