"""Source stage: read .bib files leniently into pybtex data, with located diagnostics."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pybtex.errors
from pybtex.database import BibliographyData, Entry
from pybtex.database.input.bibtex import Parser
from pybtex.exceptions import PybtexError
from pybtex.scanner import PybtexSyntaxError

from .diagnostics import Diagnostic, Subtype

ENTRY_START = re.compile(r"@[ \t]*([A-Za-z]+)[ \t\r\n]*[{(][ \t\r\n]*([^,\s}]*)")
REPEATED_KEY = re.compile(r"repeated bibliography entry: (.*)$")
DUPLICATE_FIELD = re.compile(r"entry with key (\S+) has a duplicate")
IGNORED_COMMANDS = frozenset({"comment", "preamble", "string"})


@dataclass(frozen=True)
class FileSignature:
    """What identifies one version of a file on disk, for the parse cache."""

    path: str
    mtime_ns: int
    size: int


@dataclass(frozen=True)
class SourcedEntry:
    """A pybtex entry with the file and line it was read from."""

    key: str
    entry: Entry
    source: str
    line: int | None


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
    # Names stay plain fields: the model stage splits them, caching repeated names.
    parser = Parser(person_fields=())
    entries: list[SourcedEntry] = []
    diagnostics: list[Diagnostic] = []
    for path in paths:
        text, problems = _read_text(path)
        diagnostics.extend(problems)
        if text is None:
            continue
        before = set(parser.data.entries)
        errors = _parse_leniently(parser, text, path)
        lines = entry_lines(text)
        diagnostics.extend(_diagnostic_from_error(error, path, text, lines) for error in errors)
        for key, entry in parser.data.entries.items():
            if key not in before:
                entries.append(SourcedEntry(key, entry, path, lines.get(key.lower())))
    return Bibliography(tuple(entries), tuple(diagnostics))


def _read_text(path: str) -> tuple[str | None, list[Diagnostic]]:
    try:
        with open(path, "rb") as stream:
            raw = stream.read()
    except OSError as error:
        reason = error.strerror or str(error)
        return None, [Diagnostic(f"cannot read bib file: {reason}", Subtype.BIBFILE, path)]
    problems: list[Diagnostic] = []
    if b"\x00" in raw:
        raw = raw.replace(b"\x00", b"")
        problems.append(Diagnostic("NUL bytes removed", Subtype.BIBFILE, path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        problems.append(
            Diagnostic("file is not valid UTF-8; decoded as Latin-1", Subtype.BIBFILE, path, line)
        )
        text = raw.decode("latin-1")
    if not text.strip():
        problems.append(Diagnostic("bib file is empty", Subtype.BIBFILE, path))
    return text.replace("\r\n", "\n"), problems


def _parse_leniently(parser: Parser, text: str, path: str) -> list[Exception]:
    # capture() makes pybtex collect errors instead of raising them; its strict
    # mode is process-global, so we never touch it.
    parser.filename = path
    with pybtex.errors.capture() as captured:
        try:
            parser.parse_string(text)
        except (PybtexError, RecursionError) as error:
            captured.append(error)
    return list(captured)


def entry_lines(text: str) -> dict[str, int]:
    """Map each entry key (lowercased) to the line of its first ``@type{key``."""
    lines: dict[str, int] = {}
    line = 1
    position = 0
    for match in ENTRY_START.finditer(text):
        if match.group(1).lower() in IGNORED_COMMANDS:
            continue
        line += text.count("\n", position, match.start())
        position = match.start()
        lines.setdefault(match.group(2).lower(), line)
    return lines


def duplicate_key_lines(text: str, key: str) -> list[int]:
    """Every line where an entry with ``key`` starts (for duplicate reports)."""
    wanted = key.lower()
    return [
        text.count("\n", 0, match.start()) + 1
        for match in ENTRY_START.finditer(text)
        if match.group(2).lower() == wanted
    ]


def _diagnostic_from_error(
    error: Exception, path: str, text: str, lines: dict[str, int]
) -> Diagnostic:
    if isinstance(error, RecursionError):
        return Diagnostic(
            "braces nested too deeply; the rest of the file is skipped", Subtype.PARSE, path
        )
    message = str(error)
    if isinstance(error, PybtexSyntaxError):
        return Diagnostic(_without_line_prefix(message), Subtype.PARSE, path, error.lineno)
    repeated = REPEATED_KEY.search(message)
    if repeated:
        key = repeated.group(1)
        return Diagnostic(
            f"duplicate entry key {key!r}: the later entry is ignored",
            Subtype.DUPLICATE_KEY,
            path,
            _last(duplicate_key_lines(text, key)),
        )
    duplicate_field = DUPLICATE_FIELD.search(message)
    line = lines.get(duplicate_field.group(1).lower()) if duplicate_field else None
    return Diagnostic(message, Subtype.PARSE, path, line)


def _last(lines: list[int]) -> int | None:
    return lines[-1] if lines else None


def _without_line_prefix(message: str) -> str:
    return re.sub(r"^(.*?) in line \d+: ", r"\1: ", message)


def bibliography_data(entries: Sequence[SourcedEntry]) -> BibliographyData:
    """A pybtex ``BibliographyData`` of ``entries``, for pybtex styles and writers."""
    data = BibliographyData()
    for sourced in entries:
        data.entries[sourced.key] = sourced.entry
    return data
