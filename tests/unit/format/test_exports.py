"""Export files: BibTeX, RIS and CSL-JSON that their own parsers read back, without site-only fields."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import rispy
from pybtex.database import parse_string

from sphinxcontrib_publist.format.atom import ATOM_NS, FeedInfo, atom_feed, newest
from sphinxcontrib_publist.format.exports import (
    EXPORT_FORMATS,
    ExportSettings,
    export_files,
    unique_entries,
)
from sphinxcontrib_publist.format.ris import ris_record

from ..samples import converted


def _exported(suffix: str, settings: ExportSettings) -> str:
    """One format's file of ``PUBLICATIONS``, as the build writes it."""
    files = export_files(PUBLICATIONS, settings)
    return next(text for export, text in files.items() if export.suffix == suffix)


PUBLICATIONS = converted(
    (
        "lee2021",
        "article",
        {
            "title": "Sparse {$\\ell_1$} recovery",
            "author": "Lee, Ann and van der Berg, Jan and {Open Lab}",
            "journal": "J. Foxes",
            "volume": "12",
            "number": "3",
            "pages": "101--115",
            "year": "2021",
            "month": "may",
            "doi": "10.1000/fox",
            "abstract": "Long text.",
            "pdf": "papers/lee.pdf",
            "slides": "https://example.org/slides",
            "selected": "true",
            "abbr": "JF",
            "bibtex_show": "true",
            "url_poster": "https://example.org/poster.png",
            "timestamp": "Mon, 01 Jan 2021",
        },
    ),
    (
        "kim2019",
        "inproceedings",
        {
            "title": "Multi-line\ntitle",
            "author": "Kim, Bo",
            "booktitle": "Proc. Things",
            "publisher": "ACM",
            "year": "2019",
        },
    ),
    ("undated", "misc", {"title": "No date", "author": "Doe, J"}),
)
SETTINGS = ExportSettings(None, ("abstract", "file", "keywords"), ("url", "doi", "pdf", "code"))
SITE_ONLY = {"pdf", "slides", "selected", "abbr", "bibtex_show", "url_poster", "timestamp"}


def test_bibtex_export_round_trips_without_site_only_fields() -> None:
    parsed = parse_string(_exported(".bib", SETTINGS), "bibtex")
    assert list(parsed.entries) == ["lee2021", "kim2019", "undated"]
    lee = parsed.entries["lee2021"]
    assert SITE_ONLY.isdisjoint(name.lower() for name in lee.fields)
    assert "abstract" not in {name.lower() for name in lee.fields}
    assert {name.lower(): value for name, value in lee.fields.items()}["doi"] == "10.1000/fox"
    assert [str(person) for person in lee.persons["author"]][:2] == [
        "Lee, Ann",
        "van der Berg, Jan",
    ]


def test_ris_export_round_trips() -> None:
    text = _exported(".ris", SETTINGS)
    assert not text.startswith("1.")
    parsed = rispy.loads(text)
    assert parsed == [ris_record(publication) for publication in PUBLICATIONS]
    lee = parsed[0]
    assert lee["id"] == "lee2021"
    assert lee["type_of_reference"] == "JOUR"
    assert lee["title"] == "Sparse \u2113_1 recovery"
    assert lee["authors"] == ["Lee, Ann", "van der Berg, Jan", "Open Lab"]
    assert (lee["start_page"], lee["end_page"]) == ("101", "115")
    assert (lee["year"], lee["date"]) == ("2021", "2021/05//")
    assert lee["doi"] == "10.1000/fox"
    assert "abstract" not in lee
    assert parsed[1]["title"] == "Multi-line title"
    assert parsed[1]["type_of_reference"] == "CPAPER"
    assert "year" not in parsed[2]


def test_csl_json_export_round_trips_without_abstracts() -> None:
    items = json.loads(_exported(".json", SETTINGS))
    assert [item["id"] for item in items] == ["lee2021", "kim2019", "undated"]
    assert all("abstract" not in item for item in items)
    assert items[0]["issued"] == {"date-parts": [[2021, 5]]}
    assert items[0]["DOI"] == "10.1000/fox"
    assert items[0]["title"] == "Sparse \u2113_1 recovery"


def test_abstracts_are_exported_when_not_excluded() -> None:
    keep = ExportSettings(None, ("file",), ())
    assert json.loads(_exported(".json", keep))[0]["abstract"] == "Long text."
    assert rispy.loads(_exported(".ris", keep))[0]["abstract"] == "Long text."
    parsed = parse_string(_exported(".bib", keep), "bibtex")
    assert parsed.entries["lee2021"].fields["abstract"] == "Long text."


def test_every_format_is_written_and_empty_lists_give_empty_files() -> None:
    files = export_files(PUBLICATIONS, SETTINGS)
    assert [export.media_type for export in files] == [
        "application/x-bibtex",
        "application/x-research-info-systems",
        "application/vnd.citationstyles.csl+json",
    ]
    assert [export.suffix for export in EXPORT_FORMATS] == [".bib", ".ris", ".json"]
    empty = export_files([], SETTINGS)
    assert list(empty.values()) == ["", "", "[]\n"]


def test_unique_entries_keep_the_first_of_each_key() -> None:
    lee, kim, undated = PUBLICATIONS
    assert unique_entries([[kim, lee], [lee, undated]]) == [kim, lee, undated]


def test_atom_feed_is_valid_and_newest_first() -> None:
    info = FeedInfo(
        "https://lab.example/_publist/p-1.atom",
        "https://lab.example/p.html",
        "Papers & more",
        "Lab",
    )
    chosen = newest(PUBLICATIONS, 2)
    assert [publication.key for publication in chosen] == ["lee2021", "kim2019"]
    text = atom_feed(
        info, chosen, lambda publication: f"https://lab.example/p.html#{publication.key}"
    )
    assert text == atom_feed(
        info, chosen, lambda publication: f"https://lab.example/p.html#{publication.key}"
    )
    feed = ET.fromstring(text.encode())
    ns = {"a": ATOM_NS}
    assert feed.tag == f"{{{ATOM_NS}}}feed"
    assert feed.findtext("a:id", namespaces=ns) == info.url
    assert feed.findtext("a:title", namespaces=ns) == "Papers & more"
    assert feed.findtext("a:updated", namespaces=ns) == "2021-05-01T00:00:00Z"
    assert feed.find("a:author/a:name", ns).text == "Lab"
    assert feed.find("a:link[@rel='self']", ns).get("href") == info.url
    entries = feed.findall("a:entry", ns)
    assert [entry.findtext("a:id", namespaces=ns) for entry in entries] == [
        "https://lab.example/p.html#lee2021",
        "https://lab.example/p.html#kim2019",
    ]
    for entry in entries:
        assert entry.findtext("a:title", namespaces=ns)
        assert entry.findtext("a:updated", namespaces=ns)
    assert entries[0].findtext("a:title", namespaces=ns) == "Sparse \u2113_1 recovery"
    assert newest(PUBLICATIONS, 5)[-1].key == "undated"
