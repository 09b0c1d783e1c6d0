"""Source stage: a cursor over one BibTeX command, reading values and naming defects.

``defects`` walks a command's grammar with it. A cursor reads value parts
(``{...}``, ``"..."``, numbers, macros) and, at a defect, raises ``Found``
with what was wrong and its remedy: a repair (replace a span of the text by
another, line breaks kept), or the position to cut the entry at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pybtex.database.input.bibtex import NAME_CHARS

NAME = re.compile(rf"[{re.escape(NAME_CHARS)}][{re.escape(NAME_CHARS)}0-9]*")
NUMBER = re.compile(r"[0-9]+")
WHITESPACE = re.compile(r"\s*")
# A line that starts a field: a value running over one was never closed.
FIELD_START = re.compile(rf"\n\s*[{re.escape(NAME_CHARS)}][{re.escape(NAME_CHARS)}0-9]*\s*=")
BRACES = re.compile(r"[{}]")
QUOTED = re.compile(r'[{}"]')
SEPARATORS = re.compile(r'[,{}")]')
TOKEN = re.compile(r'[^\s,{}()"=#]+|\S')
# pybtex gives up past this depth of braces inside a value.
MAX_DEPTH = 101


@dataclass(frozen=True)
class Defect:
    """What is wrong, and its remedy."""

    message: str
    # Replace text[start:end] by the string: a repair that loses no more than it says.
    repair: tuple[int, int, str] | None = None
    # Where the broken field begins, to cut the entry there; None: nothing to keep.
    cut: int | None = None
    field: str | None = None


class Found(Exception):  # noqa: N818 - control flow, not an error
    """Raised at the first defect of a command."""

    def __init__(self, defect: Defect) -> None:
        super().__init__(defect.message)
        self.defect = defect


def blank(text: str) -> str:
    """``text`` removed but for its line breaks."""
    return "\n" * text.count("\n")


def field_of(label: str) -> str | None:
    """The field a message's label names ("field title"), if it names one."""
    return label.removeprefix("field ") if label.startswith("field ") else None


