"""BibTeX export: chosen fields, balanced braces, output pybtex parses back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pybtex.database import parse_string

from sphinxcontrib_publist.bib.model import Publication
from sphinxcontrib_publist.format.bibtex import bibliography_to_bibtex, entry_to_bibtex

RAW = {
    "title": 'The {Q}uick {\\"o} fox',
    "journal": "J. Foxes",
    "year": "2020",
    "abstract": "Long text.",
    "keywords": "fox, dog",
    "file": ":fox.pdf:PDF",
    "crossref": "parent",
    "doi": "10.1000/fox",
}
PERSONS = {"author": ("Fox, Jörn", "van der Berg, Jan"), "editor": ()}


def publication(key: str = "fox2020", **overrides: object) -> Publication:
    values: dict[str, object] = {
        "key": key,
        "entry_type": "article",
        "raw_fields": RAW,
        "raw_persons": PERSONS,
    }
    values.update(overrides)
    return Publication(**values)  # type: ignore[arg-type]


def test_default_export_drops_abstract_file_keywords_and_crossref() -> None:
    assert entry_to_bibtex(publication()) == (
        "@article{fox2020,\n"
        "  author = {Fox, Jörn and van der Berg, Jan},\n"
        '  title = {The {Q}uick {\\"o} fox},\n'
        "  journal = {J. Foxes},\n"
        "  year = {2020},\n"
        "  doi = {10.1000/fox},\n"
        "}"
    )


@pytest.mark.parametrize(
    ("fields", "exclude", "expected"),
    [
        (None, (), {"author", "title", "journal", "year", "abstract", "keywords", "file", "doi"}),
        (("title", "year", "abstract"), ("abstract",), {"title", "year"}),
        (("author", "TITLE"), (), {"author", "title"}),
        (None, ("author", "doi", "abstract", "file", "keywords"), {"title", "journal", "year"}),
    ],
)
def test_field_choice(
    fields: tuple[str, ...] | None, exclude: tuple[str, ...], expected: set[str]
) -> None:
    text = entry_to_bibtex(publication(), fields, exclude)
    entry = parse_string(text, "bibtex").entries["fox2020"]
    assert set(entry.fields) | set(entry.persons) == expected


def test_export_round_trips_through_pybtex() -> None:
    text = bibliography_to_bibtex([publication("a"), publication("b", entry_type="misc")])
    data = parse_string(text, "bibtex")
    assert list(data.entries) == ["a", "b"]
    assert data.entries["b"].type == "misc"
    assert data.entries["a"].fields["title"] == RAW["title"]
    assert [str(person) for person in data.entries["a"].persons["author"]] == list(
        PERSONS["author"]
    )


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("a } b", "a  b"),
        ("{a", "a"),
        ("}{", ""),
        ("{x} } {y", "{x}  y"),
        ("line\nbreak", "line break"),
    ],
)
def test_unbalanced_braces_cannot_break_out_of_the_value(value: str, written: str) -> None:
    text = entry_to_bibtex(publication(raw_fields={"note": value}, raw_persons={}))
    assert f"  note = {{{written}}}," in text
    assert list(parse_string(text, "bibtex").entries) == ["fox2020"]


def test_empty_list_gives_empty_file() -> None:
    assert bibliography_to_bibtex([]) == ""


@settings(max_examples=200, deadline=None)
@given(
    value=st.text(max_size=60), key=st.from_regex(r"[A-Za-z][A-Za-z0-9:_-]{0,20}", fullmatch=True)
)
def test_any_field_value_exports_to_parseable_bibtex(value: str, key: str) -> None:
    text = entry_to_bibtex(
        publication(key, raw_fields={"title": "T", "note": value}, raw_persons={})
    )
    entry = parse_string(text, "bibtex").entries[key]
    assert entry.fields["title"] == "T"
