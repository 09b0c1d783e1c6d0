"""Source stage: read .bib (and CSL-JSON, RIS) files leniently into pybtex data, located."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from ..core.diagnostics import Diagnostic, Subtype
from .bibtex.chunks import ENTRY_START, entry_starting_at, entry_starts, split_chunks
from .bibtex.decode import decode_bib
from .bibtex.parse import ChunkParser, SourcedEntry, read_chunk
from .foreign_files import foreign_reader, read_foreign

__all__ = [
    "ENTRY_START",
    "Bibliography",
    "FileSignature",
    "SourcedEntry",
    "entry_starting_at",
    "entry_starts",
    "read_bibliography",
    "signature",
]


@dataclass(frozen=True)
class FileSignature:
    """What identifies one version of a file on disk, for the parse cache."""

    path: str
    mtime_ns: int
    size: int


@dataclass(frozen=True)
class Bibliography:
    """The entries of one or more .bib files read together (sharing ``@string`` macros)."""

    entries: tuple[SourcedEntry, ...]
    diagnostics: tuple[Diagnostic, ...]


def signature(path: str) -> FileSignature | None:
    """The cache signature of ``path``, or None if it cannot be read."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return FileSignature(path, stat.st_mtime_ns, stat.st_size)


def read_bibliography(paths: Sequence[str]) -> Bibliography:
    """Parse ``paths`` in order with one parser, so later files see earlier macros."""
    parser = ChunkParser()
    entries: list[SourcedEntry] = []
    diagnostics: list[Diagnostic] = []
    for path in paths:
        reader = foreign_reader(path)
        if reader is not None:
            foreign, problems = read_foreign(path, reader, parser.data.entries)
            entries.extend(foreign)
            diagnostics.extend(problems)
            continue
        text, problems = _read_text(path)
        diagnostics.extend(problems)
        if text is None:
            continue
        parser.filename = path
        reported: set[Diagnostic] = set()
        with parser.capturing():
            for chunk in split_chunks(text):
                read = read_chunk(parser, chunk, path)
                entries.extend(entry for entry in read.entries if not _is_control(entry))
                # A field repeated five times in one entry is one problem.
                for diagnostic in read.diagnostics:
                    if diagnostic not in reported:
                        reported.add(diagnostic)
                        diagnostics.append(diagnostic)
    return Bibliography(tuple(entries), tuple(diagnostics))


def _is_control(entry: SourcedEntry) -> bool:
    # IEEEtran.bst reads its options from an entry of this type: it is no publication.
    return str(entry.entry.type).lower() == "ieeetranbstctl"


def _read_text(path: str) -> tuple[str | None, list[Diagnostic]]:
    try:
        with open(path, "rb") as stream:
            raw = stream.read()
    except OSError as error:
        reason = error.strerror or str(error)
        # No source: the warning points at the directive that names the file.
        return None, [Diagnostic(f"cannot read bib file {path}: {reason}", Subtype.BIBFILE)]
    text, problems = decode_bib(raw, path)
    if text is None:
        return None, problems
    if not text.strip():
        problems.append(Diagnostic("bib file is empty", Subtype.BIBFILE, path, 1))
    elif not ENTRY_START.search(text):
        message = "no BibTeX entries found: is this a bib file?"
        problems.append(Diagnostic(message, Subtype.BIBFILE, path, 1))
    return text, problems
