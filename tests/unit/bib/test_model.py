"""The publication record: names, keywords, dates and eprint archives."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist.bib.model import Person, Publication, eprint_archive, partial_date


@pytest.mark.parametrize(
    ("person", "given", "family", "full"),
    [
        (Person(first="Ada", last="Lovelace"), "Ada", "Lovelace", "Ada Lovelace"),
        (Person(first="Ryan", middle="P.", last="Adams"), "Ryan P.", "Adams", "Ryan P. Adams"),
        (Person(first="Zoë", prelast="de la", last="Cruz", lineage="Jr."), "Zoë", "de la Cruz",
         "Zoë de la Cruz, Jr."),
        (Person(last="王小明"), "", "王小明", "王小明"),
        (Person(), "", "", ""),
    ],
)  # fmt: skip
def test_person_names(person: Person, given: str, family: str, full: str) -> None:
    assert (person.given, person.family, person.full_name()) == (given, family, full)


@pytest.mark.parametrize(
    ("value", "keywords"),
    [
        ("", ()),
        ("ml, systems", ("ml", "systems")),
        ("bayesian; google", ("bayesian", "google")),
        ("a, b;c ;; , d", ("a", "b", "c", "d")),
        ("  ", ()),
        ("one keyword with spaces", ("one keyword with spaces",)),
    ],
)
def test_keywords_split_at_commas_and_semicolons(value: str, keywords: tuple[str, ...]) -> None:
    publication = Publication(key="k", entry_type="misc", fields={"keywords": value})
    assert publication.keywords == keywords


@pytest.mark.parametrize(
    ("year", "month", "day", "key"),
    [(2024, 3, 5, (2024, 3, 5)), (2024, None, None, (2024, 0, 0)), (None, None, None, (0, 0, 0))],
)
def test_date_key_sorts_unknown_parts_first(
    year: int | None, month: int | None, day: int | None, key: tuple[int, int, int]
) -> None:
    publication = Publication(key="k", entry_type="misc", year=year, month=month, day=day)
    assert publication.date_key == key


@pytest.mark.parametrize(
    ("year", "month", "day", "separator", "shown"),
    [
        (2024, 3, 5, "-", "2024-03-05"),
        (2024, 3, None, "/", "2024/03"),
        (2024, None, None, "-", "2024"),
        # A day without its month says nothing.
        (2024, None, 5, "-", "2024"),
        (99, 1, None, "-", "0099-01"),
        (None, 3, 5, "-", ""),
    ],
)
def test_partial_date(
    year: int | None, month: int | None, day: int | None, separator: str, shown: str
) -> None:
    assert partial_date(year, month, day, separator) == shown


@pytest.mark.parametrize(
    ("fields", "archive"),
    [
        ({"eprinttype": " arXiv "}, "arXiv"),
        ({"archiveprefix": "HAL"}, "HAL"),
        ({"eprinttype": "arxiv", "archiveprefix": "HAL"}, "arxiv"),
        ({"eprinttype": "", "archiveprefix": "HAL"}, "HAL"),
        ({}, ""),
    ],
)
def test_eprint_archive_biblatex_name_first(fields: dict[str, str], archive: str) -> None:
    assert eprint_archive(fields) == archive
