"""Source stage: pybtex reads a file chunk by chunk; broken entries keep what they can.

Every chunk goes through one pybtex parser, in order, so ``@string`` macros
and crossrefs work across chunks and files. A command that pybtex reports a
syntax error in is diagnosed (``defects.recover``); the entry pybtex kept of
it is replaced by what the diagnosis says can be kept, read again by the same
parser; an entry left with no field is dropped, so it claims no key. Each
broken command gives one warning, at its first line, naming each defect.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pybtex.errors
from pybtex.database import Entry
from pybtex.database.input.bibtex import Parser, UndefinedMacro
from pybtex.exceptions import PybtexError
from pybtex.scanner import PybtexSyntaxError

from ...core.diagnostics import Diagnostic, Subtype
from ..latex_blocks import BLANK_LINE
from .chunks import COMMAND_OPENING, ENTRY_START, Chunk, entry_starts
from .defects import Recovery, recover

REPEATED_KEY = re.compile(r"repeated bibliography entry: (.*)$")
DUPLICATE_FIELD = re.compile(r"entry with key (\S+) has a duplicate (\S+) field")
BARE_COMMENT = re.compile(r"@[ \t]*comment\b", re.IGNORECASE)


@dataclass(frozen=True)
class SourcedEntry:
    """A pybtex entry with the file and line it was read from."""

    key: str
    entry: Entry
    source: str
    line: int | None


@dataclass(frozen=True)
class ChunkRead:
    """The entries one chunk added, and what was wrong in it."""

    entries: list[SourcedEntry]
    diagnostics: list[Diagnostic]


class ChunkParser(Parser):  # type: ignore[misc]  # pybtex has no type hints
    """pybtex's parser, noting the keys each parse adds (pybtex only adds to one dict)."""

    def __init__(self) -> None:
        # Names stay plain fields: the model stage splits them, caching repeated names.
        super().__init__(person_fields=())
        self.added: list[str] = []
        self.captured: list[Exception] = []

    def flatten_value_list(self, value_list: list[str]) -> str:
        r"""A field's value, its blank lines kept as the ``\par`` they are in TeX.

        pybtex then squeezes all other whitespace, which would merge paragraphs.
        """
        value: str = super().flatten_value_list(value_list)
        if "\n" in value:
            value = BLANK_LINE.sub(lambda _: r" \par ", value)
        return value

    def process_entry(self, entry_type: str, key: str | None, fields: Any) -> None:
        """Add the entry as pybtex does, noting its key if it was added."""
        if key is None:
            # Only a broken command has no key (pybtex would call it "unnamed-1").
            return
        count = len(self.data.entries)
        super().process_entry(entry_type, key, fields)
        if len(self.data.entries) > count:
            self.added.append(key)

    @contextlib.contextmanager
    def capturing(self) -> Iterator[None]:
        """Collect pybtex's errors instead of raising them, while in this block.

        pybtex's strict mode is process-global, so we never touch it; capture()
        is not reentrant, so one block serves every chunk.
        """
        with pybtex.errors.capture() as captured:
            self.captured = captured
            yield

    def parse_chunk(self, text: str) -> list[Exception]:
        """Parse ``text`` (in a ``capturing`` block) and return its errors."""
        count = len(self.captured)
        try:
            self.parse_string(text)
        except (PybtexError, RecursionError) as error:
            self.captured.append(error)
        if len(self.captured) == count:
            return []
        errors = self.captured[count:]
        del self.captured[count:]
        return errors


