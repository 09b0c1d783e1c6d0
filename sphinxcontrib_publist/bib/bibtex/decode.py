"""Source stage: a .bib file's bytes to text, whatever encoding its editor chose.

The order, from the surest sign to the weakest guess:

1. a byte order mark: UTF-8, UTF-16 (LE/BE) or UTF-32 (LE/BE);
2. JabRef's header, ``% Encoding: <name>`` in the first lines (old JabRef
   files say ``Cp1252`` or ``windows-1252``);
3. UTF-8;
4. Windows-1252, which is what "Latin-1" files from Windows really are: it
   differs from Latin-1 only in 0x80-0x9F, where Latin-1 has control
   characters and Windows-1252 curly quotes, dashes and the euro sign;
5. Latin-1, which decodes any bytes.

Then no decoded value keeps a C0 or C1 control character. Whitespace stays
(tab, line ends, vertical tab, form feed: pybtex folds it into a space in
values); C1 characters, mojibake of Windows-1252 punctuation, become the
character Windows-1252 has at their code; the rest, NUL bytes included, are
removed, with one warning for the file.
"""

from __future__ import annotations

import codecs
import re

from ...core.diagnostics import Diagnostic, Subtype

# UTF-32 first: its little-endian mark begins with UTF-16's.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
ENCODING_HEADER = re.compile(
    rb"^[ \t]*%[ \t]*Encoding[ \t]*:[ \t]*([A-Za-z0-9_.:+-]+)", re.MULTILINE
)
HEADER_SPAN = 1024
CONTROL_BYTES = bytes(code for code in range(32) if code not in b"\t\n\r\f")
# Tab, line feed, vertical tab, form feed and carriage return are whitespace,
# which pybtex folds to a space in values; the other control characters are not.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# The same, looked for in the text's UTF-8 bytes: three times faster than the
# pattern above when the text is not all ASCII, and most files have none.
C0_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])
C1_CONTROLS_IN_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")


def _control_table() -> dict[int, str | None]:
    """What each control character becomes: None removes it."""
    table: dict[int, str | None] = {
        code: None for code in range(0xA0) if CONTROL_CHARACTERS.match(chr(code))
    }
    read = bytes(range(0x80, 0xA0)).decode("cp1252", errors="replace")
    for code, character in enumerate(read, start=0x80):
        # 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in Windows-1252 too.
        table[code] = None if character == "\ufffd" else character
    return table


CONTROL_TABLE = _control_table()