class Cursor:
    """A position in the text of one command (which begins at file line ``first_line``)."""

    def __init__(self, text: str, start: int, first_line: int) -> None:
        self.text = text
        self.first_line = first_line
        self.pos = start
        self.closer = "}"
        # The last value part in braces or quotes: its delimiter, start and end.
        self.last_part: tuple[str, int, int] | None = None

    def line(self, position: int) -> int:
        """The file line of ``position``."""
        return self.first_line + self.text.count("\n", 0, position)

    def found(
        self,
        message: str,
        *,
        repair: tuple[int, int, str] | None = None,
        cut: int | None = None,
        field: str | None = None,
    ) -> Found:
        """The defect ``message``, with its remedy, to raise."""
        return Found(Defect(message, repair, cut, field))

    def peek(self) -> str:
        """The next character after blanks, which are skipped ("" at the end)."""
        match = WHITESPACE.match(self.text, self.pos)
        self.pos = match.end() if match else self.pos
        return self.text[self.pos : self.pos + 1]

    def token(self) -> str:
        """The word or character at the current position, to quote in a message."""
        match = TOKEN.match(self.text, self.pos)
        return match.group() if match else ""

    def stray_at_ahead(self) -> bool:
        """Whether the next character is an "@" that starts no name."""
        return self.peek() == "@" and not NAME.match(self.text, self.pos + 1)

    def braced(self, label: str, field_start: int) -> None:
        """Read a ``{...}`` value part."""
        opened = self.pos
        depth = 0
        for brace in BRACES.finditer(self.text, self.pos):
            depth += 1 if brace.group() == "{" else -1
            if depth > MAX_DEPTH:
                self.pos = brace.start()
                raise self.too_deep(label, opened, field_start)
            if depth == 0:
                self.pos = brace.end()
                self.last_part = ("{", opened, self.pos)
                return
        self.pos = len(self.text)
        raise self.unclosed(label, opened, field_start)

    def quoted(self, label: str, field_start: int) -> None:
        """Read a ``"..."`` value part (braces inside it must balance)."""
        opened = self.pos
        depth = 0
        for mark in QUOTED.finditer(self.text, self.pos + 1):
            character = mark.group()
            if character == '"' and depth == 0:
                self.pos = mark.end()
                self.last_part = ('"', opened, self.pos)
                return
            if character == "{":
                depth += 1
                if depth >= MAX_DEPTH:
                    self.pos = mark.start()
                    raise self.too_deep(label, opened, field_start)
            elif character == "}":
                depth -= 1
                if depth < 0 and not self.closes_entry(opened, mark.start()):
                    self.pos = mark.start()
                    where = self.line(mark.start())
                    message = f"unbalanced '}}' in the quoted value of {label} (line {where})"
                    raise self.drop_field(message, field_start, field_of(label))
                if depth < 0:
                    break
        self.pos = len(self.text)
        raise self.unclosed(label, opened, field_start)

    def closes_entry(self, opened: int, brace: int) -> bool:
        """Whether the "}" at ``brace`` ends the entry rather than the value opened before.

        It does when it stands alone at the start of a later line, as an entry's
        last brace does, or when the value runs over the start of another field.
        """
        line_start = self.text.rfind("\n", 0, brace) + 1
        alone = line_start > opened and not self.text[line_start:brace].strip()
        return alone or FIELD_START.search(self.text, opened, brace) is not None

    def unclosed(self, label: str, opened: int, field_start: int) -> Found:
        """A value whose end nobody knows.

        Its field is dropped up to the next line that starts a field (``name =``),
        or the entry is cut before it if none does.
        """
        if self.text[opened] == "{":
            message = f"unclosed brace in {label}, opened at line {self.line(opened)}"
        else:
            message = f"unbalanced quote in {label} (line {self.line(opened)})"
        following = FIELD_START.search(self.text, opened)
        if following is None:
            return self.found(message, cut=field_start, field=field_of(label))
        span = self.text[field_start : following.start()]
        return self.found(
            f"{message}: that field is dropped, the fields after it are read",
            repair=(field_start, following.start(), blank(span)),
        )

    def too_deep(self, label: str, opened: int, field_start: int) -> Found:
        """Braces pybtex will not read: the field goes."""
        message = f"braces nested more than {MAX_DEPTH - 1} deep in {label}"
        where = f"{message} (line {self.line(opened)})"
        return self.drop_field(where, field_start, field_of(label))

    def is_field_start(self, position: int) -> bool:
        """Whether ``=`` follows ``position`` (after blanks): a name there starts a field."""
        rest = WHITESPACE.match(self.text, position)
        return rest is not None and self.text.startswith("=", rest.end())

    def end_of_previous_value(self) -> int:
        """Where the text before the current position ends, blanks excluded."""
        end = self.pos
        while end > 0 and self.text[end - 1].isspace():
            end -= 1
        return end

    def stray_at(self) -> Found:
        """An "@" where none belongs: it goes."""
        message = f"stray '@' (line {self.line(self.pos)}), ignored"
        return self.found(message, repair=(self.pos, self.pos + 1, ""))

    def ignored(self, message: str, cut: int, field: str | None) -> Found:
        """Skip the unexpected word, or up to the next comma, or cut the entry at ``cut``."""
        word = TOKEN.match(self.text, self.pos)
        after = WHITESPACE.match(self.text, word.end()) if word else None
        name = NAME.match(self.text, after.end()) if after else None
        if word and name and self.is_field_start(name.end()):
            # "💯 year = 2019": only the stray word goes.
            stop: int | None = word.end()
        else:
            stop = self.next_separator(self.pos)
        if stop is None or stop == self.pos:
            return self.found(message, cut=cut, field=field)
        span = self.text[self.pos : stop]
        return self.found(f"{message}, ignored", repair=(self.pos, stop, blank(span)))

    def drop_field(self, message: str, field_start: int, field: str | None) -> Found:
        """Drop the field up to the next comma, or cut the entry there if there is none."""
        stop = self.next_separator(field_start)
        if stop is None:
            return self.found(message, cut=field_start, field=field)
        span = self.text[field_start:stop]
        return self.found(
            f"{message}, that field is dropped", repair=(field_start, stop, blank(span))
        )

    def next_separator(self, position: int) -> int | None:
        """The next comma or closer outside any braces or quotes, from ``position``."""
        depth = 0
        quoted = False
        for mark in SEPARATORS.finditer(self.text, position):
            character = mark.group()
            if character == "{":
                depth += 1
            elif character == "}" and depth:
                depth -= 1
            elif depth:
                continue
            elif character == '"':
                quoted = not quoted
            elif not quoted and character in {",", self.closer}:
                return mark.start()
        return None