def read_chunk(parser: ChunkParser, chunk: Chunk, path: str) -> ChunkRead:
    """Parse one chunk; recover the commands pybtex found broken."""
    if "@" not in chunk.text:
        return ChunkRead([], [])
    parser.added = []
    errors = parser.parse_chunk(chunk.text)
    if errors:
        errors = [error for error in errors if not _bare_comment(error, chunk)]
    diagnostics: list[Diagnostic] = []
    if errors:
        broken = _broken_commands(errors, chunk.text)
        reread: list[Exception] = []
        for start in broken:
            recovery = recover(chunk.text, start, chunk.line)
            errors = [error for error in errors if not _belongs_to(error, start, recovery, broken)]
            diagnostics.append(_recover(parser, chunk, start, recovery, path, reread))
        starts = entry_starts(chunk.text)
        repeats = _Repeats(starts, {key.lower() for key in parser.added})
        diagnostics.extend(
            _diagnostic(error, path, chunk, starts, repeats) for error in [*errors, *reread]
        )
        diagnostics.sort(key=lambda diagnostic: diagnostic.line or 0)
    elif len(parser.added) == 1:
        # The common case: the chunk is one entry.
        key = parser.added[0]
        first = ENTRY_START.match(chunk.text, chunk.text.find("@"))
        if first and first.group(2).lower() == key.lower():
            line = chunk.line + chunk.text.count("\n", 0, first.start())
            return ChunkRead([SourcedEntry(key, parser.data.entries[key], path, line)], [])
    starts = entry_starts(chunk.text)
    entries = [
        SourcedEntry(key, parser.data.entries[key], path, _line_of(key, starts, chunk))
        for key in parser.added
    ]
    return ChunkRead(entries, diagnostics)


def _bare_comment(error: Exception, chunk: Chunk) -> bool:
    # BibTeX ignores an "@Comment words" line with no braces; pybtex calls it an error.
    if not isinstance(error, PybtexSyntaxError):
        return False
    return BARE_COMMENT.match(chunk.text, error.error_context_info[0] or 0) is not None


def _is_structural(error: Exception) -> bool:
    return isinstance(error, RecursionError) or (
        isinstance(error, PybtexSyntaxError) and not isinstance(error, UndefinedMacro)
    )


def _command_start(error: Exception, text: str) -> int:
    if isinstance(error, PybtexSyntaxError):
        return int(error.error_context_info[0] or 0)
    # A RecursionError leaves no trace of where: blame the chunk's first command.
    return max(text.find("@"), 0)


def _broken_commands(errors: list[Exception], text: str) -> list[int]:
    """Where each broken command starts, but for the debris of an earlier one."""
    starts = sorted({_command_start(error, text) for error in errors if _is_structural(error)})
    broken: list[int] = []
    for start in starts:
        # After an error pybtex resumes at the next "@", maybe one in a later value
        # of the broken entry ("x@y.org"); such an "@" starts no command.
        if broken and COMMAND_OPENING.match(text, start) is None:
            continue
        broken.append(start)
    return broken


def _belongs_to(error: Exception, start: int, recovery: Recovery, broken: list[int]) -> bool:
    """Whether the error is one of the broken command's, which its recovery replaces."""
    if isinstance(error, PybtexSyntaxError):
        position = _command_start(error, "")
        later = [other for other in broken if other > start]
        return start <= position < (later[0] if later else len(error.parser.text) + 1) and (
            position == start or COMMAND_OPENING.match(error.parser.text, position) is None
        )
    if isinstance(error, RecursionError):
        return True
    key = _key_of(error)
    return key is not None and recovery.key is not None and key.lower() == recovery.key.lower()


def _key_of(error: Exception) -> str | None:
    message = str(error)
    repeated = REPEATED_KEY.search(message) or DUPLICATE_FIELD.search(message)
    return repeated.group(1) if repeated else None


