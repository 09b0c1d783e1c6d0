"""Scholar metadata: Highwire tags, JSON-LD and COinS from one record."""

from __future__ import annotations

import json
from dataclasses import replace
from types import MappingProxyType
from urllib.parse import parse_qsl

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_publist.bib.convert import build_publications
from sphinxcontrib_publist.bib.model import Person, Publication
from sphinxcontrib_publist.core.richtext import text
from sphinxcontrib_publist.format.scholar import (
    ScholarRecord,
    coins,
    highwire_tags,
    json_ld,
    json_ld_script,
    meta_tags_html,
    record_of,
)

from ..samples import TODAY, sourced


def publication(entry_type: str = "article", **fields: str) -> Publication:
    return Publication(
        key="smith2020",
        entry_type=entry_type,
        fields=MappingProxyType(fields),
        raw_fields=MappingProxyType(fields),
        authors=(Person(first="Ann", middle="B.", last="Smith"), Person(first="Jo", last="Lee")),
        title=text("A Title"),
        venue=text(fields.get("journal") or fields.get("booktitle") or ""),
        abstract=text("Short abstract."),
        year=2020,
        month=5,
    )


def record(**changes: object) -> ScholarRecord:
    base = record_of(publication(journal="J. Things", doi="10.1234/xyz"))
    return replace(base, **changes)  # type: ignore[arg-type]


def test_record_reads_the_facts_indexers_need() -> None:
    result = record_of(
        publication(
            journal="J. Things",
            doi="10.1234/xyz",
            pages="10--20",
            volume="3",
            number="4",
            pdf="https://example.org/a.pdf",
            url="javascript:alert(1)",
        )
    )
    assert result.kind == "journal"
    assert result.authors == (("Smith", "Ann B."), ("Lee", "Jo"))
    assert (result.first_page, result.last_page) == ("10", "20")
    assert (result.volume, result.issue, result.doi) == ("3", "4", "10.1234/xyz")
    assert result.pdf_url == "https://example.org/a.pdf"
    assert result.url == ""


@pytest.mark.parametrize(
    ("entry_type", "venue_field", "tag"),
    [
        ("article", "journal", "citation_journal_title"),
        ("inproceedings", "booktitle", "citation_conference_title"),
        ("phdthesis", "journal", "citation_dissertation_institution"),
        ("techreport", "journal", "citation_technical_report_institution"),
        ("incollection", "booktitle", "citation_inbook_title"),
    ],
)
def test_highwire_venue_tag_follows_the_entry_type(
    entry_type: str, venue_field: str, tag: str
) -> None:
    tags = highwire_tags(record_of(publication(entry_type, **{venue_field: "V"})), "p.html")
    assert (tag, "V") in tags


def test_highwire_tags_in_order_without_empty_values() -> None:
    tags = highwire_tags(record(), "https://example.org/publications/smith2020.html")
    assert tags == [
        ("citation_title", "A Title"),
        ("citation_author", "Smith, Ann B."),
        ("citation_author", "Lee, Jo"),
        ("citation_publication_date", "2020"),
        ("citation_journal_title", "J. Things"),
        ("citation_doi", "10.1234/xyz"),
        ("citation_abstract_html_url", "https://example.org/publications/smith2020.html"),
    ]


def test_meta_tags_escape_attribute_values() -> None:
    markup = meta_tags_html([("citation_title", '"><script>x</script>&')])
    soup = BeautifulSoup(markup, "html.parser")
    assert soup.find("script") is None
    assert soup.meta["content"] == '"><script>x</script>&'


def test_json_ld_describes_a_scholarly_article() -> None:
    data = json_ld(record(), "https://example.org/p.html")
    assert data["@type"] == "ScholarlyArticle"
    assert data["headline"] == "A Title"
    assert [author["familyName"] for author in data["author"]] == ["Smith", "Lee"]
    assert data["datePublished"] == "2020-05"
    assert data["isPartOf"] == {"@type": "Periodical", "name": "J. Things"}
    assert data["identifier"]["value"] == "10.1234/xyz"
    assert data["sameAs"] == ["https://doi.org/10.1234/xyz"]


@given(st.text())
def test_json_ld_script_cannot_be_broken_out_of(value: str) -> None:
    markup = json_ld_script({"headline": value, "abstract": f"</script><!--{value}\u2028"})
    body = markup.removeprefix('<script type="application/ld+json">').removesuffix("</script>\n")
    assert "<" not in body
    assert ">" not in body
    assert "\u2028" not in body
    assert json.loads(body)["headline"] == value


@pytest.mark.parametrize(
    ("entry_type", "fmt", "title_key"),
    [
        ("article", "info:ofi/fmt:kev:mtx:journal", "rft.atitle"),
        ("book", "info:ofi/fmt:kev:mtx:book", "rft.btitle"),
        ("misc", "info:ofi/fmt:kev:mtx:dc", "rft.title"),
    ],
)
def test_coins_context_object(entry_type: str, fmt: str, title_key: str) -> None:
    pairs = parse_qsl(coins(record_of(publication(entry_type, doi="10.1234/xyz"))))
    assert pairs[0] == ("ctx_ver", "Z39.88-2004")
    assert ("rft_val_fmt", fmt) in pairs
    assert (title_key, "A Title") in pairs
    assert [value for name, value in pairs if name == "rft.au"] == ["Smith, Ann B.", "Lee, Jo"]
    assert ("rft_id", "info:doi/10.1234/xyz") in pairs
    assert ("rft.date", "2020-05") in pairs


@pytest.mark.parametrize(
    ("month", "day", "highwire", "iso"),
    [
        (None, None, "2020", "2020"),
        (5, None, "2020", "2020-05"),
        (5, 17, "2020/05/17", "2020-05-17"),
    ],
)
def test_dates_in_each_format(month: int | None, day: int | None, highwire: str, iso: str) -> None:
    dated = record(month=month, day=day)
    assert ("citation_publication_date", highwire) in highwire_tags(dated, "p.html")
    assert json_ld(dated, "p.html")["datePublished"] == iso
    assert ("rft.date", iso) in parse_qsl(coins(dated))


def test_editors_are_not_credited_as_authors() -> None:
    edited = Publication(
        key="proc2020",
        entry_type="proceedings",
        editors=(Person(first="Ed", last="Itor"),),
        title=text("Proceedings"),
        year=2020,
    )
    tags = highwire_tags(record_of(edited), "p.html")
    assert [name for name, _ in tags if name == "citation_author"] == []
    assert "author" not in json_ld(record_of(edited), "p.html")


def _converted(entry_type: str, fields: dict[str, str]) -> Publication:
    publications, _ = build_publications(sourced(("k", entry_type, fields)), TODAY)
    return publications[0]


def test_indexers_get_math_as_characters_not_tex() -> None:
    # An ADS title: Scholar and schema.org show their text as it is, TeX included.
    ads = _converted("article", {"title": r"Quenching of galaxies at $z \sim 1$", "year": "2021"})
    result = record_of(ads)
    assert ("citation_title", "Quenching of galaxies at z \u223c 1") in highwire_tags(result, "p")
    assert json_ld(result, "p")["headline"] == "Quenching of galaxies at z \u223c 1"


def test_coins_puts_a_books_publisher_in_rft_pub_and_its_series_in_rft_series() -> None:
    book = _converted(
        "book",
        {"title": "Linear Algebra", "publisher": "Springer", "series": "GTM", "year": "2015"},
    )
    pairs = parse_qsl(coins(record_of(book)))
    assert ("rft.pub", "Springer") in pairs
    assert ("rft.series", "GTM") in pairs
    assert ("rft.series", "Springer") not in pairs
