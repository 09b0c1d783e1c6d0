"""Format stage: a publication as a CSL-JSON item, what citeproc and CSL tools read."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..bib.csl_types import CSL_TYPES
from ..bib.model import Person, Publication, eprint_archive

CslItem = dict[str, Any]

THESIS_GENRES = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}

# CSL variable ← the fields that give it, first found wins.
FIELD_VARIABLES: dict[str, tuple[str, ...]] = {
    "container-title": ("journaltitle", "journal", "booktitle"),
    "collection-title": ("series",),
    "publisher-place": ("location", "address"),
    "volume": ("volume",),
    "page": ("pages",),
    "edition": ("edition",),
    "DOI": ("doi",),
    "ISBN": ("isbn",),
    "ISSN": ("issn",),
    "note": ("note",),
    "abstract": ("abstract",),
    "language": ("langid", "language"),
}


def csl_item(publication: Publication) -> CslItem:
    """The CSL-JSON item for ``publication``, its text plain and LaTeX already decoded."""
    fields = publication.fields
    entry_type = publication.entry_type.lower()
    item: CslItem = {"id": publication.key, "type": CSL_TYPES.get(entry_type, "article")}
    title = fields.get("title", "")
    if title:
        item["title"] = title
    for variable, names in FIELD_VARIABLES.items():
        value = _first(fields, names)
        if value:
            item[variable] = value
    _add_number(item, fields, entry_type)
    publisher = _publisher(fields, entry_type)
    if publisher:
        item["publisher"] = publisher
    genre = fields.get("type") or THESIS_GENRES.get(entry_type, "")
    if genre:
        item["genre"] = genre
    if publication.url:
        item["URL"] = publication.url
    eprint = fields.get("eprint", "")
    if eprint and "number" not in item:
        archive = eprint_archive(fields)
        item["number"] = f"{archive}:{eprint}" if archive else eprint
    for role, people in (("author", publication.authors), ("editor", publication.editors)):
        if people:
            item[role] = [csl_name(person) for person in people]
    if publication.year is not None:
        item["issued"] = {"date-parts": [_date_parts(publication)]}
    if publication.forthcoming and publication.year is None:
        item["status"] = "forthcoming"
    return item


def csl_name(person: Person) -> dict[str, str]:
    """A CSL name: family and given parts, or one literal name for an institution."""
    if not person.given and not person.prelast and not person.lineage:
        return {"family": person.last} if " " not in person.last else {"literal": person.last}
    name = {"family": person.last, "given": person.given}
    if person.prelast:
        name["non-dropping-particle"] = person.prelast
    if person.lineage:
        name["suffix"] = person.lineage
    return {part: value for part, value in name.items() if value}


def _first(fields: Mapping[str, str], names: tuple[str, ...]) -> str:
    return next((fields[name] for name in names if fields.get(name)), "")


def _add_number(item: CslItem, fields: Mapping[str, str], entry_type: str) -> None:
    number = fields.get("number") or fields.get("issue", "")
    if not number:
        return
    # An article's or a paper's number is its issue; a report's is its own number.
    is_issue = entry_type in ("article", "inproceedings", "conference") or "issue" in fields
    item["issue" if is_issue else "number"] = number


def _publisher(fields: Mapping[str, str], entry_type: str) -> str:
    if entry_type in ("phdthesis", "mastersthesis", "thesis"):
        return _first(fields, ("school", "institution", "publisher"))
    if entry_type in ("techreport", "report"):
        return _first(fields, ("institution", "publisher", "organization"))
    return _first(fields, ("publisher", "organization", "institution", "school"))


def _date_parts(publication: Publication) -> list[int]:
    # A day without a month says nothing: the date stops at the first unknown part.
    parts = [publication.year or 0]
    if publication.month is not None:
        parts.append(publication.month)
        if publication.day is not None:
            parts.append(publication.day)
    return parts
