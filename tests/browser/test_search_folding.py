"""Search in Chromium folds text as Python's fields.fold does, from the table Python hands it."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest

from sphinxcontrib_publist.core.folding import fold

pytestmark = pytest.mark.browser

# Entry key, a title that needs folding, and what a reader would type on an ASCII
# keyboard (None where no ASCII spelling exists).
TRICKY = [
    ("stroke-o", "Søren Kierkegaard", "Soren Kierkegaard"),
    ("stroke-l", "Łódź Ghetto", "Lodz"),
    ("ae", "Æsir Sagas", "AEsir"),
    ("oe", "Œuvre Complète", "oeuvre complete"),
    ("sharp-s", "Straße", "strasse"),
    ("capital-sharp-s", "GROẞE Liste", "grosse"),
    ("thorn", "Þórr the Thunderer", "Thorr"),
    ("eth", "Ðorđe Balašević", "Dorde Balasevic"),
    ("quotes", "“Quoted” Words", '"quoted" words'),
    ("apostrophe", "O\u2019Brien\u2019s Book", "O'Brien's"),
    ("en-dash", "Pre\u2013Post Analysis", "pre-post"),
    ("em-dash", "Stop—Go Traffic", "stop-go"),
    ("acute-capital", "Éclair Études", "eclair etudes"),
    ("ligature", "ﬁnite ﬂows", "finite flows"),
    ("decomposed", "Cafe\u0301 Society", "cafe society"),
    ("caron", "Dvořák Symphonies", "Dvorak"),
    ("final-sigma", "ΛΟΓΟΣ", None),
    ("iota-subscript", "ᾠδὴ Ἀπόλλωνι", None),
]
# Near misses: no title folds to these.
MISSES = ["Soeren", "Kierkegaardx", "Lodzz", "strase", "grose", "Thorrr", "λογοι", "cafe\u0301x"]

VISIBLE_IDS = """root => Array.from(root.querySelectorAll('.publist-entry'))
    .filter(entry => entry.checkVisibility()).map(entry => entry.id)"""


@pytest.fixture(scope="module")
def site(sites: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    source: Path = tmp_path_factory.mktemp("search-folding")
    entries = [
        f"@misc{{{key},\n  title = {{{title}}},\n  author = {{Tester, Tess}},\n  year = {{2020}},\n}}\n"
        for key, title, _ in TRICKY
    ]
    (source / "refs.bib").write_text("\n".join(entries), encoding="utf-8")
    (source / "conf.py").write_text('extensions = ["sphinxcontrib_publist"]\n', encoding="utf-8")
    (source / "index.rst").write_text(
        "Folding\n=======\n\n.. publications:: refs.bib\n   :controls: search\n",
        encoding="utf-8",
    )
    return sites("alabaster", source) + "index.html"


@pytest.fixture
def search(page: Any, site: str) -> Any:
    page.goto(site)
    box = page.get_by_label("Search publications")

    def found(query: str) -> list[str]:
        box.fill(query)
        return sorted(page.locator(".publist").evaluate(VISIBLE_IDS))

    return found


def test_the_page_holds_the_tricky_titles_as_written(page: Any, site: str) -> None:
    page.goto(site)
    titles = page.locator(".publist-title").all_inner_texts()
    # As written, composed (NFC) as the converter stores all text.
    assert sorted(titles) == sorted(unicodedata.normalize("NFC", title) for _, title, _ in TRICKY)


@pytest.mark.parametrize(("key", "title", "typed"), TRICKY, ids=[key for key, *_ in TRICKY])
def test_an_entry_is_found_by_pythons_fold_of_its_title(
    search: Any, key: str, title: str, typed: str | None
) -> None:
    assert search(fold(title)) == [key]
    assert search(title) == [key]
    assert search(title.upper()) == [key]
    if typed is not None:
        assert fold(typed) in fold(title)
        assert search(typed) == [key]


def test_a_query_folding_to_no_title_finds_nothing(search: Any) -> None:
    for query in MISSES:
        assert search(query) == [], query
    assert len(search("")) == len(TRICKY)
