"""DBLP's conventions on real DBLP records: CoRR preprints, escaped DOIs, homonyms, noise fields."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sphinxcontrib_publist.bib.links import DEFAULT_LINK_FIELDS, entry_links
from sphinxcontrib_publist.bib.load import load
from sphinxcontrib_publist.bib.model import Publication
from sphinxcontrib_publist.bib.names import NameMatcher, display_name
from sphinxcontrib_publist.bib.people import parse_person
from sphinxcontrib_publist.format.bibtex import entry_to_bibtex
from sphinxcontrib_publist.format.csl_json import csl_item
from sphinxcontrib_publist.select.groups import group_publications

from ...helpers import DATA

TODAY = dt.date(2026, 1, 1)
REAL = DATA / "real"


def _read(name: str) -> dict[str, Publication]:
    loaded = load([str(REAL / name)], TODAY)
    assert loaded.diagnostics == ()
    return {publication.key: publication for publication in loaded.publications}


@pytest.fixture(scope="module")
def records() -> dict[str, Publication]:
    return _read("dblp-records.bib")


@pytest.fixture(scope="module")
def corr() -> dict[str, Publication]:
    return _read("dblp-corr.bib")


def test_escaped_underscores_in_dois_and_urls_are_read_unescaped(
    records: dict[str, Publication],
) -> None:
    paper = records["DBLP:conf/sss/ShapiroPBZ11"]
    assert paper.fields["doi"] == "10.1007/978-3-642-24550-3_29"
    assert [(link.kind, link.url) for link in entry_links(paper, DEFAULT_LINK_FIELDS)] == [
        ("doi", "https://doi.org/10.1007/978-3-642-24550-3_29")
    ]
    assert csl_item(paper)["DOI"] == "10.1007/978-3-642-24550-3_29"


@pytest.mark.parametrize("noise", ["timestamp", "biburl", "bibsource"])
def test_database_bookkeeping_is_in_no_field_and_no_export(
    records: dict[str, Publication], corr: dict[str, Publication], noise: str
) -> None:
    for publication in (*records.values(), *corr.values()):
        assert noise not in publication.fields
        assert noise not in publication.raw_fields
        assert f"{noise} =" not in entry_to_bibtex(publication)


@pytest.mark.parametrize(
    ("key", "eprint"),
    [
        ("DBLP:journals/corr/abs-1906-09302", "1906.09302"),
        ("DBLP:journals/corr/NallapatiXZ16", "1602.06023"),
        # No eprint field: the id is the volume's.
        ("DBLP:journals/corr/QinL13", "1306.2597"),
    ],
)
def test_a_corr_entry_is_an_arxiv_preprint(
    corr: dict[str, Publication], key: str, eprint: str
) -> None:
    preprint = corr[key]
    assert preprint.entry_type == "preprint"
    assert preprint.fields["eprint"] == eprint
    assert "journal" not in preprint.fields and "volume" not in preprint.fields
    assert preprint.venue == (preprint.venue[0],)
    assert str(preprint.venue[0].value) == f"arXiv:{eprint}"
    # Linked once, as the arXiv link or as the url that is the same page.
    links = [link.url for link in entry_links(preprint, DEFAULT_LINK_FIELDS)]
    assert f"https://arxiv.org/abs/{eprint}" in links


def test_a_corr_entry_is_exported_as_arxiv_writes_it(corr: dict[str, Publication]) -> None:
    exported = entry_to_bibtex(corr["DBLP:journals/corr/QinL13"])
    assert exported.startswith("@misc{DBLP:journals/corr/QinL13,")
    assert "eprint = {1306.2597}" in exported and "archiveprefix = {arXiv}" in exported
    assert "CoRR" not in exported
    assert csl_item(corr["DBLP:journals/corr/QinL13"])["type"] == "article"


def test_preprints_are_their_own_type_group(
    records: dict[str, Publication], corr: dict[str, Publication]
) -> None:
    groups = group_publications([*records.values(), *corr.values()], "type")
    assert [(group.value, len(group.publications)) for group in groups] == [
        ("article", 1),
        ("inproceedings", 1),
        ("book", 1),
        ("preprint", 3),
    ]


def test_a_journal_named_corr_without_an_abs_volume_stays_a_journal_article(
    tmp_path: Path,
) -> None:
    bib = tmp_path / "corr.bib"
    bib.write_text(
        "@article{k, title={T}, journal={CoRR}, volume={12}, year={2020}}", encoding="utf-8"
    )
    (publication,) = load([str(bib)], TODAY).publications
    assert (publication.entry_type, publication.fields["journal"]) == ("article", "CoRR")


@pytest.mark.parametrize("written", ["Wei Zhang 0001", "Zhang 0001, Wei"])
def test_a_homonym_number_is_not_shown(written: str) -> None:
    person, problem = parse_person(written)
    assert problem is None
    assert (display_name(person), person.homonym) == ("Wei Zhang", "0001")


def test_a_homonym_number_in_the_configured_name_matches_only_that_person() -> None:
    first, second, plain = (
        parse_person(name)[0] for name in ("Wei Zhang 0001", "Wei Zhang 0002", "Wei Zhang")
    )
    numbered = NameMatcher(["Wei Zhang 0001"])
    assert numbered.matches(first)
    assert not numbered.matches(second)
    assert not numbered.matches(plain)
    anyone = NameMatcher(["Zhang, W."])
    assert all(anyone.matches(person) for person in (first, second, plain))


def test_a_year_in_a_name_is_no_homonym_number() -> None:
    assert parse_person("{Working Group 2020}")[0].last == "Working Group 2020"
    assert parse_person("Ludwig 1770")[0].homonym == ""
