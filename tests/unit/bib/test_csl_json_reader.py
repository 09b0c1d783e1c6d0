"""CSL-JSON input: fields, names and dates mapped as BibTeX's; bad items warned about, located."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sphinxcontrib_publist.bib.csl_reader import csl_date
from sphinxcontrib_publist.bib.load import Loaded, load
from sphinxcontrib_publist.bib.model import Publication
from sphinxcontrib_publist.core.diagnostics import Subtype

TODAY = dt.date(2026, 1, 1)
GOOD = '  {"id": "good", "type": "article-journal", "title": "Good", "issued": {"date-parts": [[2020]]}}'


def _load(tmp_path: Path, text: str, name: str = "refs.json") -> Loaded:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load([str(path)], TODAY)


def _only(tmp_path: Path, item: dict[str, object]) -> Publication:
    loaded = _load(tmp_path, json.dumps([{"id": "k", "title": "T", "issued": "2020", **item}]))
    assert loaded.diagnostics == ()
    (publication,) = loaded.publications
    return publication


def _problems(loaded: Loaded) -> list[tuple[str, int | None, str]]:
    return [(item.subtype.value, item.line, item.message) for item in loaded.diagnostics]


@pytest.mark.parametrize(
    ("issued", "expected"),
    [
        ({"date-parts": [[2021]]}, (2021, None, None)),
        ({"date-parts": [[2021, 5]]}, (2021, 5, None)),
        ({"date-parts": [["2021", "5", "3"]]}, (2021, 5, 3)),
        ({"date-parts": [[2021], [2022]]}, (2021, None, None)),
        ({"raw": "2021-05"}, (2021, 5, None)),
        ({"raw": "2021/2022"}, (2021, None, None)),
        ({"literal": "May 2019"}, (2019, 5, None)),
        ("2021-05-03T10:00:00Z", (2021, 5, 3)),
        ({"date-parts": [[2021, 13]]}, (2021, None, None)),
    ],
)
def test_partial_dates_give_what_they_know(
    tmp_path: Path, issued: object, expected: tuple[int | None, ...]
) -> None:
    publication = _only(tmp_path, {"issued": issued})
    assert (publication.year, publication.month, publication.day) == expected


def test_a_date_range_keeps_its_end_in_the_date_field() -> None:
    date = csl_date({"date-parts": [[2021, 5], [2022, 1]]})
    assert date is not None and date.iso() == "2021-05/2022-01"


@pytest.mark.parametrize(
    ("csl_type", "entry_type"),
    [
        ("article-journal", "article"),
        ("paper-conference", "inproceedings"),
        ("chapter", "incollection"),
        ("report", "techreport"),
        ("manuscript", "unpublished"),
        ("article", "misc"),
        ("dataset", "dataset"),
        ("webpage", "online"),
    ],
)
def test_types_are_the_csl_exporters_read_backwards(
    tmp_path: Path, csl_type: str, entry_type: str
) -> None:
    assert _only(tmp_path, {"type": csl_type}).entry_type == entry_type


def test_masters_thesis_is_told_by_its_genre(tmp_path: Path) -> None:
    thesis = _only(tmp_path, {"type": "thesis", "genre": "Master's thesis", "publisher": "MIT"})
    assert (thesis.entry_type, thesis.fields["school"]) == ("mastersthesis", "MIT")


def test_names_keep_particles_suffixes_and_institutions(tmp_path: Path) -> None:
    authors = [
        {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
        {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
        {"literal": "Data & Models Group, Inc."},
        {"family": "Smith and Wesson", "given": "A."},
    ]
    people = _only(tmp_path, {"author": authors}).authors
    assert [(person.prelast, person.last) for person in people] == [
        ("van", "Beethoven"),
        ("", "King"),
        ("", "Data & Models Group, Inc."),
        ("", "Smith and Wesson"),
    ]
    assert people[1].lineage == "Jr."


def test_identifiers_and_text_fields_are_mapped(tmp_path: Path) -> None:
    publication = _only(
        tmp_path,
        {
            "type": "article",
            "number": "arXiv:2101.00001",
            "DOI": "10.48550/arXiv.2101.00001",
            "PMID": "123456",
            "abstract": "Costs 5$ & 10% more.",
            "keyword": ["a", "b"],
            "note": "Extra",
        },
    )
    fields = publication.fields
    assert (fields["eprint"], fields["archiveprefix"]) == ("2101.00001", "arXiv")
    assert fields["pmid"] == "123456"
    assert fields["abstract"] == "Costs 5$ & 10% more."
    assert publication.keywords == ("a", "b")
    assert publication.url == "https://doi.org/10.48550/arXiv.2101.00001"


def test_an_object_with_items_and_a_single_item_are_read(tmp_path: Path) -> None:
    wrapped = _load(tmp_path, json.dumps({"items": [{"id": "a", "title": "A", "issued": "2020"}]}))
    single = _load(tmp_path, json.dumps({"id": "b", "title": "B", "issued": "2020"}), "b.json")
    assert [item.key for item in (*wrapped.publications, *single.publications)] == ["a", "b"]


def test_an_item_without_id_is_kept_under_a_made_up_key_with_a_warning(tmp_path: Path) -> None:
    item = '  {"title": "Deep Things", "author": [{"family": "Doe"}], "issued": "2020"}'
    loaded = _load(tmp_path, f"[\n{GOOD},\n{item}\n]\n")
    assert [publication.key for publication in loaded.publications] == ["good", "doe2020deep"]
    assert _problems(loaded) == [
        ("missing-field", 3, "item 2: has no id; read as 'doe2020deep'"),
    ]


def test_a_field_of_the_wrong_type_is_ignored_with_a_warning(tmp_path: Path) -> None:
    item = '  {"id": "odd", "title": {"x": 1}, "author": "Doe", "issued": "2019"}'
    loaded = _load(tmp_path, f"[\n{GOOD},\n{item}\n]\n")
    assert [publication.key for publication in loaded.publications] == ["good", "odd"]
    assert [(subtype, line) for subtype, line, _ in _problems(loaded)] == [
        ("parse", 3),
        ("parse", 3),
        ("missing-field", 3),
    ]
    assert "'title' is a dict, not text" in loaded.diagnostics[0].message


def test_an_unparsable_date_is_one_missing_field_warning_naming_it(tmp_path: Path) -> None:
    item = '  {"id": "when", "title": "W", "issued": {"raw": "sometime"}}'
    loaded = _load(tmp_path, f"[\n{GOOD},\n{item}\n]\n")
    assert _problems(loaded) == [
        ("missing-field", 3, "entry 'when' has no year or date (year 'sometime' is not one)")
    ]
    assert len(loaded.publications) == 2


def test_a_date_given_as_a_state_says_forthcoming(tmp_path: Path) -> None:
    assert _only(tmp_path, {"issued": {"literal": "in press"}}).forthcoming


def test_a_missing_title_is_warned_about_at_the_items_line(tmp_path: Path) -> None:
    loaded = _load(tmp_path, f'[\n{GOOD},\n  {{"id": "untitled", "issued": "2020"}}\n]')
    assert _problems(loaded) == [("missing-field", 3, "entry 'untitled' has no title")]


def test_bad_json_in_one_item_costs_that_item_only(tmp_path: Path) -> None:
    broken = '  {"id": "broken", "title": "B" "issued": "2020"}'
    after = '  {"id": "after", "title": "A", "issued": "2021"}'
    loaded = _load(tmp_path, f"[\n{GOOD},\n{broken},\n{after}\n]\n")
    assert [publication.key for publication in loaded.publications] == ["good", "after"]
    ((subtype, line, message),) = _problems(loaded)
    assert (subtype, line) == ("parse", 3)
    assert message.startswith("item 2: not valid JSON: Expecting ','")


def test_an_item_that_is_no_object_is_skipped(tmp_path: Path) -> None:
    loaded = _load(tmp_path, f'[\n{GOOD},\n  "just text"\n]')
    assert _problems(loaded) == [("parse", 3, "item 2 is not a JSON object; skipped")]


def test_an_unclosed_array_keeps_its_items(tmp_path: Path) -> None:
    loaded = _load(tmp_path, f"[\n{GOOD},\n")
    assert [publication.key for publication in loaded.publications] == ["good"]
    assert [subtype for subtype, _, _ in _problems(loaded)] == ["parse"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "CSL-JSON file is empty"),
        ("@article{x, title={T}}", "not a CSL-JSON file: it holds no JSON array or object"),
        ("[]", "no CSL-JSON records found"),
    ],
)
def test_a_file_that_holds_no_items_is_one_bibfile_warning(
    tmp_path: Path, text: str, message: str
) -> None:
    loaded = _load(tmp_path, text)
    assert loaded.publications == ()
    assert [(item.subtype, item.line, item.message) for item in loaded.diagnostics] == [
        (Subtype.BIBFILE, 1, message)
    ]


def test_an_unreadable_file_is_one_bibfile_warning(tmp_path: Path) -> None:
    loaded = load([str(tmp_path / "absent.json")], TODAY)
    ((diagnostic,),) = [loaded.diagnostics]
    assert diagnostic.subtype == Subtype.BIBFILE
    assert "cannot read bib file" in diagnostic.message


def test_csl_json_from_doi_content_negotiation_is_read(tmp_path: Path) -> None:
    # Crossref's shape: its own type names, lists for one value, extra name parts, HTML titles.
    item = {
        "id": "crossref",
        "type": "journal-article",
        "title": "The <i>E. coli</i> Genome & Its <sup>13</sup>C Labels",
        "container-title": 'Journal of <span class="nocase">bacteriology</span>',
        "author": [
            {"given": "Ada", "family": "Lovelace", "sequence": "first", "affiliation": []},
            {"given": "Alan", "family": "Turing", "ORCID": "https://orcid.org/0000-0001"},
        ],
        "ISSN": ["0021-9193", "1098-5530"],
        "short-title": [],
        "issued": {"date-parts": [[2009, 9]]},
    }
    publication = _only(tmp_path, item)
    assert publication.entry_type == "article"
    assert [person.last for person in publication.authors] == ["Lovelace", "Turing"]
    assert publication.fields["title"] == "The E. coli Genome & Its 13C Labels"
    assert publication.raw_fields["title"] == (
        r"The \textit{E. coli} Genome \& Its \textsuperscript{13}C Labels"
    )
    assert publication.fields["journal"] == "Journal of bacteriology"
    assert publication.fields["issn"] == "0021-9193, 1098-5530"
    assert (publication.year, publication.month) == (2009, 9)


def test_a_name_without_any_name_part_is_warned_about(tmp_path: Path) -> None:
    text = json.dumps(
        [
            {
                "id": "k",
                "title": "T",
                "issued": "2020",
                "author": [{"sequence": "first"}, {"family": "Doe"}],
            }
        ]
    )
    loaded = _load(tmp_path, text)
    assert [person.last for person in loaded.publications[0].authors] == ["Doe"]
    assert _problems(loaded) == [
        (
            "parse",
            1,
            "item 1 ('k'): a name in 'author' has no family, given or literal name; ignored",
        )
    ]


def test_zoteros_own_export_its_uri_ids_and_extra_lines(tmp_path: Path) -> None:
    # As Zotero's "CSL JSON" export writes an item: a URI for id, Extra in the note.
    item = {
        "id": "http://zotero.org/groups/6109700/items/B75VT3ID",
        "type": "article-journal",
        "title": "A Dyadic Approach",
        "author": [{"family": "Benthem", "given": "Patty", "non-dropping-particle": "van"}],
        "issued": {"date-parts": [[2025]]},
        "container-title": "European Child & Adolescent Psychiatry",
        "DOI": "10.1007/s00787-025-02784-9",
        "note": "PMID: 40512270\narXiv: 2101.00001\nRead twice.",
    }
    loaded = _load(tmp_path, json.dumps([item, {**item, "note": "Citation Key: benthem2025"}]))
    assert loaded.diagnostics == ()
    first, second = loaded.publications
    assert (first.key, second.key) == ("benthem2025dyadic", "benthem2025")
    assert first.fields["pmid"] == "40512270"
    assert (first.fields["eprint"], first.fields["archiveprefix"]) == ("2101.00001", "arXiv")
    assert first.fields["note"] == "Read twice."
    assert "note" not in second.fields
    assert first.fields["journal"] == "European Child & Adolescent Psychiatry"
