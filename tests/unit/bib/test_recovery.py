"""Broken bib files lose nothing that can be kept: one warning per broken entry, at its line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sphinxcontrib_publist.bib.bibtex.chunks import split_chunks, strip_comments
from sphinxcontrib_publist.bib.reader import Bibliography, read_bibliography
from sphinxcontrib_publist.core.diagnostics import Subtype

# A hand-edited publications file: four sound entries and three broken ones.
# pybtex alone keeps one: the double-braced title that lost its closing braces
# runs to the end of the file, and its one error is reported there.
HAND_EDITED = """\
@article{smith2019,
  author = {Smith, Jane and Doe, John},
  title = {Deep Learning for Tides},
  journal = {Journal of Ocean Science},
  year = {2019},
}

@inproceedings{smith2020a,
  author = {Smith, Jane},
  title = {{Waves and Currents,
  booktitle = {Proc. Coastal Conference},
  year = {2020},
}

@article{smith2020b,
  author = {Smith, Jane},
  title = {Sediment Transport},
  journal = {Marine Geology},
  year = {2020},
}

@misc{smith2021talk,
  author = {Smith, Jane},
  title = {Invited Talk on Tides},
  year = {2021}
  note = {Keynote},
}

@article{smith2021,
  author = {Smith, Jane and Lee, Kim},
  title = {Tidal Energy Estimates},
  journal = {Renewable Energy},
  year = {2021},
}

@book{smith2022,
  author = {Smith, Jane},
  title = {Tides: A Primer},
  publisher = {Ocean Press},
  year = {2022},
  note = "second edition,
}

@phdthesis{smith2015,
  author = {Smith, Jane},
  title = {On Tides},
  school = {University of the Sea},
  year = {2015},
}
"""

# biblatex-apa's test references (bibtex/bib/biblatex-apa-test-references.bib)
# keep an older version of an entry commented out just before the real one.
BIBLATEX_APA = """\
% (APA 10.1 Example 18)
% This uses the RELATED method which is sensitive to language for the
% "Comment on the article" string. A simpler but less general way of getting the same
% results would be:
%@ARTICLE{10.1:18,
%  AUTHOR         = {{KS in NJ}},
%  TITLE          = {From this article, it sounds like men are figuring
%                    something out that women have known forever. {I} know of many},
%  TITLEADDON     = {Comment on the article ``How workout buddies can help stave off loneliness''},
%  JOURNALTITLE   = {The Washington Post},
%  KEYWORDS       = {nonacademic},
%  DATE           = {2019-01-15},
%  URL            = {https://wapo.st/2HDToGJ}
%}

@ARTICLE{10.1:18,
  AUTHOR         = {{KS in NJ}},
  TITLE          = {From this article, it sounds like men are figuring
                    something out that women have known forever. {I} know of many},
  RELATED        = {10.1:18r},
  RELATEDTYPE    = {commenton},
  RELATEDSTRING  = {Comment on the article},
  JOURNALTITLE   = {The Washington Post},
  KEYWORDS       = {nonacademic},
  DATE           = {2019-01-15},
  URL            = {https://wapo.st/2HDToGJ}
}
"""

COMMENT_LINES = """\
@article{comments2021,
  author = {Doe, John},
  title = {Fifty {\\%} of {100 % Sure} Results},
  % year = {2019},
  year = {2021}, % accepted
  note = "rate: 5 % per year",
  % pages = {1--2}
}
"""


@dataclass(frozen=True)
class Snippet:
    """A bib file, the entries it must give and the (subtype, line, message parts) warned."""

    name: str
    text: str
    keys: tuple[str, ...]
    warnings: tuple[tuple[Subtype, int, tuple[str, ...]], ...] = ()
    fields: dict[str, dict[str, str]] = field(default_factory=dict)


SNIPPETS = [
    Snippet(
        "hand-edited file",
        HAND_EDITED,
        (
            "smith2019",
            "smith2020a",
            "smith2020b",
            "smith2021talk",
            "smith2021",
            "smith2022",
            "smith2015",
        ),
        (
            (
                Subtype.PARSE,
                8,
                ("'smith2020a'", "unclosed brace in field title, opened at line 10"),
            ),
            (Subtype.PARSE, 22, ("'smith2021talk'", "missing comma after field year (line 25)")),
            (Subtype.PARSE, 36, ("'smith2022'", "unbalanced quote in field note (line 41)")),
        ),
        {
            # The field with the unclosed brace goes; those after it are read.
            "smith2020a": {
                "author": "Smith, Jane",
                "booktitle": "Proc. Coastal Conference",
                "year": "2020",
            },
            # Read as if the comma were there.
            "smith2021talk": {
                "author": "Smith, Jane",
                "title": "Invited Talk on Tides",
                "year": "2021",
                "note": "Keynote",
            },
            # The last field's quote never closes: it goes, the rest stays.
            "smith2022": {
                "author": "Smith, Jane",
                "title": "Tides: A Primer",
                "publisher": "Ocean Press",
                "year": "2022",
            },
        },
    ),
    Snippet(
        "biblatex-apa's commented-out entry claims no key",
        BIBLATEX_APA,
        ("10.1:18",),
        fields={"10.1:18": {"RELATEDTYPE": "commenton", "DATE": "2019-01-15"}},
    ),
    Snippet(
        "% comment lines inside an entry",
        COMMENT_LINES,
        ("comments2021",),
        fields={
            "comments2021": {
                "title": "Fifty {\\%} of {100 % Sure} Results",
                "year": "2021",
                "note": "rate: 5 % per year",
            }
        },
    ),
    Snippet(
        "a skipped broken entry claims no key",
        "@article{twice,\n  title = {Never {Closed},\n}\n\n"
        "@article{twice,\n  title = {The Fixed Copy},\n  year = {2020},\n}\n",
        ("twice",),
        ((Subtype.PARSE, 1, ("unclosed brace in field title", "the entry is skipped")),),
        {"twice": {"title": "The Fixed Copy", "year": "2020"}},
    ),
    Snippet(
        "the closing brace of the last entry is missing",
        "@misc{first, title = {First}}\n\n@misc{last,\n  title = {Last},\n  year = {2020},\n",
        ("first", "last"),
        ((Subtype.PARSE, 3, ("no '}' at the end of the entry (line 5)",)),),
        {"last": {"title": "Last", "year": "2020"}},
    ),
    Snippet(
        "a stray @ between fields",
        "@misc{stray,\n  title = {Stray},\n  @ year = {2020},\n}\n",
        ("stray",),
        ((Subtype.PARSE, 1, ("stray '@' (line 3)",)),),
        {"stray": {"title": "Stray", "year": "2020"}},
    ),
    Snippet(
        "a space in the key",
        "@misc{key with spaces,\n  title = {Spaces},\n}\n@misc{fine, title = {Fine}}\n",
        ("fine",),
        ((Subtype.PARSE, 1, ("space in the entry key 'key with spaces'", "skipped")),),
    ),
    Snippet(
        "an entry cut off after its type",
        "@article{\n@misc{next, title = {Next}}\n",
        ("next",),
        ((Subtype.PARSE, 1, ("entry key expected (line 1); the entry is skipped",)),),
    ),
    Snippet(
        "a missing '=' drops only that field",
        "@misc{equals,\n  title = {Equals},\n  year   2018,\n  note = {After},\n}\n",
        ("equals",),
        ((Subtype.PARSE, 1, ("'=' expected after field year", "(line 3)")),),
        {"equals": {"title": "Equals", "note": "After"}},
    ),
    Snippet(
        "a parenthesised entry without a comma",
        "@article(paren,\n  title = {Round},\n  year = 1999\n  note = {x}\n)\n",
        ("paren",),
        ((Subtype.PARSE, 1, ("missing comma after field year (line 3)",)),),
        {"paren": {"title": "Round", "year": "1999", "note": "x"}},
    ),
    Snippet(
        "an undefined macro in a repaired entry is reported once",
        "@misc{macro,\n  journal = nowhere\n  title = {Macro},\n}\n",
        ("macro",),
        (
            (Subtype.PARSE, 1, ("missing comma after field journal (line 2)",)),
            (Subtype.PARSE, 2, ("undefined string: nowhere",)),
        ),
        {"macro": {"title": "Macro"}},
    ),
    Snippet(
        "a value quoting an entry stays one entry",
        "@misc{quoting,\n  note = {cite as\n@article{inner, title = {X}}\n},\n"
        "  title = {Quoting},\n}\n@misc{next, title = {Next}}\n",
        ("quoting", "next"),
        fields={"quoting": {"title": "Quoting"}},
    ),
    Snippet(
        "an email address after the broken field is no entry",
        "@misc{mail,\n  title = {Mail}\n  note = {write to a@b.org},\n  year = 2020,\n}\n",
        ("mail",),
        ((Subtype.PARSE, 1, ("missing comma after field title",)),),
        {"mail": {"note": "write to a@b.org", "year": "2020"}},
    ),
]


def read(tmp_path: Path, *texts: str) -> Bibliography:
    paths = []
    for number, text in enumerate(texts):
        path = tmp_path / f"refs{number}.bib"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return read_bibliography(paths)


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[snippet.name for snippet in SNIPPETS])
def test_each_defect_loses_only_what_it_breaks(tmp_path: Path, snippet: Snippet) -> None:
    bibliography = read(tmp_path, snippet.text)
    assert [entry.key for entry in bibliography.entries] == list(snippet.keys)
    found = [(d.subtype, d.line, d.message) for d in bibliography.diagnostics]
    assert len(found) == len(snippet.warnings), found
    for (subtype, line, message), (expected, expected_line, parts) in zip(
        found, snippet.warnings, strict=True
    ):
        assert (subtype, line) == (expected, expected_line), message
        for part in parts:
            assert part in message
    by_key = {entry.key: entry for entry in bibliography.entries}
    for key, fields in snippet.fields.items():
        for name, value in fields.items():
            assert by_key[key].entry.fields.get(name) == value, (key, name)
    if snippet.name == "hand-edited file":
        assert set(by_key["smith2020a"].entry.fields) == {"author", "booktitle", "year"}
        assert "note" not in by_key["smith2022"].entry.fields


def test_each_entry_keeps_its_own_line(tmp_path: Path) -> None:
    lines = {entry.key: entry.line for entry in read(tmp_path, HAND_EDITED).entries}
    starts = {
        match.group(1): HAND_EDITED.count("\n", 0, match.start()) + 1
        for match in re.finditer(r"^@\w+\{([^,]+),", HAND_EDITED, re.MULTILINE)
    }
    assert lines == starts


def test_macros_and_broken_entries_across_files(tmp_path: Path) -> None:
    macros = '@string{jos = "Journal of Ocean Science"}\n'
    broken = "@article{across,\n  journal = jos\n  title = {Across},\n}\n"
    (entry,) = read(tmp_path, macros, broken).entries
    assert entry.entry.fields["journal"] == "Journal of Ocean Science"


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("% a comment\n@misc{k,}\n", "\n@misc{k,}\n"),
        ("@misc{k,\n  % year = {2019},\n}", "@misc{k,\n  \n}"),
        ("@misc{k, year = {2021}, % accepted\n}", "@misc{k, year = {2021}, \n}"),
        ("@misc{k, note = {50\\% {100 % sure}}}", "@misc{k, note = {50\\% {100 % sure}}}"),
        ('@misc{k, note = "5 % {a % b}" % c\n}', '@misc{k, note = "5 % {a % b}" \n}'),
        ("@comment{ 100 % kept }\n% gone", "@comment{ 100 % kept }\n"),
        ("@misc(k, year = 1 % c\n)", "@misc(k, year = 1 \n)"),
    ],
)
def test_percent_is_a_comment_only_outside_values(text: str, stripped: str) -> None:
    assert strip_comments(text) == stripped


def test_chunks_start_at_entry_lines_and_keep_line_numbers() -> None:
    chunks = split_chunks(HAND_EDITED)
    assert [chunk.line for chunk in chunks] == [1, 8, 15, 22, 29, 36, 44]
    assert "".join(chunk.text for chunk in chunks) == HAND_EDITED


# The property: any one malformation, anywhere in a sound file, loses only the
# entry it damages and gives one warning at that entry's first line.

FIELD_NAMES = ("title", "author", "journal", "note", "year", "pages", "abstract")
WORDS = st.text(alphabet="abcdefghij XYZ.-:", min_size=1, max_size=12).filter(str.strip)
BRACED = st.builds(
    lambda words, inner: f"{{{words[0]}{{{inner}}}{words[1:]}}}", WORDS, WORDS
) | WORDS.map(lambda words: "{" + words + " 50\\% off}")
QUOTED = WORDS.map(lambda words: f'"{words}"')
NUMBER = st.integers(1, 3000).map(str)
VALUES = st.one_of(BRACED, QUOTED, NUMBER)


@st.composite
def sound_files(draw: st.DrawFn) -> list[tuple[str, list[tuple[str, str]]]]:
    """Entries as (key, [(field, value text)]), each with a title and a few more fields."""
    count = draw(st.integers(2, 5))
    entries = []
    for number in range(count):
        names = draw(st.lists(st.sampled_from(FIELD_NAMES[1:]), max_size=4, unique=True))
        fields = [(name, draw(VALUES)) for name in ["title", *names]]
        draw(st.randoms()).shuffle(fields)
        entries.append((f"key{number}", fields))
    return entries


def render(entries: list[tuple[str, list[tuple[str, str]]]]) -> tuple[str, list[int]]:
    """The file's text, and where each entry starts in it."""
    text = ""
    starts = []
    for key, fields in entries:
        starts.append(len(text))
        body = "".join(f"  {name} = {value},\n" for name, value in fields)
        text += f"@article{{{key},\n{body}}}\n\n"
    return text, starts


MALFORMATIONS = (
    "unclosed brace",
    "dropped closing brace",
    "missing comma",
    "missing =",
    "unbalanced quote",
    "stray quote",
    "stray @",
    "truncated",
)


def malform(entry: str, kind: str, data: st.DataObject) -> str | None:
    """``entry`` with one malformation of ``kind``, or None if it has no place for one."""
    values = list(re.finditer(r"= (\{.*\}|\".*\"|\d+),$", entry, re.MULTILINE))
    if kind == "unclosed brace":
        braced = [value for value in values if value.group(1).startswith("{")]
        if not braced:
            return None
        value = data.draw(st.sampled_from(braced))
        at = data.draw(st.integers(value.start(1) + 1, value.end(1) - 1))
        return entry[:at] + "{" + entry[at:]
    if kind in ("dropped closing brace", "unbalanced quote"):
        opener = "{" if kind == "dropped closing brace" else '"'
        delimited = [value for value in values if value.group(1).startswith(opener)]
        if not delimited:
            return None
        value = data.draw(st.sampled_from(delimited))
        return entry[: value.end(1) - 1] + entry[value.end(1) :]
    if kind == "missing =":
        value = data.draw(st.sampled_from(values))
        return entry[: value.start()] + entry[value.start() + 1 :]
    if kind == "missing comma":
        if len(values) < 2:
            return None
        value = data.draw(st.sampled_from(values[:-1]))
        return entry[: value.end() - 1] + entry[value.end() :]
    if kind in ("stray @", "stray quote"):
        gaps = [match.end() for match in re.finditer(r",\n|= ", entry)]
        if kind == "stray @":
            gaps += [value.end(1) for value in values]
        at = data.draw(st.sampled_from(gaps))
        return entry[:at] + ("@ " if kind == "stray @" else '"') + entry[at:]
    at = data.draw(st.integers(1, len(entry.rstrip()) - 1))
    return entry[:at] + "\n"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=sound_files(), kind=st.sampled_from(MALFORMATIONS), data=st.data())
def test_one_malformation_loses_only_its_entry(
    tmp_path_factory: pytest.TempPathFactory,
    entries: list[tuple[str, list[tuple[str, str]]]],
    kind: str,
    data: st.DataObject,
) -> None:
    text, starts = render(entries)
    directory = tmp_path_factory.mktemp("property")
    sound = read(directory, text)
    assert sound.diagnostics == ()
    expected = {entry.key: dict(entry.entry.fields) for entry in sound.entries}
    assert list(expected) == [key for key, _ in entries]

    damaged = data.draw(st.integers(0, len(entries) - 1))
    end = starts[damaged + 1] if damaged + 1 < len(entries) else len(text)
    entry = text[starts[damaged] : end].rstrip("\n") + "\n"
    broken = malform(entry, kind, data)
    assume(broken is not None)
    assert broken is not None
    damaged_text = text[: starts[damaged]] + broken + "\n" + text[end:]
    damaged_line = text.count("\n", 0, starts[damaged]) + 1
    result = read(directory, damaged_text)

    damaged_key = entries[damaged][0]
    by_key = {entry.key: entry for entry in result.entries}
    for key, fields in expected.items():
        if key != damaged_key:
            # Every other entry is whole, at its own line.
            assert dict(by_key[key].entry.fields) == fields, key
            assert by_key[key].line == sound_line(sound, key) + (
                broken.count("\n") - entry.count("\n") if key > damaged_key else 0
            )
    if damaged_key in by_key:
        # What is kept of the damaged entry is what it said, field by field.
        kept = dict(by_key[damaged_key].entry.fields)
        assert by_key[damaged_key].line == damaged_line
        for name, value in kept.items():
            original = expected[damaged_key][name]
            assert value == original or (kind == "truncated" and original.startswith(value))
    (warning,) = result.diagnostics
    assert warning.subtype is Subtype.PARSE
    assert warning.line == damaged_line


def sound_line(bibliography: Bibliography, key: str) -> int:
    return next(entry.line or 0 for entry in bibliography.entries if entry.key == key)
