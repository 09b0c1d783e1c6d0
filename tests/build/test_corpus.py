"""Real-world bib files: every build completes, problems are located, valid entries render.

The small files are built by Sphinx here; the big ones go through the pipeline alone,
which is what a page listing them runs, in ``tests/unit/bib/test_load.py``. Entry
counts are those of the corpus README's table.
"""

from __future__ import annotations

import shutil
from collections import Counter

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_publist.core.diagnostics import Subtype

from ..helpers import (
    CORPUS,
    GENERATED_CONF,
    build,
    html_of,
    location_of,
    needs_corpus,
    pinned,
    publist_warnings,
)

pytestmark = needs_corpus


# file stem, entries rendered, expected warnings per pinned subtype
SMALL = [
    ("biblatex-examples", 92, {Subtype.MISSING_FIELD: 4}),
    ("biber-crossrefs", 46, {Subtype.CROSSREF: 2, Subtype.MISSING_FIELD: 30}),
    ("typst-libra", 35, {Subtype.MISSING_FIELD: 3}),
    ("typst-gral_rep_key", 83, {Subtype.DUPLICATE_KEY: 1}),
    # The entry with the broken field separator is kept without that field.
    ("typst-incorrect_syntax", 2, {Subtype.PARSE: 1}),
    ("bibtexparser-traps", 1, {}),
    ("mendeley-abstracts", 512, {Subtype.MISSING_FIELD: 6}),
    ("paren-delimited-873", 988, {Subtype.PARSE: 279, Subtype.MISSING_FIELD: 107}),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    srcdir = tmp_path_factory.mktemp("corpus") / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(GENERATED_CONF, encoding="utf-8")
    stems = [stem for stem, _, _ in SMALL]
    toctree = "".join(f"   {stem}\n" for stem in stems)
    (srcdir / "index.rst").write_text(f"Corpus\n======\n\n.. toctree::\n\n{toctree}")
    for stem in stems:
        shutil.copy(CORPUS / f"{stem}.bib", srcdir / f"{stem}.bib")
        # Every entry of the file, as the README counts them: no versions merged.
        page = f"{stem}\n{'=' * len(stem)}\n\n.. publications:: {stem}.bib\n   :merge: none\n"
        (srcdir / f"{stem}.rst").write_text(page, encoding="utf-8")
    return build(srcdir)


def warnings_by_subtype(lines: list[str], stem: str) -> Counter[Subtype]:
    counts: Counter[Subtype] = Counter()
    for line in lines:
        if f"/{stem}.bib:" in line:
            counts[next(s for s in Subtype if f"[publist.{s.value}]" in line)] += 1
    return counts


@pytest.mark.parametrize(("stem", "entries", "expected"), SMALL, ids=[s[0] for s in SMALL])
def test_small_file_builds_with_located_warnings(
    built: SphinxTestApp, stem: str, entries: int, expected: dict[Subtype, int]
) -> None:
    assert len(html_of(built, stem).select(".publist-entry")) == entries
    lines = publist_warnings(built)
    assert pinned(warnings_by_subtype(lines, stem)) == expected
    for line in lines:
        if f"/{stem}.bib" in line:
            assert location_of(line).rsplit(":", 1)[1].isdigit(), line


def test_the_repeated_key_is_reported_where_it_repeats(built: SphinxTestApp) -> None:
    (warning,) = publist_warnings(built, "duplicate-key")
    assert location_of(warning).endswith("typst-gral_rep_key.bib:803")
    assert "'ishihara2012'" in warning


def test_the_broken_separator_is_reported_at_its_line(built: SphinxTestApp) -> None:
    (warning,) = [w for w in publist_warnings(built, "parse") if "incorrect_syntax" in w]
    assert location_of(warning).endswith("typst-incorrect_syntax.bib:11")
    assert "'conigliocorbalan'" in warning
    assert "field author" in warning
    assert "line 12" in warning


def test_parenthesis_delimited_entries_render(built: SphinxTestApp) -> None:
    parse = [w for w in publist_warnings(built, "parse") if "paren-delimited" in w]
    kinds = Counter("undefined string" if "undefined string" in w else "other" for w in parse)
    assert kinds == {"undefined string": 278, "other": 1}
    assert any("more than one keywords field" in w for w in parse)


def test_html_escapes_and_shows_no_latex_source(built: SphinxTestApp) -> None:
    for stem, _, _ in SMALL:
        page = html_of(built, stem)
        assert not page.select(".publist script")


@pytest.mark.parametrize(
    ("anchor", "title", "venue", "year"),
    [
        # journaltitle from an @string, year from a bare "date = 2006", accents decoded
        ("aksin", "Effect of immobilization", "J.\u00a0Organomet. Chem.", "(2006)"),
        (
            "baez-article",
            "Higher-Dimensional Algebra V: 2-Groups",
            "Theory and Applications",
            "(2004)",
        ),
        # the parent's title becomes the booktitle through crossref
        ("westfahl:space", "The True Frontier", "Space and Beyond", "(2000)"),
        (
            "angenendt",
            "In Honore Salvatoris\u00a0\u2013 Vom Sinn",
            "Revue d\u2019Histoire",
            "(2002)",
        ),
    ],
)
def test_biblatex_fields_render(
    built: SphinxTestApp, anchor: str, title: str, venue: str, year: str
) -> None:
    entry = html_of(built, "biblatex-examples").find(id=anchor)
    assert entry.select_one(".publist-title").get_text().startswith(title)
    assert entry.select_one(".publist-venue").get_text().startswith(venue)
    assert entry.select_one(".publist-year").get_text() == year


def test_online_entry_links_its_title(built: SphinxTestApp) -> None:
    entry = html_of(built, "biblatex-examples").select_one("#ctan")
    assert entry.select_one(".publist-title a")["href"] == "http://www.ctan.org"
    authors = html_of(built, "biblatex-examples").select_one("#aksin .publist-authors")
    assert authors.get_text().startswith("\u00d6zge Aks\u0131n, Hayati T\u00fcrkmen")
