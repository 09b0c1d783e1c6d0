"""Reading bib files leniently: any text, every problem a located diagnostic."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_publist.bib.convert import build_publications
from sphinxcontrib_publist.bib.reader import (
    Bibliography,
    entry_starting_at,
    entry_starts,
    read_bibliography,
    signature,
)
from sphinxcontrib_publist.core.diagnostics import Subtype

PARSE, DUPLICATE, BIBFILE = Subtype.PARSE, Subtype.DUPLICATE_KEY, Subtype.BIBFILE


def read(tmp_path: Path, *files: tuple[str, str | bytes]) -> Bibliography:
    """Write ``files`` (name, content) into ``tmp_path`` and read them together, in order."""
    paths = []
    for name, content in files:
        path = tmp_path / name
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        paths.append(str(path))
    return read_bibliography(paths)


def entries_of(bibliography: Bibliography) -> list[tuple[str, str, int | None]]:
    return [(item.key, Path(item.source).name, item.line) for item in bibliography.entries]


def problems_of(bibliography: Bibliography) -> list[tuple[Subtype, str, int | None, str]]:
    return [
        (problem.subtype, Path(problem.source).name if problem.source else "", problem.line,
         problem.message)
        for problem in bibliography.diagnostics
    ]  # fmt: skip


SYNTAX_ERROR = """\
@article{ok1,
  title = {Fine Before},
}

@article{broken,
  title = {Missing Comma}
  year = {2020},
}