def decode_bib(raw: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """The text of a bib file's bytes (None for binary data), with what was wrong."""
    for mark, encoding, name in BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            text, problems = _decode_strictly_or_replace(raw[len(mark) :], encoding, name, path)
            break
    else:
        if looks_binary(raw):
            message = "not a bib file: it holds binary data"
            return None, [Diagnostic(message, Subtype.BIBFILE, path, 1)]
        text, problems = _decode_unmarked(raw, path)
    # A second mark (a file saved twice by a careless tool) is no text either.
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, problem = without_control_characters(text, path)
    return text, problems + problem


def looks_binary(raw: bytes) -> bool:
    """Whether ``raw`` is no text at all (a text file with a few stray NULs is still text)."""
    control = len(raw) - len(raw.translate(None, CONTROL_BYTES))
    return control * 20 > len(raw)


def _decode_unmarked(raw: bytes, path: str) -> tuple[str, list[Diagnostic]]:
    declared = _declared_encoding(raw)
    if declared is None:
        return _guessed(raw, path, "file is not valid UTF-8")
    name, encoding = declared
    line = _header_line(raw)
    if encoding is None:
        message = f"unknown encoding {name!r} in the file's '% Encoding:' header; ignored"
        text, problems = _guessed(raw, path, "file is not valid UTF-8")
        return text, [Diagnostic(message, Subtype.BIBFILE, path, line), *problems]
    if encoding != "utf-8" and not raw.isascii() and _is_utf8(raw):
        # The file was converted but its header was not: the bytes are the surer sign.
        message = f"the '% Encoding: {name}' header is wrong: the file is UTF-8, read as such"
        return raw.decode("utf-8"), [Diagnostic(message, Subtype.BIBFILE, path, line)]
    try:
        return raw.decode(encoding), []
    except UnicodeDecodeError as error:
        complaint = f"file is not valid {name} as its '% Encoding:' header says"
        return _guessed(raw, path, complaint, raw.count(b"\n", 0, error.start) + 1)


def _guessed(
    raw: bytes, path: str, complaint: str, line: int | None = None
) -> tuple[str, list[Diagnostic]]:
    """UTF-8, else Windows-1252, else Latin-1 (which decodes anything)."""
    for encoding, name in (("utf-8", "UTF-8"), ("cp1252", "Windows-1252"), ("latin-1", "Latin-1")):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError as error:
            line = line or raw.count(b"\n", 0, error.start) + 1
            continue
        if line is None:
            return text, []
        message = f"{complaint}; decoded as {name}"
        return text, [Diagnostic(message, Subtype.BIBFILE, path, line)]
    raise AssertionError("Latin-1 decodes any bytes")  # pragma: no cover


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode_strictly_or_replace(
    raw: bytes, encoding: str, name: str, path: str
) -> tuple[str, list[Diagnostic]]:
    try:
        return raw.decode(encoding), []
    except UnicodeDecodeError:
        text = raw.decode(encoding, errors="replace")
        line = text.count("\n", 0, text.find("\ufffd")) + 1
        message = f"file has a {name} byte order mark but is not valid {name}; bad bytes replaced"
        return text, [Diagnostic(message, Subtype.BIBFILE, path, line)]


def _declared_encoding(raw: bytes) -> tuple[str, str | None] | None:
    """JabRef's ``% Encoding:`` name and Python's codec for it, if the file has one."""
    header = ENCODING_HEADER.search(raw, 0, HEADER_SPAN)
    if header is None:
        return None
    name = header.group(1).decode("ascii")
    try:
        info = codecs.lookup(name)
    except LookupError:
        return name, None
    # A header can only be read in an encoding that keeps ASCII as ASCII.
    if "16" in info.name or "32" in info.name:
        return name, None
    return name, info.name


def _header_line(raw: bytes) -> int:
    header = ENCODING_HEADER.search(raw, 0, HEADER_SPAN)
    return raw.count(b"\n", 0, header.start() if header else 0) + 1


def without_control_characters(text: str, path: str) -> tuple[str, list[Diagnostic]]:
    """``text`` without C0 or C1 control characters but whitespace, and what was done."""
    encoded = text.encode("utf-8", "surrogatepass")
    if len(encoded.translate(None, C0_CONTROL_BYTES)) == len(encoded) and not (
        C1_CONTROLS_IN_UTF8.search(encoded)
    ):
        return text, []
    first = CONTROL_CHARACTERS.search(text)
    if first is None:
        return text, []
    # Control characters are rare: copy the text between them, from the first on.
    kept = [text[: first.start()]]
    copied = first.start()
    found: list[str] = []
    for match in CONTROL_CHARACTERS.finditer(text, first.start()):
        found.append(match.group())
        kept.append(text[copied : match.start()])
        kept.append(CONTROL_TABLE[ord(match.group())] or "")
        copied = match.end()
    kept.append(text[copied:])
    line = text.count("\n", 0, first.start()) + 1
    return "".join(kept), [Diagnostic(_controls_message(found), Subtype.BIBFILE, path, line)]


def _controls_message(found: list[str]) -> str:
    if set(found) == {"\x00"}:
        # A damaged text file: say it the way editors and tools do.
        return "NUL bytes removed"
    removed = sum(1 for character in found if CONTROL_TABLE[ord(character)] is None)
    done = [(len(found) - removed, "read as Windows-1252"), (removed, "removed")]
    summary = ", ".join(f"{number} {what}" for number, what in done if number)
    return f"control characters in the text (the first U+{ord(found[0]):04X}): {summary}"
