r"""Source stage: a bib file's text cut into one chunk per entry, ``%`` comments removed.

A chunk begins at each line that starts a command: ``@type{`` or ``@type(``
at the start of a line, blanks allowed before it. This is where biber
resynchronises after an error, so one broken entry can break nothing after it:
pybtex reads each chunk on its own (with one parser, so ``@string`` macros and
crossrefs still reach across chunks and files).

A line starting with ``@type{`` can also sit inside a value (a field quoting a
BibTeX entry). The chunk that opens such a value has more ``{`` than ``}``; it
is joined to the chunks that close it when, together, they are one valid
command.

``%`` starts a comment to the end of its line outside field values, as biber
reads it (BibTeX would choke on it between fields); inside braces or quotes it
is text (``50\%``, ``{100 % sure}``). A comment is removed but its line break
stays, so every line keeps its number.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from .defects import recover

COMMAND_START = re.compile(r"@[ \t]*([A-Za-z][\w\-.:+]*)[ \t\r\n]*[{(]")
LINE_START = re.compile(r"[ \t]*" + COMMAND_START.pattern)
# Entry types may contain "_", "-"... (Mendeley writes @web_page).
ENTRY_START = re.compile(r"@[ \t]*([A-Za-z][\w\-.:+]*)[ \t\r\n]*[{(][ \t\r\n]*([^,\s}]*)")
IGNORED_COMMANDS = frozenset({"comment", "preamble", "string"})
COMMAND_OPENING = re.compile(r"@[ \t\r\n]*([^\s{}(),=\"#%@]+)[ \t\r\n]*([{(])")
COMMENT_SIGNIFICANT = re.compile(r'[{}()"%@]')
# How many chunks a value quoting entries may span.
JOIN_SPAN = 16


class Chunk(NamedTuple):
    """A piece of a bib file: its text, comments removed, and the line it starts at."""

    text: str
    line: int


def split_chunks(text: str) -> list[Chunk]:
    """``text`` cut at each line that starts a command, ``%`` comments removed."""
    starts = [0]
    for command in COMMAND_START.finditer(text):
        # Searching for "@" first is five times faster than a "^[ \t]*@" pattern.
        at = command.start()
        line_start = text.rfind("\n", 0, at) + 1
        if line_start > starts[-1] and (at == line_start or not text[line_start:at].strip(" \t")):
            starts.append(line_start)
    starts.append(len(text))
    pieces = [text[start:end] for start, end in itertools.pairwise(starts)]
    chunks: list[Chunk] = []
    line = 1
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        stripped = strip_comments(piece)
        end = index
        if stripped.count("{") > stripped.count("}"):
            end = _joined_end(pieces, index, stripped)
            if end > index:
                piece = "".join(pieces[index : end + 1])
                stripped = strip_comments(piece)
        chunks.append(Chunk(stripped, line))
        line += piece.count("\n")
        index = end + 1
    return chunks


def _joined_end(pieces: list[str], index: int, stripped: str) -> int:
    """The last piece of the command opened in ``pieces[index]`` (itself, mostly)."""
    balance = stripped.count("{") - stripped.count("}")
    if balance <= 0:
        return index
    command = LINE_START.match(stripped)
    if command is None or command.group(1).lower() == "comment":
        return index
    for end in range(index + 1, min(index + JOIN_SPAN, len(pieces))):
        balance += pieces[end].count("{") - pieces[end].count("}")
        if balance < 0:
            return index
        if balance == 0:
            joined = strip_comments("".join(pieces[index : end + 1]))
            # Joined only if that makes one sound command that quotes the others.
            recovery = recover(joined, joined.index("@"), 1)
            return index if recovery.defects else end
    return index


def _inside_braced_values(text: str) -> bool:
    """Whether every ``%`` is two braces deep, in a value ("50%" in an abstract).

    Most ``%`` are, and counting braces is much faster than walking the text.
    """
    position = text.find("%")
    while position >= 0:
        if text.count("{", 0, position) - text.count("}", 0, position) < 2:
            return False
        position = text.find("%", position + 1)
    return True


def strip_comments(text: str) -> str:
    """``text`` without ``%`` comments outside values, every line break kept."""
    if "%" not in text or _inside_braced_values(text):
        return text
    kept: list[str] = []
    copied = 0
    position = 0
    depth = 0  # of braces inside a value (and of a @comment's body)
    closer = ""  # of the entry whose fields we are between ("": outside any entry)
    quoted = False
    while match := COMMENT_SIGNIFICANT.search(text, position):
        character = match.group()
        position = match.end()
        if depth:
            depth += {"{": 1, "}": -1}.get(character, 0)
        elif quoted:
            quoted = character != '"'
            depth = 1 if character == "{" else 0
        elif character == "%":
            line_end = text.find("\n", match.start())
            line_end = len(text) if line_end < 0 else line_end
            kept.append(text[copied : match.start()])
            copied = position = line_end
        elif not closer:
            command = COMMAND_OPENING.match(text, match.start())
            if character == "@" and command:
                position = command.end()
                if command.group(1).lower() == "comment":
                    # A comment's body is text, as pybtex skips it whole.
                    depth = 1 if command.group(2) == "{" else 0
                else:
                    closer = "}" if command.group(2) == "{" else ")"
        elif character == closer:
            closer = ""
        elif character == "{":
            depth = 1
        elif character == '"':
            quoted = True
    kept.append(text[copied:])
    return "".join(kept)


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
