"""BibLaTeX fields renamed for pybtex's BibTeX styles, the parsed entry left as it was."""

from __future__ import annotations

from types import MappingProxyType

import pytest

from sphinxcontrib_publist.format.biblatex import bibtex_entry


@pytest.mark.parametrize(
    ("entry_type", "fields", "expected_type", "expected"),
    [
        (
            "article",
            {"journaltitle": "J", "date": "2024-03"},
            "article",
            {"journal": "J", "year": "2024", "month": "March"},
        ),
        (
            "article",
            {"date": "2024-03-05/2024-04-01"},
            "article",
            {"year": "2024", "month": "March"},
        ),
        ("article", {"date": "2024-13"}, "article", {"year": "2024"}),
        ("book", {"location": "London"}, "book", {"address": "London"}),
        ("thesis", {"type": "phdthesis", "institution": "MIT"}, "phdthesis", {"school": "MIT"}),
        ("thesis", {"type": "mathesis", "institution": "MIT"}, "mastersthesis", {"school": "MIT"}),
        ("report", {"type": "techreport", "institution": "IBM"}, "techreport", {}),
        ("techreport", {"school": "IBM"}, "techreport", {"institution": "IBM"}),
        ("report", {"type": "resreport"}, "techreport", {"type": "Research report"}),
        (
            "online",
            {"eprint": "2101.00001", "eprinttype": "arXiv", "eprintclass": "cs.LG"},
            "misc",
            {"archiveprefix": "arXiv", "primaryclass": "cs.LG"},
        ),
        (
            "inbook",
            {"maintitle": "Collected Works"},
            "incollection",
            {"booktitle": "Collected Works"},
        ),
        ("inbook", {"chapter": "3"}, "inbook", {}),
        ("inproceedings", {"eventtitle": "ICML"}, "inproceedings", {"booktitle": "ICML"}),
        ("article", {"issue": "4"}, "article", {"number": "4"}),
    ],
)
def test_biblatex_fields_get_their_bibtex_names(
    entry_type: str, fields: dict[str, str], expected_type: str, expected: dict[str, str]
) -> None:
    shared = MappingProxyType(dict(fields))
    mapped_type, mapped = bibtex_entry(entry_type, shared)
    assert mapped_type == expected_type
    added = {name: value for name, value in mapped.items() if shared.get(name) != value}
    assert added == expected
    assert dict(shared) == fields


def test_a_bibtex_field_wins_over_its_biblatex_twin() -> None:
    _, mapped = bibtex_entry(
        "article", {"journal": "Short", "journaltitle": "Long", "year": "2020", "date": "2021-02"}
    )
    assert (mapped["journal"], mapped["year"]) == ("Short", "2020")
    assert "month" not in mapped
