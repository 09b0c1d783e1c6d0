"""Source stage: files other than .bib, read by their extension into the entries they hold."""

from __future__ import annotations

import os
from collections.abc import Callable, MutableMapping
from typing import Any

from ..core.diagnostics import Diagnostic, Subtype
from .bibtex.decode import decode_bib
from .bibtex.parse import SourcedEntry
from .csl_reader import read_csl_json
from .pybtex_files import read_pybtex_format
from .ris_reader import read_ris

# text, path, keys already taken (lowercase) → entries and problems.
Reader = Callable[[str, str, set[str]], tuple[list[SourcedEntry], list[Diagnostic]]]

READERS: dict[str, tuple[str, Reader]] = {
    ".json": ("CSL-JSON", read_csl_json),
    ".ris": ("RIS", read_ris),
    ".yaml": ("BibTeXML/YAML", read_pybtex_format),
    ".yml": ("BibTeXML/YAML", read_pybtex_format),
    ".bibtexml": ("BibTeXML/YAML", read_pybtex_format),
}


def foreign_reader(path: str) -> tuple[str, Reader] | None:
    """The format name and reader of ``path`` by its extension; None for BibTeX."""
    return READERS.get(os.path.splitext(path)[1].lower())


def read_foreign(
    path: str, reader: tuple[str, Reader], known: MutableMapping[str, Any]
) -> tuple[list[SourcedEntry], list[Diagnostic]]:
    """The entries of ``path``; each is added to ``known`` (the BibTeX parser's entries).

    Keys are shared with the .bib files read with it: a key used twice keeps
    the first entry, in file order, as for BibTeX.
    """
    name, read = reader
    try:
        with open(path, "rb") as stream:
            raw = stream.read()
    except OSError as error:
        reason = error.strerror or str(error)
        return [], [Diagnostic(f"cannot read bib file {path}: {reason}", Subtype.BIBFILE)]
    text, problems = decode_bib(raw, path)
    if text is None:
        return [], problems
    if not text.strip():
        return [], [*problems, Diagnostic(f"{name} file is empty", Subtype.BIBFILE, path, 1)]
    taken = {key.lower() for key in known}
    entries, found = read(text, path, taken)
    for entry in entries:
        known[entry.key] = entry.entry
    if not entries and not found:
        found = [Diagnostic(f"no {name} records found", Subtype.BIBFILE, path, 1)]
    return entries, [*problems, *found]
