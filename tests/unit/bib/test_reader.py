"""Reading bib files leniently: any text, every problem a located diagnostic."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_publist.bib.convert import build_publications
from sphinxcontrib_publist.bib.reader import read_bibliography

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