def _recover(
    parser: ChunkParser,
    chunk: Chunk,
    start: int,
    recovery: Recovery,
    path: str,
    reread: list[Exception],
) -> Diagnostic:
    """Replace what pybtex kept of a broken command by its recovery; the warning.

    The errors of reading the recovery again (undefined macros...) go to ``reread``.
    """
    line = chunk.line + chunk.text.count("\n", 0, start)
    described = "; ".join(recovery.defects) or "syntax error"
    if recovery.key is None:
        return Diagnostic(described, Subtype.PARSE, path, line)
    torso = _take_back(parser, recovery.key)
    if recovery.text is None:
        # The key itself is in doubt: the message quotes it as written.
        return Diagnostic(f"{described}; the entry is skipped", Subtype.PARSE, path, line)
    # Read again at the same line, so that its own errors are located right.
    text = "\n" * chunk.text.count("\n", 0, start) + recovery.text
    if not _read_again(parser, text, reread) and torso is not None:
        # pybtex disagrees with the diagnosis: keep what pybtex kept.
        parser.data.add_entry(recovery.key, torso)
        parser.added.append(recovery.key)
    kept = next((key for key in parser.added if key.lower() == recovery.key.lower()), None)
    if kept is not None and not parser.data.entries[kept].fields:
        _take_back(parser, kept)
        kept = None
    outcome = ""
    if kept is None:
        outcome = "; the entry is skipped"
    elif recovery.cut_at:
        outcome = f"; kept without field {recovery.cut_at} and what follows it"
    return Diagnostic(f"entry {recovery.key!r}: {described}{outcome}", Subtype.PARSE, path, line)


def _read_again(parser: ChunkParser, text: str, reread: list[Exception]) -> bool:
    """Parse a recovered command; if pybtex still finds it broken, undo that and say so."""
    added = parser.added
    parser.added = []
    errors = parser.parse_chunk(text)
    if any(_is_structural(error) for error in errors):
        for key in parser.added:
            del parser.data.entries[key]
        parser.added = added
        return False
    reread.extend(errors)
    parser.added = added + parser.added
    return True


def _take_back(parser: ChunkParser, key: str) -> Entry | None:
    """Remove the entry this chunk added under ``key``, if it did; it claims no key then."""
    for added in parser.added:
        if added.lower() == key.lower():
            parser.added.remove(added)
            entry: Entry = parser.data.entries[added]
            del parser.data.entries[added]
            return entry
    return None


def _line_of(key: str, starts: dict[str, list[int]], chunk: Chunk) -> int:
    found = starts.get(key.lower())
    return chunk.line + found[0] - 1 if found else chunk.line


def _diagnostic(
    error: Exception,
    path: str,
    chunk: Chunk,
    starts: dict[str, list[int]],
    repeats: _Repeats,
) -> Diagnostic:
    """The diagnostic of a pybtex error that breaks no entry."""
    message = str(error)
    if isinstance(error, PybtexSyntaxError):
        line = chunk.line + error.lineno - 1 if error.lineno else chunk.line
        return Diagnostic(
            re.sub(r"^(.*?) in line \d+: ", r"\1: ", message), Subtype.PARSE, path, line
        )
    repeated = REPEATED_KEY.search(message)
    if repeated:
        key = repeated.group(1)
        message = f"duplicate entry key {key!r}: the later entry is ignored"
        line = chunk.line + (repeats.next_line(key) or 1) - 1
        return Diagnostic(message, Subtype.DUPLICATE_KEY, path, line)
    duplicate_field = DUPLICATE_FIELD.search(message)
    if duplicate_field:
        key, field = duplicate_field.groups()
        message = f"entry {key!r} has more than one {field} field; the first is kept"
        return Diagnostic(message, Subtype.PARSE, path, _line_of(key, starts, chunk))
    return Diagnostic(message, Subtype.PARSE, path, chunk.line)


class _Repeats:
    """Where each repeated key of one chunk repeats, in the order pybtex reports them."""

    def __init__(self, starts: dict[str, list[int]], added_here: set[str]) -> None:
        self.starts = starts
        self.added_here = added_here
        self.reported: Counter[str] = Counter()

    def next_line(self, key: str) -> int | None:
        """The line (in the chunk) of the next repeat of ``key``."""
        folded = key.lower()
        starts = self.starts.get(folded, [])
        # The first entry of a key this chunk added is the original, not a repeat.
        index = self.reported[folded] + (1 if folded in self.added_here else 0)
        self.reported[folded] += 1
        return starts[min(index, len(starts) - 1)] if starts else None