@article{ok2,
  title = {Fine After},
}
"""

TEXT_CASES = [
    # what, content, entries (key, line), diagnostics (subtype, line, message)
    (
        "a missing comma is read as if it were there, located at the entry's line",
        SYNTAX_ERROR,
        [("ok1", 1), ("broken", 5), ("ok2", 10)],
        [
            (
                PARSE,
                5,
                "entry 'broken': missing comma after field title (line 6), read as if it were there",
            )
        ],
    ),
    (
        "an entry never closed keeps its sound fields and every entry after it",
        (
            "@misc{ok, title={fine}}\n@article{open,\n  title = {Never closed,\n  year = {2001},\n\n"
            "@misc{later, title={L}}\n"
        ),
        [("ok", 1), ("open", 2), ("later", 6)],
        [
            (
                PARSE,
                2,
                (
                    "entry 'open': unclosed brace in field title, opened at line 3: that field is "
                    "dropped, the fields after it are read; no '}' at the end of the entry (line 4), "
                    "read as if it were there"
                ),
            )
        ],
    ),
    (
        "a repeated key, in any case, is reported where it repeats; the first is kept",
        (
            "@misc{a,\n title={1},\n}\n@misc{A,\n title={2},\n}\n@misc{b, title={x}}\n"
            "@misc{a, title={3}}\n"
        ),
        [("a", 1), ("b", 7)],
        [
            (DUPLICATE, 4, "duplicate entry key 'A': the later entry is ignored"),
            (DUPLICATE, 8, "duplicate entry key 'a': the later entry is ignored"),
        ],
    ),
    (
        "a field given three times is one problem, at its entry",
        "\n@misc{f,\n title={x},\n title={y},\n title={z},\n}\n",
        [("f", 2)],
        [(PARSE, 2, "entry 'f' has more than one title field; the first is kept")],
    ),
    (
        "an undefined @string macro keeps the entry",
        "@article{u,\n journal = undefined,\n title = {T},\n}\n",
        [("u", 1)],
        [(PARSE, 2, "undefined string: undefined")],
    ),
    (
        "braces nested too deeply skip the entry, not the file",
        "@misc{deep, title={" + "{" * 3000 + "x" + "}" * 3000 + "}}\n@misc{after, title={y}}\n",
        [("after", 2)],
        [
            (
                PARSE,
                1,
                (
                    "entry 'deep': braces nested more than 100 deep in field title (line 1), "
                    "that field is dropped; the entry is skipped"
                ),
            )
        ],
    ),
    (
        "a braced @comment, a bare @comment line and text outside entries are ignored",
        (
            "Text outside any entry.\n% a percent line\n@comment{jabref-meta: groupstree:\n"
            "0 AllEntriesGroup:;\n}\n@Comment bare comment line without braces\n"
            '@preamble{"\\newcommand{\\noopsort}[1]{}"}\n@misc{kept,\n title={K},\n}\n'
        ),
        [("kept", 8)],
        [],
    ),
    (
        "@string definitions, in any case, are not entries",
        '@STRING{ jn = "Journal" }\n@string{yr = "2020"}\n@misc{s, journal = jn, year = yr # "a"}\n',
        [("s", 3)],
        [],
    ),
    (
        "parenthesised entries, CRLF line ends and a byte order mark",
        "\ufeff@misc(par1,\r\n title={x},\r\n)\r\n\r\n@misc{par2,\r\n title={y},\r\n}\r\n",
        [("par1", 1), ("par2", 5)],
        [],
    ),
]


@pytest.mark.parametrize(
    ("content", "entries", "problems"),
    [case[1:] for case in TEXT_CASES],
    ids=[case[0] for case in TEXT_CASES],
)
def test_reading_text(
    tmp_path: Path,
    content: str,
    entries: list[tuple[str, int]],
    problems: list[tuple[Subtype, int, str]],
) -> None:
    bibliography = read(tmp_path, ("refs.bib", content))
    assert entries_of(bibliography) == [(key, "refs.bib", line) for key, line in entries]
    assert problems_of(bibliography) == [
        (subtype, "refs.bib", line, message) for subtype, line, message in problems
    ]


def test_the_first_of_a_repeated_key_or_field_is_kept(tmp_path: Path) -> None:
    content = (
        "@misc{a, title={First}}\n@misc{A, title={Second}}\n@misc{f,\n title={x},\n title={y},\n}\n"
    )
    bibliography = read(tmp_path, ("refs.bib", content))
    titles = {item.key: item.entry.fields["title"] for item in bibliography.entries}
    assert titles == {"a": "First", "f": "x"}


BYTES_CASES = [
    # what, content, keys still read, the one diagnostic (line, message)
    (
        "binary data is no bib file",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        [],
        (1, "not a bib file: it holds binary data"),
    ),
    (
        "an 8-bit file is decoded as Windows-1252, located at the first byte UTF-8 refuses",
        "@misc{one,\n title={x},\n}\n\n@misc{two,\n title={Caf\xe9},\n}\n".encode("latin-1"),
        ["one", "two"],
        (6, "file is not valid UTF-8; decoded as Windows-1252"),
    ),
    (
        "stray NUL bytes are removed, located at the first",
        b"@misc{k,\n title={a},\n note={b\x00c},\n extra={padding to make the NUL stray},\n}\n",
        ["k"],
        (3, "NUL bytes removed"),
    ),
    ("an empty file", b"", [], (1, "bib file is empty")),
    ("a file of blanks", b"  \n\t\n", [], (1, "bib file is empty")),
    (
        "text without a single entry",
        b"just some notes\nabout papers\n",
        [],
        (1, "no BibTeX entries found: is this a bib file?"),
    ),
]


@pytest.mark.parametrize(
    ("content", "keys", "problem"),
    [case[1:] for case in BYTES_CASES],
    ids=[case[0] for case in BYTES_CASES],
)
def test_reading_bytes(
    tmp_path: Path, content: bytes, keys: list[str], problem: tuple[int, str]
) -> None:
    bibliography = read(tmp_path, ("refs.bib", content))
    assert [item.key for item in bibliography.entries] == keys
    assert problems_of(bibliography) == [(BIBFILE, "refs.bib", *problem)]


def test_decoded_text_reaches_the_fields(tmp_path: Path) -> None:
    bibliography = read(
        tmp_path,
        ("latin1.bib", "@misc{l, title={Caf\xe9 Cr\xe8me}}\n".encode("latin-1")),
        ("nul.bib", b"@misc{n, title={Nul\x00 Bytes}, note={long enough to be text}}\n"),
        ("bom.bib", b"\xef\xbb\xbf@misc{b, title={Byte Order Mark}}\n"),
    )
    titles = {item.key: item.entry.fields["title"] for item in bibliography.entries}
    assert titles == {"l": "Café Crème", "n": "Nul Bytes", "b": "Byte Order Mark"}


@pytest.mark.parametrize("name", ["missing.bib", ""], ids=["missing", "a-directory"])
def test_an_unreadable_path_is_one_unlocated_problem(tmp_path: Path, name: str) -> None:
    path = tmp_path / name if name else tmp_path
    bibliography = read_bibliography([str(path)])
    assert bibliography.entries == ()
    (problem,) = bibliography.diagnostics
    assert (problem.subtype, problem.source, problem.line) == (BIBFILE, None, None)
    # No source: the warning goes to the directive naming the file, so the message names it.
    assert problem.message.startswith(f"cannot read bib file {path}: ")


def test_files_read_together_share_macros_in_order(tmp_path: Path) -> None:
    definitions = ("strings.bib", '@string{jn = "Journal of Reused Strings"}\n')
    use = ("use.bib", "@article{user,\n  journal = jn,\n  title = {T},\n}\n")
    together = read(tmp_path, definitions, use)
    assert entries_of(together) == [("user", "use.bib", 1)]
    assert together.entries[0].entry.fields["journal"] == "Journal of Reused Strings"
    assert together.diagnostics == ()
    # Listed the other way round, the macro is not defined yet where it is used.
    reversed_order = read(tmp_path, use, definitions)
    assert problems_of(reversed_order) == [(PARSE, "use.bib", 2, "undefined string: jn")]


def test_a_key_repeated_in_a_later_file_is_reported_there(tmp_path: Path) -> None:
    bibliography = read(
        tmp_path,
        ("a.bib", "@misc{shared, title={From A}}\n@misc{only-a, title={A}}\n"),
        ("b.bib", "\n\n@misc{Shared, title={From B}}\n@misc{only-b, title={B}}\n"),
    )
    assert entries_of(bibliography) == [
        ("shared", "a.bib", 1),
        ("only-a", "a.bib", 2),
        ("only-b", "b.bib", 4),
    ]
    assert bibliography.entries[0].entry.fields["title"] == "From A"
    assert problems_of(bibliography) == [
        (DUPLICATE, "b.bib", 3, "duplicate entry key 'Shared': the later entry is ignored")
    ]


def test_an_entry_inside_a_braced_comment_keeps_its_line(tmp_path: Path) -> None:
    content = "@comment{\n@article{old,\n  title = {Old},\n}\n}\n@misc{new, title={N}}\n"
    bibliography = read(tmp_path, ("refs.bib", content))
    assert entries_of(bibliography) == [("old", "refs.bib", 2), ("new", "refs.bib", 6)]


def test_entry_starts_lists_every_line_a_key_starts_on() -> None:
    text = '@string{a = "b"}\n@article{K1,\n}\n@misc( k1 ,\n)\n@Comment{x,\n}\n@book{two,}\n'
    assert entry_starts(text) == {"k1": [2, 4], "two": [8]}


@pytest.mark.parametrize(
    ("text", "position", "expected"),
    [
        ("x\n@article{Key,", 2, ("Key", 2)),
        ("@misc(spaced , title={x})", 0, ("spaced", 1)),
        ("@string{x = y}", 0, None),
        ("@preamble{x}", 0, None),
        ("not an entry", 0, None),
        ("x\n@article{Key,", 0, None),
    ],
)
def test_entry_starting_at(text: str, position: int, expected: tuple[str, int] | None) -> None:
    assert entry_starting_at(text, position) == expected


def test_signature_changes_with_the_file(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    assert signature(str(path)) is None
    path.write_text("@misc{a,}\n", encoding="utf-8")
    first = signature(str(path))
    assert first is not None
    assert (first.path, first.size) == (str(path), 10)
    path.write_text("@misc{ab,}\n", encoding="utf-8")
    assert signature(str(path)) != first


ENTRY_KEYS = st.lists(
    st.from_regex(r"[a-z][a-z0-9:_-]{0,8}", fullmatch=True), unique_by=str.lower, max_size=6
)
FILLER = st.sampled_from(["", "\n", "\n\n", "% a comment\n", "junk text\n", "@comment{c}\n"])


@settings(max_examples=100, deadline=None)
@given(keys=ENTRY_KEYS, fillers=st.lists(FILLER, min_size=7, max_size=7), crlf=st.booleans())
def test_every_entry_is_located_at_its_start(
    tmp_path_factory: pytest.TempPathFactory, keys: list[str], fillers: list[str], crlf: bool
) -> None:
    chunks, starts = [], {}
    line = 1
    for key, filler in zip(keys, fillers, strict=False):
        chunks.append(filler)
        line += filler.count("\n")
        starts[key] = line
        entry = f"@article{{{key},\n  title = {{T}},\n  year = {{2020}},\n}}\n"
        chunks.append(entry)
        line += entry.count("\n")
    text = "".join(chunks)
    path = tmp_path_factory.mktemp("located") / "refs.bib"
    path.write_bytes((text.replace("\n", "\r\n") if crlf else text).encode())
    bibliography = read_bibliography([str(path)])
    assert [(item.key, item.line) for item in bibliography.entries] == list(starts.items())
    assert [problem.subtype for problem in bibliography.diagnostics] == ([] if keys else [BIBFILE])


BIB_PIECES = st.sampled_from(
    [
        "@",
        "article",
        "string",
        "comment",
        "preamble",
        "{",
        "}",
        "(",
        ")",
        '"',
        ",",
        "=",
        "#",
        " ",
        "\n",
        "\r\n",
        "key",
        "title",
        "year",
        "2020",
        "\\emph",
        "$",
        "%",
        "\x00",
        "é",
        "jan",
    ]
)


@settings(max_examples=150, deadline=None)
@given(pieces=st.lists(BIB_PIECES | st.text(max_size=3), max_size=60))
def test_reading_any_text_never_raises(
    tmp_path_factory: pytest.TempPathFactory, pieces: list[str]
) -> None:
    path = tmp_path_factory.mktemp("random") / "random.bib"
    path.write_bytes("".join(pieces).encode("utf-8", "surrogatepass"))
    bibliography = read_bibliography([str(path)])
    keys = [entry.key.lower() for entry in bibliography.entries]
    assert len(keys) == len(set(keys))
    for diagnostic in bibliography.diagnostics:
        assert diagnostic.source == str(path)
        assert diagnostic.line is None or diagnostic.line >= 1
    build_publications(bibliography.entries, dt.date(2026, 1, 1))


def test_ieeetran_control_entries_are_no_publications(tmp_path: Path) -> None:
    # IEEEtran's IEEEexample.bib: the style's options, read by IEEEtran.bst only.
    bibliography = read(
        tmp_path,
        (
            "ieee.bib",
            (
                "@IEEEtranBSTCTL{IEEEexample:BSTcontrol,\n"
                '  CTLuse_article_number     = "yes",\n'
                '  CTLuse_forced_etal        = "no",\n'
                "}\n"
                "@article{real, title = {Real}, year = {2020}}\n"
            ),
        ),
    )
    assert entries_of(bibliography) == [("real", "ieee.bib", 5)]
    assert problems_of(bibliography) == []
