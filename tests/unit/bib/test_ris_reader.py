"""RIS input: tags mapped as BibTeX's fields; a record without ER or a field costs only itself."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sphinxcontrib_publist.bib.load import Loaded, load
from sphinxcontrib_publist.bib.model import Publication
from sphinxcontrib_publist.bib.ris_reader import ris_records
from sphinxcontrib_publist.core.diagnostics import Subtype

from ...helpers import DATA

TODAY = dt.date(2026, 1, 1)
GOOD = "TY  - JOUR\nID  - good\nTI  - Good\nPY  - 2020\nER  - \n"


def _load(tmp_path: Path, text: str) -> Loaded:
    path = tmp_path / "refs.ris"
    path.write_text(text, encoding="utf-8")
    return load([str(path)], TODAY)


def _only(tmp_path: Path, lines: str) -> Publication:
    loaded = _load(tmp_path, f"TY  - JOUR\nID  - k\nTI  - T\n{lines}\nER  - \n")
    assert loaded.diagnostics == ()
    (publication,) = loaded.publications
    return publication


def _problems(loaded: Loaded) -> list[tuple[str, int | None, str]]:
    return [(item.subtype.value, item.line, item.message) for item in loaded.diagnostics]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("PY  - 2021", (2021, None, None)),
        ("PY  - 2021/05/03/", (2021, 5, 3)),
        ("PY  - 2021///", (2021, None, None)),
        ("PY  - 2021/05//Spring", (2021, 5, None)),
        ("PY  - 2021\nDA  - 2021/05/03", (2021, 5, 3)),
        ("DA  - 2021-05", (2021, 5, None)),
        ("Y1  - 2019/12/", (2019, 12, None)),
    ],
)
def test_dates_give_what_they_know(
    tmp_path: Path, lines: str, expected: tuple[int | None, ...]
) -> None:
    publication = _only(tmp_path, lines)
    assert (publication.year, publication.month, publication.day) == expected


@pytest.mark.parametrize(
    ("ris_type", "entry_type"),
    [
        ("JOUR", "article"),
        ("CONF", "inproceedings"),
        ("CPAPER", "inproceedings"),
        ("CHAP", "incollection"),
        ("BOOK", "book"),
        ("THES", "phdthesis"),
        ("RPRT", "techreport"),
        ("UNPB", "unpublished"),
        ("ELEC", "online"),
        ("GEN", "misc"),
    ],
)
def test_types(tmp_path: Path, ris_type: str, entry_type: str) -> None:
    loaded = _load(tmp_path, f"TY  - {ris_type}\nID  - k\nTI  - T\nPY  - 2020\nER  - \n")
    assert [publication.entry_type for publication in loaded.publications] == [entry_type]


def test_tags_are_mapped(tmp_path: Path) -> None:
    publication = _only(
        tmp_path,
        "PY  - 2020\nAU  - Curie, Marie\nA1  - Doe, John, Jr.\nJO  - Nature\nSP  - 5-9\n"
        "UR  - https://arxiv.org/abs/2101.00001\nUR  - https://example.org/second\n"
        "KW  - one\nKW  - two\nN1  - A note\nAB  - 50% & more\nDB  - PubMed\nAN  - 987654",
    )
    assert [person.full_name() for person in publication.authors] == [
        "Marie Curie",
        "John Doe, Jr.",
    ]
    fields = publication.fields
    assert (fields["journal"], fields["pages"]) == ("Nature", "5\u20139")
    assert (fields["eprint"], fields["pmid"]) == ("2101.00001", "987654")
    assert publication.url == "https://arxiv.org/abs/2101.00001"
    assert (fields["note"], fields["abstract"]) == ("A note", "50% & more")
    assert publication.keywords == ("one", "two")


def test_continuation_lines_and_one_space_tags_are_read(tmp_path: Path) -> None:
    publication = _only(tmp_path, "PY - 2020\nT2  - A Long\n  Journal Name")
    assert (publication.year, publication.fields["journal"]) == (2020, "A Long Journal Name")


def test_a_record_without_an_id_gets_a_key_as_bibtex_exporters_make_them(tmp_path: Path) -> None:
    text = "TY  - JOUR\nAU  - Doe, Jane\nTI  - Deep Things\nPY  - 2020\nER  - \n"
    loaded = _load(tmp_path, text + text)
    assert [item.key for item in loaded.publications] == ["doe2020deep", "doe2020deepa"]
    assert loaded.diagnostics == ()


def test_a_record_without_er_is_warned_about_and_both_records_kept(tmp_path: Path) -> None:
    unclosed = "TY  - JOUR\nID  - open\nTI  - Open\nPY  - 2019\n\n"
    loaded = _load(tmp_path, GOOD + "\n" + unclosed + GOOD.replace("good", "next"))
    assert [item.key for item in loaded.publications] == ["good", "open", "next"]
    assert _problems(loaded) == [
        ("parse", 7, "RIS record 2 has no 'ER' line closing it; read up to the next record")
    ]


def test_a_missing_title_and_a_bad_date_are_located_at_the_record(tmp_path: Path) -> None:
    loaded = _load(tmp_path, GOOD + "TY  - JOUR\nID  - bad\nPY  - someday\nER  - \n")
    assert _problems(loaded) == [
        ("missing-field", 6, "entry 'bad' has no title"),
        ("missing-field", 6, "entry 'bad' has no year or date (year 'someday' is not one)"),
    ]


def test_a_duplicate_id_keeps_the_first(tmp_path: Path) -> None:
    loaded = _load(tmp_path, GOOD + GOOD)
    assert [item.key for item in loaded.publications] == ["good"]
    assert _problems(loaded) == [
        ("duplicate-key", 6, "duplicate entry key 'good': the later entry is ignored")
    ]


def test_text_before_the_first_record_is_skipped() -> None:
    records = list(ris_records("Exported by a tool\n\n" + GOOD))
    assert [(record.line, record.closed) for record in records] == [(3, True)]


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "RIS file is empty"), ("just some words\n", "no RIS records found")],
)
def test_a_file_without_records_is_one_bibfile_warning(
    tmp_path: Path, text: str, message: str
) -> None:
    loaded = _load(tmp_path, text)
    assert [(item.subtype, item.message) for item in loaded.diagnostics] == [
        (Subtype.BIBFILE, message)
    ]


def test_a_binary_file_is_one_bibfile_warning(tmp_path: Path) -> None:
    path = tmp_path / "refs.ris"
    path.write_bytes(bytes(range(256)) * 4)
    loaded = load([str(path)], TODAY)
    assert [item.subtype for item in loaded.diagnostics] == [Subtype.BIBFILE]


def test_rispys_sample_export_with_a_repeated_id_and_numbered_records() -> None:
    loaded = load([str(DATA / "real" / "rispy-full.ris")], TODAY)
    (publication,) = loaded.publications
    assert [(item.subtype, item.line) for item in loaded.diagnostics] == [
        (Subtype.DUPLICATE_KEY, 29)
    ]
    assert (publication.key, publication.title[0].value, publication.year) == (
        "12345",
        "Title of reference",
        2014,
    )
    assert [person.last for person in publication.authors] == ["Marx", "Lindgren"]
    assert [person.last for person in publication.editors] == ["Glattauer"]
    fields = publication.fields
    assert (fields["journal"], fields["volume"], fields["number"]) == ("Lorem", "9", "3")
    assert (fields["publisher"], fields["address"]) == ("Fun Factory", "United States")
    assert publication.keywords == ("Pippi", "Nordwind", "Piraten")
    assert fields["abstract"].startswith("BACKGROUND: Lorem ipsum")


def test_an_endnote_export_with_one_value_a_line() -> None:
    loaded = load([str(DATA / "real" / "rispy-endnote.ris")], TODAY)
    assert loaded.diagnostics == ()
    (publication,) = loaded.publications
    assert publication.key == "123"
    assert [person.full_name() for person in publication.authors][:2] == [
        "A. Nonymous Smith",
        "J. Doe",
    ]
    assert publication.keywords[:3] == ("citation", "reference", "library")
    assert publication.url == "https://www.endnote.com/"
    assert publication.fields["doi"] == "10.1234/endnote.joke.2024"
    assert publication.fields["pages"] == "1\u20132"
