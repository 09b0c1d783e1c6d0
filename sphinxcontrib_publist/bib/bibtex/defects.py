"""Source stage: what is wrong with a command pybtex could not read, and what of it to keep.

This runs only on the few commands pybtex reported a syntax error in. It walks
the command the way pybtex's grammar does::

    @type{key, name = part # part, name = part,}      (or @type(...))

and stops at the first defect, which it names with its field and line. Then:

- a defect whose fix is certain is repaired, and the walk goes on: a missing
  comma between two fields, a stray ``@``, a missing closing brace after the
  last field; a field whose name is not followed by ``=``, or whose value is
  missing, is dropped as far as the next comma;
- a value whose brace or quote never closes drops its field as far as the next
  line that starts a field (``name =``); with none, the entry is cut before
  that field, which is what BibTeX keeps of an entry it reports an error in.

Repairs keep every line break, so what pybtex reads again has the same lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cursor import FIELD_START, NAME, NUMBER, Cursor, Defect, Found, field_of

COMMAND = re.compile(r"@[ \t\r\n]*([^\s{}(),=\"#%@]+)[ \t\r\n]*([{(])")
KEYS = {"}": re.compile(r"[^\s,}]+"), ")": re.compile(r"[^\s,]+")}
MAX_REPAIRS = 20


@dataclass(frozen=True)
class Recovery:
    """What was wrong with one command, and the text of it to read instead."""

    defects: tuple[str, ...]
    # The entry's key as pybtex reads it (None for other commands, or no key).
    key: str | None
    # The command repaired, or cut before its first unrecoverable field, or None
    # when nothing of it can be kept (its key is broken).
    text: str | None
    # The broken field where the entry was cut, if it was.
    cut_at: str | None = None


def recover(text: str, start: int, first_line: int) -> Recovery:
    """Diagnose the command at ``text[start:]`` (``text`` begins at file line ``first_line``)."""
    defects: list[str] = []
    command = text[start:]
    prefix = text[:start]
    for _ in range(MAX_REPAIRS):
        walk = _Walk(prefix + command, start, first_line)
        defect = walk.defect()
        if defect is None:
            # What follows the command in its chunk was read with the chunk.
            return Recovery(tuple(defects), walk.key, command[: walk.pos - start])
        defects.append(defect.message)
        if defect.repair is not None:
            begin, end, replacement = defect.repair
            command = command[: begin - start] + replacement + command[end - start :]
            continue
        if defect.cut is None or not walk.is_entry:
            return Recovery(tuple(defects), walk.key, None)
        kept = command[: defect.cut - start] + walk.closer
        return Recovery(tuple(defects), walk.key, kept, cut_at=defect.field)
    return Recovery(tuple(defects), None, None)


class _Walk(Cursor):
    """One pass over a command, raising ``Found`` at its first defect."""

    def __init__(self, text: str, start: int, first_line: int) -> None:
        super().__init__(text, start, first_line)
        self.is_entry = False
        self.key: str | None = None

    def defect(self) -> Defect | None:
        try:
            self._command()
        except Found as found:
            return found.defect
        return None

    def _command(self) -> None:
        command = COMMAND.match(self.text, self.pos)
        if command is None:
            raise self.found(f"stray '@' (line {self.line(self.pos)}) where no entry starts")
        self.pos = command.end()
        self.closer = "}" if command.group(2) == "{" else ")"
        kind = command.group(1).lower()
        if kind == "comment":
            return
        if kind == "preamble":
            self._value("@preamble", self.pos)
        elif kind == "string":
            self._string()
        else:
            self.is_entry = True
            self._entry_body()
            return
        if self.peek() != self.closer:
            raise self.found(f"{self.closer!r} expected (line {self.line(self.pos)})")
        self.pos += 1

    def _string(self) -> None:
        self.peek()
        name = NAME.match(self.text, self.pos)
        if name is None:
            raise self.found(f"@string without a name (line {self.line(self.pos)})")
        self.pos = name.end()
        label = f"@string {name.group()}"
        if self.peek() != "=":
            raise self.found(f"'=' expected after {label} (line {self.line(self.pos)})")
        self.pos += 1
        self._value(label, name.start())

    def _entry_body(self) -> None:
        opened = self.pos
        self.peek()
        key = KEYS[self.closer].match(self.text, self.pos)
        if key is None:
            where = self.line(opened)
            raise self.found(f"entry key expected (line {where}); the entry is skipped")
        self.pos = key.end()
        self.key = key.group()
        key_start: int | None = key.start()
        while True:
            self._field(key_start)
            if self.peek() != ",":
                self._end_of_entry()
                return
            self.pos += 1
            key_start = None

    def _field(self, key_start: int | None) -> None:
        if self.stray_at_ahead():
            raise self.stray_at()
        start = self.pos
        name = NAME.match(self.text, start)
        if name is None:
            return
        field = name.group()
        label = f"field {field}"
        self.pos = name.end()
        following = self.peek()
        if following == "=":
            self.pos += 1
            self._value(label, start)
            self._after_value(label, start)
            return
        if not following:
            message = f"entry ends inside {label} (line {self.line(start)})"
            raise self.found(message, cut=start, field=field)
        if key_start is not None and "\n" not in self.text[key_start:start]:
            # pybtex reads "@misc{key with spaces," as key "key" and a field "with".
            key = self.text[key_start:].split("\n", 1)[0].split(",", 1)[0].strip()
            raise self.found(f"space in the entry key {key!r} (line {self.line(key_start)})")
        message = f"'=' expected after {label}, found {self.token()!r} (line {self.line(start)})"
        raise self.drop_field(message, start, field)

    def _value(self, label: str, field_start: int) -> None:
        while True:
            following = self.peek()
            if following == '"':
                self.quoted(label, field_start)
            elif following == "{":
                self.braced(label, field_start)
            elif self.stray_at_ahead():
                raise self.stray_at()
            elif match := NUMBER.match(self.text, self.pos) or NAME.match(self.text, self.pos):
                self.pos = match.end()
            elif not following:
                message = f"entry ends inside {label} (line {self.line(field_start)})"
                raise self.found(message, cut=field_start, field=field_of(label))
            elif following in {",", self.closer}:
                message = f"missing value in {label} (line {self.line(field_start)})"
                raise self.drop_field(message, field_start, field_of(label))
            else:
                where = self.line(self.pos)
                message = f"unexpected {self.token()!r} in {label} (line {where})"
                raise self.drop_field(message, field_start, field_of(label))
            if self.peek() != "#":
                return
            self.pos += 1

    def _after_value(self, label: str, field_start: int) -> None:
        following = self.peek()
        if following in {",", self.closer}:
            return
        part = self.last_part
        if part is not None and part[1] >= field_start:
            # The value's brace or quote closed only at a later field's, or at the
            # brace that ends the entry: it was never closed.
            closed_late = FIELD_START.search(self.text, part[1], part[2]) is not None
            if closed_late or (not following and self.closes_entry(part[1], part[2] - 1)):
                raise self.unclosed(label, part[1], field_start)
        value_end = self.end_of_previous_value()
        if not following:
            message = f"no {self.closer!r} after {label} (line {self.line(value_end)})"
            raise self.found(
                f"{message}, read as if it were there",
                repair=(value_end, value_end, self.closer),
            )
        name = NAME.match(self.text, self.pos)
        if name and self.is_field_start(name.end()):
            message = f"missing comma after {label} (line {self.line(value_end)})"
            raise self.found(
                f"{message}, read as if it were there", repair=(value_end, value_end, ",")
            )
        if self.stray_at_ahead():
            raise self.stray_at()
        message = f"unexpected {self.token()!r} after {label} (line {self.line(self.pos)})"
        raise self.ignored(message, field_start, field_of(label))

    def _end_of_entry(self) -> None:
        following = self.peek()
        if following == self.closer:
            self.pos += 1
            return
        if not following:
            end = self.end_of_previous_value()
            message = f"no {self.closer!r} at the end of the entry (line {self.line(end)})"
            raise self.found(f"{message}, read as if it were there", repair=(end, end, self.closer))
        message = f"unexpected {self.token()!r} where a field should start"
        raise self.ignored(f"{message} (line {self.line(self.pos)})", self.pos, None)
