"""Bib files in the encodings editors write: each decoded right, none with control characters."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_publist.bib.bibtex.decode import decode_bib
from sphinxcontrib_publist.bib.reader import read_bibliography
from sphinxcontrib_publist.core.diagnostics import Subtype

# Curly quotes, dashes, an accent: what Windows-1252 has and Latin-1 has not.
TITLE = "\u201cQuoted\u201d \u2013 Caf\u00e9 \u2014 50\u20ac"
ENTRY = f"@article{{enc2020,\n  title = {{{TITLE}}},\n  year = {{2020}},\n}}\n"
# As JabRef 2.x begins a file saved on Windows.
JABREF_HEAD = "% This file was created with JabRef 2.10.\n% Encoding: {}\n\n"
CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Encoded:
    """A file's bytes, the title they must give, and the (message part, line) warned."""

    name: str
    raw: bytes
    title: str = TITLE
    line: int = 1
    warnings: tuple[tuple[str, int], ...] = ()


CASES = [
    Encoded("utf-8", ENTRY.encode()),
    Encoded("utf-8 with a BOM", codecs.BOM_UTF8 + ENTRY.encode()),
    # Windows PowerShell's "> refs.bib" and Notepad's "Unicode" write these.
    Encoded("utf-16-le with a BOM", codecs.BOM_UTF16_LE + ENTRY.encode("utf-16-le")),
    Encoded("utf-16-be with a BOM", codecs.BOM_UTF16_BE + ENTRY.encode("utf-16-be")),
    Encoded("utf-32-le with a BOM", codecs.BOM_UTF32_LE + ENTRY.encode("utf-32-le")),
    Encoded("utf-32-be with a BOM", codecs.BOM_UTF32_BE + ENTRY.encode("utf-32-be")),
    Encoded(
        "utf-16 with CRLF line ends",
        codecs.BOM_UTF16_LE + ENTRY.replace("\n", "\r\n").encode("utf-16-le"),
    ),
    Encoded(
        "jabref cp1252 header",
        (JABREF_HEAD.format("Cp1252") + ENTRY).encode("cp1252"),
        line=4,
    ),
    Encoded(
        "jabref windows-1252 header",
        (JABREF_HEAD.format("windows-1252") + ENTRY).encode("cp1252"),
        line=4,
    ),
    Encoded("jabref utf8 header", (JABREF_HEAD.format("UTF8") + ENTRY).encode(), line=4),
    Encoded(
        "cp1252 without a header",
        ENTRY.encode("cp1252"),
        warnings=(("not valid UTF-8; decoded as Windows-1252", 2),),
    ),
    Encoded(
        "header says cp1252, file was converted to utf-8",
        (JABREF_HEAD.format("Cp1252") + ENTRY).encode(),
        line=4,
        warnings=(("header is wrong: the file is UTF-8", 2),),
    ),
    Encoded(
        "unknown encoding in the header",
        (JABREF_HEAD.format("Klingon") + ENTRY).encode(),
        line=4,
        warnings=(("unknown encoding 'Klingon'", 2),),
    ),
    Encoded(
        "latin-1 when cp1252 cannot decode it",
        b"@article{enc2020,\n  title = {Caf\xe9 \x81 \x93Quoted\x94},\n}\n",
        title="Caf\u00e9 \u201cQuoted\u201d",
        warnings=(
            ("not valid UTF-8; decoded as Latin-1", 2),
            ("the first U+0081): 2 read as Windows-1252, 1 removed", 2),
        ),
    ),
    Encoded(
        # UTF-8 that went through Latin-1 once: C1 characters for curly quotes.
        "utf-8 holding C1 mojibake",
        "@article{enc2020,\n  title = {\x93Quoted\x94 \x96 Caf\u00e9},\n}\n".encode(),
        title="\u201cQuoted\u201d \u2013 Caf\u00e9",
        warnings=(("the first U+0093): 3 read as Windows-1252", 2),),
    ),
    Encoded(
        "C0 controls and NUL bytes",
        # A few in a file of text (many would make it binary data).
        b"@article{enc2020,\n  title = {Nul\x00 Bell\x07 300\x01C},\n  note = {%s},\n}\n"
        % (b"words " * 20),
        title="Nul Bell 300C",
        warnings=(("the first U+0000): 3 removed", 2),),
    ),
    Encoded(
        "whitespace controls stay whitespace",
        b"@article{enc2020,\n  title = {Form\x0cFeed\tTab\x0bVT},\n}\n\x0c\n",
        title="Form Feed Tab VT",
    ),
    Encoded(
        "a second BOM",
        codecs.BOM_UTF16_LE + ("\ufeff" + ENTRY).encode("utf-16-le"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_encoding_decodes_to_the_same_entry(tmp_path: Path, case: Encoded) -> None:
    path = tmp_path / "refs.bib"
    path.write_bytes(case.raw)
    bibliography = read_bibliography([str(path)])
    first = bibliography.entries[0]
    assert (first.key, first.line) == ("enc2020", case.line)
    assert first.entry.fields["title"] == case.title
    assert first.entry.fields.get("year", "2020") == "2020"
    found = [(d.message, d.line) for d in bibliography.diagnostics]
    assert len(found) == len(case.warnings), found
    for (message, line), (part, expected_line) in zip(found, case.warnings, strict=True):
        assert part in message
        assert line == expected_line
    assert all(d.subtype is Subtype.BIBFILE for d in bibliography.diagnostics)


def test_old_mac_line_ends_give_each_entry_its_line(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_bytes((ENTRY + ENTRY.replace("enc2020", "enc2021")).replace("\n", "\r").encode())
    assert [e.line for e in read_bibliography([str(path)]).entries] == [1, 5]


def test_a_broken_utf16_file_is_read_with_replacements(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    # An odd byte count: the last character is cut in half.
    path.write_bytes(codecs.BOM_UTF16_LE + ENTRY.encode("utf-16-le") + b"\x41")
    bibliography = read_bibliography([str(path)])
    assert [e.key for e in bibliography.entries] == ["enc2020"]
    (problem,) = bibliography.diagnostics
    assert "not valid UTF-16" in problem.message
    assert problem.line == 5


@pytest.mark.parametrize(
    "raw",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        # UTF-16 without its mark cannot be told from binary data by bytes alone.
        ENTRY.encode("utf-16-le"),
    ],
    ids=["png", "utf-16 without a BOM"],
)
def test_binary_data_is_still_refused(raw: bytes) -> None:
    text, problems = decode_bib(raw, "refs.bib")
    assert text is None
    assert [(p.message, p.line) for p in problems] == [("not a bib file: it holds binary data", 1)]


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=200) | st.text(max_size=60).map(lambda t: t.encode("utf-8")))
def test_no_decoded_text_holds_a_control_character(raw: bytes) -> None:
    for prefix in (b"", codecs.BOM_UTF16_LE, codecs.BOM_UTF8, b"% Encoding: cp1252\n"):
        text, problems = decode_bib(prefix + raw, "refs.bib")
        if text is None:
            continue
        assert not CONTROLS.search(text)
        assert "\r" not in text
        assert len(problems) <= 2
        assert all(p.line is not None and p.line >= 1 for p in problems)
