"""Source stage: pybtex's own YAML and BibTeXML formats, read by pybtex (no lines known)."""

from __future__ import annotations

import io

import pybtex.errors
from pybtex.database import Entry
from pybtex.database.input import bibtexml, bibyaml

from ..core.diagnostics import Diagnostic, Subtype
from .bibtex.parse import SourcedEntry
from .foreign import duplicate_key


def read_pybtex_format(
    text: str, path: str, taken: set[str]
) -> tuple[list[SourcedEntry], list[Diagnostic]]:
    """The entries of a pybtex YAML or BibTeXML file; a file pybtex cannot read is one warning."""
    parser = bibtexml.Parser() if path.lower().endswith(".bibtexml") else bibyaml.Parser()
    try:
        with pybtex.errors.capture():
            data = parser.parse_stream(io.StringIO(text))
    except Exception as error:  # noqa: BLE001  # pybtex and its YAML/XML parsers raise anything
        message = f"cannot read {path} as pybtex data: {error}".splitlines()[0]
        return [], [Diagnostic(message, Subtype.BIBFILE, path, 1)]
    entries: list[SourcedEntry] = []
    diagnostics: list[Diagnostic] = []
    for index, (key, entry) in enumerate(data.entries.items(), start=1):
        if key.lower() in taken:
            diagnostics.append(duplicate_key(key, path, None, f"entry {index}"))
            continue
        taken.add(key.lower())
        entries.append(SourcedEntry(key, _with_name_fields(entry), path, None))
    return entries, diagnostics


def _with_name_fields(entry: Entry) -> Entry:
    # The model stage reads names from fields, as the BibTeX parser leaves them.
    fields = dict(entry.fields)
    for role, people in entry.persons.items():
        fields[role.lower()] = " and ".join(str(person) for person in people)
    return Entry(entry.type, fields=fields)
