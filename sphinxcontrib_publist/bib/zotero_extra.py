"""Source stage: Zotero's "Extra" field, which its CSL-JSON export writes into ``note``.

Zotero keeps what its item types have no field for as ``Key: value`` lines
("PMID: 40512270", "arXiv: 2101.00001", "Citation Key: doe2021"); those are
read as the fields they name, the other lines stay the note.
"""

from __future__ import annotations

import re

# Zotero's label → our field.
EXTRA_FIELDS = {
    "citation key": "key",
    "pmid": "pmid",
    "pmcid": "pmcid",
    "arxiv": "eprint",
    "doi": "doi",
    "isbn": "isbn",
}
_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z ]*?)\s*:\s*(\S.*?)\s*$")
# The item URIs Zotero's own export uses as ids: no citation key.
ZOTERO_URI = re.compile(r"^https?://zotero\.org/", re.IGNORECASE)


def split_extra(note: str) -> tuple[dict[str, str], str]:
    """The fields ``note``'s ``Key: value`` lines name, and the note without them."""
    fields: dict[str, str] = {}
    kept: list[str] = []
    for line in note.splitlines():
        found = _LINE.match(line)
        name = EXTRA_FIELDS.get(found.group(1).lower()) if found else None
        if found and name and name not in fields:
            fields[name] = found.group(2)
        else:
            kept.append(line)
    return fields, "\n".join(kept).strip()
