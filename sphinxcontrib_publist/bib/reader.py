"""Source stage: read .bib files leniently into pybtex data, with located diagnostics."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import pybtex.errors
from pybtex.database import Entry
from pybtex.database.input.bibtex import Parser, UndefinedMacro
from pybtex.exceptions import PybtexError
from pybtex.scanner import PybtexSyntaxError

from ..core.diagnostics import Diagnostic, Subtype
from .decode import decode_bib

# Entry types may contain "_", "-"... (Mendeley writes @web_page).
ENTRY_START = re.compile(r"@[ \t]*([A-Za-z][\w\-.:+]*)[ \t\r\n]*[{(][ \t\r\n]*([^,\s}]*)")
REPEATED_KEY = re.compile(r"repeated bibliography entry: (.*)$")
DUPLICATE_FIELD = re.compile(r"entry with key (\S+) has a duplicate (\S+) field")
BARE_COMMENT = re.compile(r"@[ \t]*comment\b", re.IGNORECASE)
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
        starts = entry_starts(text)
        lines = {key: found[0] for key, found in starts.items()}
        repeats = _Repeats(starts, {key.lower() for key in before})
        broken: set[str] = set()
        reported: set[Diagnostic] = set()
        for error in errors:
            if _in_bare_comment(error, text):
                continue
            diagnostic, broken_key = _diagnostic_from_error(error, path, text, lines, repeats)
            # A field repeated five times in one entry is one problem.
            if diagnostic not in reported:
                reported.add(diagnostic)
                diagnostics.append(diagnostic)
            if broken_key:
                broken.add(broken_key)
        for key, entry in parser.data.entries.items():
            if key not in before and key.lower() not in broken:
                entries.append(SourcedEntry(key, entry, path, lines.get(key.lower())))
    return Bibliography(tuple(entries), tuple(diagnostics))


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


def entry_starts(text: str) -> dict[str, list[int]]:
    """Map each entry key (lowercased) to every line where an entry with it starts."""
    starts: dict[str, list[int]] = {}
    line = 1
    position = 0
    for match in ENTRY_START.finditer(text):
        if match.group(1).lower() in IGNORED_COMMANDS:
            continue
        line += text.count("\n", position, match.start())
        position = match.start()
        starts.setdefault(match.group(2).lower(), []).append(line)
    return starts


def entry_starting_at(text: str, position: int) -> tuple[str, int] | None:
    """The key and line of the entry whose ``@type{key`` starts at ``position``, if any."""
    match = ENTRY_START.match(text, position)
    if match is None or match.group(1).lower() in IGNORED_COMMANDS:
        return None
    return match.group(2), text.count("\n", 0, position) + 1


def _in_bare_comment(error: Exception, text: str) -> bool:
    # BibTeX ignores an "@Comment words" line with no braces; pybtex calls it an error.
    if not isinstance(error, PybtexSyntaxError):
        return False
    return BARE_COMMENT.match(text, error.error_context_info[0] or 0) is not None


class _Repeats:
    """Where each repeated key of one file repeats, in the order pybtex reports them."""

    def __init__(self, starts: dict[str, list[int]], defined_before: set[str]) -> None:
        self.starts = starts
        self.defined_before = defined_before
        self.reported: Counter[str] = Counter()

    def next_line(self, key: str) -> int | None:
        """The line of the next repeat of ``key``."""
        folded = key.lower()
        starts = self.starts.get(folded, [])
        # The first entry with a key new to this file is the original, not a repeat.
        index = self.reported[folded] + (0 if folded in self.defined_before else 1)
        self.reported[folded] += 1
        return starts[min(index, len(starts) - 1)] if starts else None


def _diagnostic_from_error(
    error: Exception, path: str, text: str, lines: dict[str, int], repeats: _Repeats
) -> tuple[Diagnostic, str | None]:
    """The diagnostic of a parse error, and the key of the entry it breaks (if any)."""
    if isinstance(error, RecursionError):
        message = "braces nested too deeply; the rest of the file is skipped"
        return Diagnostic(message, Subtype.PARSE, path), None
    message = str(error)
    if isinstance(error, PybtexSyntaxError):
        return _syntax_diagnostic(error, path, text)
    repeated = REPEATED_KEY.search(message)
    if repeated:
        key = repeated.group(1)
        message = f"duplicate entry key {key!r}: the later entry is ignored"
        return Diagnostic(message, Subtype.DUPLICATE_KEY, path, repeats.next_line(key)), None
    duplicate_field = DUPLICATE_FIELD.search(message)
    if duplicate_field:
        key, field = duplicate_field.groups()
        message = f"entry {key!r} has more than one {field} field; the first is kept"
        return Diagnostic(message, Subtype.PARSE, path, lines.get(key.lower())), None
    return Diagnostic(message, Subtype.PARSE, path), None


def _syntax_diagnostic(
    error: PybtexSyntaxError, path: str, text: str
) -> tuple[Diagnostic, str | None]:
    # pybtex keeps the entry it was reading with whatever fields came before the
    # error; showing that torso (and warning about its missing fields) would be
    # noise, so the entry is skipped and this one warning says so.
    message = _without_line_prefix(str(error))
    broken = None
    if not isinstance(error, UndefinedMacro):
        # pybtex records where the command it was reading started.
        broken = entry_starting_at(text, error.error_context_info[0] or 0)
    if broken is None:
        return Diagnostic(message, Subtype.PARSE, path, error.lineno), None
    key, start = broken
    message = f"{message} in entry {key!r} (line {start}); the entry is skipped"
    return Diagnostic(message, Subtype.PARSE, path, error.lineno), key.lower()


def _without_line_prefix(message: str) -> str:
    return re.sub(r"^(.*?) in line \d+: ", r"\1: ", message)
