"""Versions of one paper merged into its published one; different papers kept apart."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist.bib.links import DEFAULT_LINK_FIELDS, entry_links
from sphinxcontrib_publist.bib.load import load
from sphinxcontrib_publist.core.diagnostics import Subtype
from sphinxcontrib_publist.core.richtext import plain_text
from sphinxcontrib_publist.format.bibtex import entry_to_bibtex
from sphinxcontrib_publist.select import parse_sort
from sphinxcontrib_publist.select.choose import choose
from sphinxcontrib_publist.select.merge import arxiv_id, is_preprint, merge_versions

from ...helpers import CORPUS, needs_corpus
from ..samples import TODAY, converted

AUTHORS = "Lovelace, Ada and Babbage, Charles"
TITLE = "Notes on the Analytical Engine"
PUBLISHED = (
    "lovelace2021",
    "article",
    {
        "author": AUTHORS,
        "title": TITLE,
        "journal": "Journal of Engines",
        "volume": "12",
        "year": "2021",
        "doi": "10.1000/engines.12",
    },
)
PREPRINT = (
    "lovelace2020arxiv",
    "misc",
    {
        "author": AUTHORS,
        "title": "Notes on the analytical engine",
        "eprint": "2001.01234v2",
        "archiveprefix": "arXiv",
        "year": "2020",
        "abstract": "We describe the engine.",
        "code": "https://example.org/engine",
    },
)
CORR = (
    "DBLP:journals/corr/abs-2001-01234",
    "article",
    {
        "author": AUTHORS,
        "title": "Notes on the Analytical Engine",
        "journal": "CoRR",
        "volume": "abs/2001.01234",
        "year": "2020",
    },
)


def merged_keys(*specs: tuple[str, str, dict[str, str]]) -> list[str]:
    return [publication.key for publication in merge_versions(converted(*specs)).publications]


def test_three_versions_become_the_published_one() -> None:
    merged = merge_versions(converted(PREPRINT, CORR, PUBLISHED))
    [entry] = merged.publications
    assert entry.key == "lovelace2021"
    assert plain_text(entry.venue) == "Journal of Engines"
    links = {link.label_key: link.url for link in entry_links(entry, DEFAULT_LINK_FIELDS)}
    assert links["arXiv"] == "https://arxiv.org/abs/2001.01234"
    assert links["DOI"] == "https://doi.org/10.1000/engines.12"
    [note] = merged.notes
    assert note.subtype is Subtype.DUPLICATE
    assert "'lovelace2020arxiv'" in note.message
    assert "'DBLP:journals/corr/abs-2001-01234'" in note.message
    assert (note.source, note.line) == ("refs.bib", 21)


def test_conflicting_fields_keep_the_published_value_and_fill_the_rest() -> None:
    [entry] = merge_versions(converted(PREPRINT, PUBLISHED)).publications
    # The published year, title and type win over the preprint's.
    assert entry.year == 2021
    assert plain_text(entry.title) == TITLE
    assert entry.entry_type == "article"
    # What the published version lacks comes from the preprint, but never its venue.
    assert plain_text(entry.abstract) == "We describe the engine."
    assert entry.raw_fields["code"] == "https://example.org/engine"
    bibtex = entry_to_bibtex(entry, exclude=())
    assert bibtex.startswith("@article{lovelace2021,")
    assert "eprint = {2001.01234}" in bibtex
    assert "archiveprefix = {arXiv}" in bibtex
    assert "CoRR" not in bibtex


@pytest.mark.parametrize(
    "preprint_fields",
    [
        {"eprint": "2001.01234", "archiveprefix": "arXiv"},
        {"eprint": "2001.01234v1", "eprinttype": "arxiv"},
        {"url": "https://arxiv.org/pdf/2001.01234v3"},
        {"arxiv": "2001.01234"},
        {"doi": "10.48550/arXiv.2001.01234", "publisher": "arXiv"},
        {"journal": "CoRR", "volume": "abs/2001.01234"},
    ],
)
def test_every_spelling_of_an_arxiv_id_matches(preprint_fields: dict[str, str]) -> None:
    # The titles differ, so only the arXiv identifier can tell they are one paper.
    published = ("pub", "inproceedings", {**PUBLISHED[2], "eprint": "2001.01234"})
    published[2]["archiveprefix"] = "arXiv"
    published[2]["booktitle"] = "Engines Conference"
    preprint = ("pre", "misc", {"author": AUTHORS, "title": "Other words", **preprint_fields})
    assert merged_keys(preprint, published) == ["pub"]
    assert arxiv_id(converted(preprint)[0]) == "2001.01234"


def test_the_same_doi_merges_whatever_the_titles() -> None:
    other = ("copy", "article", {**PUBLISHED[2], "title": "Notes, revised", "year": "2022"})
    # Both published: the later one wins.
    assert merged_keys(PUBLISHED, other) == ["copy"]


def test_folded_title_and_first_author_match() -> None:
    accented = (
        "pre",
        "unpublished",
        {"author": "Lovelace, Ada", "title": "NOTES on the Analytical-Engine!", "year": "2019"},
    )
    assert merged_keys(accented, PUBLISHED) == ["lovelace2021"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Another first author.
        ({"author": AUTHORS}, {"author": "Babbage, Charles and Lovelace, Ada"}),
        # A one-word title says too little.
        ({"title": "Notes"}, {"title": "Notes"}),
        # Two published entries of one title: a reprint, another edition.
        ({"journal": "Engines"}, {"journal": "Engines Reprinted", "year": "1999"}),
        # A book's DOI on two of its chapters.
        (
            {"doi": "10.1000/book", "title": "Chapter one"},
            {"doi": "10.1000/book", "title": "Chapter two", "author": "Somerville, Mary"},
        ),
        # One arXiv id copied into another paper.
        (
            {"arxiv": "2001.01234"},
            {"arxiv": "2001.01234", "title": "Unrelated", "author": "Somerville, Mary"},
        ),
    ],
)
def test_different_papers_stay_apart(first: dict[str, str], second: dict[str, str]) -> None:
    base = {"author": AUTHORS, "title": TITLE, "year": "2021", "howpublished": "arXiv"}
    if "journal" in first:
        del base["howpublished"]
    pair = (("one", "misc", {**base, **first}), ("two", "misc", {**base, **second}))
    assert merged_keys(*pair) == ["one", "two"]


def test_a_preprint_joins_one_of_two_published_versions_with_other_dois() -> None:
    # A conference paper and its journal version are two publications; the
    # preprint of their title goes with the first.
    base = {"author": AUTHORS, "title": TITLE, "year": "2021"}
    conference = ("conf", "inproceedings", {**base, "booktitle": "Conf", "doi": "10.1000/a"})
    journal = ("jour", "article", {**base, "journal": "Jour", "doi": "10.1000/b"})
    preprint = ("pre", "misc", {**base, "year": "2020", "howpublished": "arXiv"})
    assert merged_keys(preprint, conference, journal) == ["conf", "jour"]


def test_a_preprint_doi_does_not_keep_the_versions_apart() -> None:
    biorxiv = (
        "pre",
        "misc",
        {"author": AUTHORS, "title": TITLE, "year": "2020", "publisher": "bioRxiv"}
        | {"doi": "10.1101/2020.01.01.123456"},
    )
    assert merged_keys(biorxiv, PUBLISHED) == ["lovelace2021"]


def test_two_preprints_keep_the_later() -> None:
    later = ("later", "misc", {**PREPRINT[2], "year": "2021"})
    assert merged_keys(PREPRINT, later) == ["later"]


@pytest.mark.parametrize(
    ("entry", "expected"),
    [(PUBLISHED, False), (PREPRINT, True), (CORR, True)],
)
def test_preprints_are_recognised(entry: tuple[str, str, dict[str, str]], expected: bool) -> None:
    assert is_preprint(converted(entry)[0]) is expected


def test_a_merged_key_still_names_the_entry_once() -> None:
    merged = merge_versions(converted(PREPRINT, PUBLISHED))
    shown, problems = choose(
        merged.publications,
        ["lovelace2020arxiv", "LOVELACE2021"],
        None,
        parse_sort("-year"),
        True,
        None,
        merged.aliases,
    )
    assert [publication.key for publication in shown] == ["lovelace2021"]
    assert problems == []


def test_unrelated_entries_are_untouched() -> None:
    publications = converted(PUBLISHED, ("x", "book", {"title": "A Book", "year": "1999"}))
    merged = merge_versions(publications)
    assert merged.publications == publications
    assert merged.notes == ()


@needs_corpus
@pytest.mark.parametrize(
    ("stem", "merges"),
    [
        # The article and its arXiv record (eprint math/0307200).
        ("biblatex-examples", {"baez/article": ("baez/online",)}),
        # A Mendeley library holding one paper twice or three times (same DOI).
        (
            "mendeley-abstracts",
            {
                "Milazzo2017zz": ("Milazzo2017z", "Milazzo2017"),
                "Mabbott2017a": ("Mabbott2017",),
            },
        ),
        # A paper and its unpublished report of one title and first author.
        ("paren-delimited-873", {"Scherl:93": ("Scherl:95",)}),
        # Reprints, editions and columns of one title are different publications.
        ("biber-crossrefs", {}),
        ("typst-libra", {}),
    ],
)
def test_real_files_merge_only_versions_of_one_paper(
    stem: str, merges: dict[str, tuple[str, ...]]
) -> None:
    loaded = load([str(CORPUS / f"{stem}.bib")], TODAY)
    merged = merge_versions(loaded.publications)
    found = {
        publication.key: tuple(k for k, kept in merged.aliases.items() if kept == publication.key)
        for publication in merged.publications
        if publication.key in merged.aliases.values()
    }
    assert found == {kept: tuple(key.lower() for key in keys) for kept, keys in merges.items()}
