"""The same entries as .bib, CSL-JSON and RIS: the reader sees one thing whatever the source."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from sphinxcontrib_publist.bib.load import load
from sphinxcontrib_publist.bib.model import Publication
from sphinxcontrib_publist.format.bibtex import entry_to_bibtex

from ...helpers import DATA

TODAY = dt.date(2026, 1, 1)
FORMATS = DATA / "formats"


def _read(name: str) -> tuple[Publication, ...]:
    loaded = load([str(FORMATS / name)], TODAY)
    assert loaded.diagnostics == ()
    return loaded.publications


def _seen(publication: Publication) -> dict[str, Any]:
    """What a list, its filters, sorting, styles and details pages read of an entry."""
    return {
        "key": publication.key,
        "type": publication.entry_type,
        "title": publication.title,
        "authors": publication.authors,
        "editors": publication.editors,
        "venue": publication.venue,
        "date": (publication.year, publication.month, publication.day),
        "url": publication.url,
        "abstract": publication.abstract,
        "keywords": publication.keywords,
        "fields": dict(publication.fields),
    }


@pytest.mark.parametrize("other", ["same.json", "same.ris"])
def test_entries_read_from_another_format_are_those_of_the_bib_file(other: str) -> None:
    expected = [_seen(publication) for publication in _read("same.bib")]
    assert [_seen(publication) for publication in _read(other)] == expected


@pytest.mark.parametrize("other", ["same.json", "same.ris"])
def test_bibtex_export_of_another_format_is_the_bib_files(other: str) -> None:
    expected = [entry_to_bibtex(publication) for publication in _read("same.bib")]
    assert [entry_to_bibtex(publication) for publication in _read(other)] == expected


def test_files_of_all_formats_read_together_share_one_key_space() -> None:
    loaded = load([str(FORMATS / name) for name in ("same.bib", "same.json", "same.ris")], TODAY)
    assert len(loaded.publications) == 5
    duplicates = [item for item in loaded.diagnostics if item.subtype.value == "duplicate-key"]
    assert len(duplicates) == 10
    assert {item.source for item in duplicates} == {
        str(FORMATS / "same.json"),
        str(FORMATS / "same.ris"),
    }


def test_pybtex_yaml_is_read_with_its_names(tmp_path: Path) -> None:
    yaml = tmp_path / "refs.yaml"
    yaml.write_text(
        "entries:\n"
        "  roe2019book:\n"
        "    type: book\n"
        "    title: A Book\n"
        "    publisher: Big Press\n"
        "    edition: '2'\n"
        "    year: '2019'\n"
        "    isbn: 978-3-16-148410-0\n"
        "    author:\n"
        "    - first: Richard\n"
        "      last: Roe\n",
        encoding="utf-8",
    )
    (from_yaml,) = load([str(yaml)], TODAY).publications
    (from_bib,) = [item for item in _read("same.bib") if item.key == "roe2019book"]
    assert _seen(from_yaml) == _seen(from_bib)


def test_a_yaml_file_pybtex_cannot_read_is_one_bibfile_warning(tmp_path: Path) -> None:
    yaml = tmp_path / "refs.yaml"
    yaml.write_text("entries: [unclosed\n", encoding="utf-8")
    loaded = load([str(yaml)], TODAY)
    assert loaded.publications == ()
    assert [(item.subtype.value, item.line) for item in loaded.diagnostics] == [("bibfile", 1)]
