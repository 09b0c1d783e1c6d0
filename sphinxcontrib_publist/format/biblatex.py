"""Format stage: a BibLaTeX entry's fields renamed to the BibTeX ones pybtex's styles expect.

The mapping follows biber's ``--output-format=bibtex`` and Better BibTeX's BibTeX
export: a field the BibTeX name already has wins over its BibLaTeX twin.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# BibLaTeX name -> BibTeX name, applied when the BibTeX one is missing.
RENAMES = (
    ("journaltitle", "journal"),
    ("location", "address"),
    ("eprinttype", "archiveprefix"),
    ("eprintclass", "primaryclass"),
    ("issue", "number"),
    ("maintitle", "booktitle"),
    ("eventtitle", "booktitle"),
)
# BibLaTeX's entry types and their nearest BibTeX type.
TYPES = {
    "report": "techreport",
    "online": "misc",
    "www": "misc",
    "electronic": "misc",
    "software": "misc",
    "dataset": "misc",
    "patent": "misc",
    "mvbook": "book",
    "collection": "book",
    "mvcollection": "book",
    "reference": "book",
    "bookinbook": "inbook",
    "suppbook": "inbook",
    "suppcollection": "incollection",
    "inreference": "incollection",
    "mvproceedings": "proceedings",
    "conference": "inproceedings",
    "periodical": "misc",
    "thesis": "phdthesis",
    # A DBLP CoRR entry, read as the arXiv preprint it is (bib/dblp.py).
    "preprint": "misc",
}
THESIS_TYPES = {
    "phdthesis": "phdthesis",
    "mathesis": "mastersthesis",
    "mastersthesis": "mastersthesis",
}
# biblatex's localisation keys in a ``type`` field, as its own styles print them.
TYPE_WORDS = {
    "phdthesis": "PhD thesis",
    "mathesis": "Master's thesis",
    "mastersthesis": "Master's thesis",
    "techreport": "Technical report",
    "resreport": "Research report",
}
THESES = frozenset({"phdthesis", "mastersthesis"})
MONTH_NAMES = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)
_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?")


def bibtex_entry(entry_type: str, fields: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    """``entry_type`` and ``fields`` (lowercased names) as a BibTeX style expects them.

    Returns a new dict: the parsed entry's own mapping is shared and never changed.
    """
    mapped = dict(fields)
    for biblatex, bibtex in RENAMES:
        _fill(mapped, bibtex, biblatex)
    kind = mapped.get("type", "").strip().lower()
    entry_type = TYPES.get(entry_type, entry_type)
    if entry_type == "phdthesis" and kind in THESIS_TYPES:
        entry_type = THESIS_TYPES[kind]
    if kind in TYPE_WORDS:
        # The type the entry type now says, or the words biblatex would print.
        if TYPE_WORDS[kind] == TYPE_WORDS.get(entry_type):
            del mapped["type"]
        else:
            mapped["type"] = TYPE_WORDS[kind]
    if entry_type == "inbook" and mapped.get("booktitle", "").strip():
        # biblatex's @inbook is a titled part of a book: BibTeX's @incollection.
        entry_type = "incollection"
    _map_date(mapped)
    _map_institution(entry_type, mapped)
    return entry_type, mapped


def _map_date(fields: dict[str, str]) -> None:
    date = _DATE.match(fields.get("date", ""))
    if date is None or fields.get("year", "").strip():
        return
    fields["year"] = date.group(1)
    month = int(date.group(2)) if date.group(2) else 0
    if 1 <= month <= 12 and not fields.get("month", "").strip():
        fields["month"] = MONTH_NAMES[month - 1]


def _map_institution(entry_type: str, fields: dict[str, str]) -> None:
    # biblatex names a thesis's university ``institution``; BibTeX calls it ``school``,
    # and a report's ``institution``, which some exports write as ``school``.
    if entry_type in THESES:
        _fill(fields, "school", "institution")
    if entry_type == "techreport":
        _fill(fields, "institution", "school")


def _fill(fields: dict[str, str], missing: str, source: str) -> None:
    if fields.get(source, "").strip() and not fields.get(missing, "").strip():
        fields[missing] = fields[source]
