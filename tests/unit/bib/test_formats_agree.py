"""The same entries as .bib, CSL-JSON and RIS: the reader sees one thing whatever the source."""

from __future__ import annotations

import datetime as dt
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
