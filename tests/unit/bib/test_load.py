"""Loading bib files: reuse of unchanged entries, big files, the build date, the corpus."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from sphinxcontrib_publist.bib import load as pipeline
from sphinxcontrib_publist.core.diagnostics import Diagnostic, Subtype

from ...helpers import CORPUS, needs_corpus, pinned

TODAY = dt.date(2026, 1, 1)
ENTRIES = """
@article{first,
  title = {First \\emph{Paper}},
  author = {Doe, Jane},
  journal = {Journal},
  year = {2020},
}

@article{second,
  author = {Roe, Richard},
  year = {2021},
}
"""


def _load(bib: Path, cache: Path) -> pipeline.Loaded:
    pipeline._cache.clear()
    return pipeline.load([str(bib)], TODAY, str(cache))


def test_edited_entry_converted_again_unchanged_entries_reused(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    cache = tmp_path / "cache"
    bib.write_text(ENTRIES, encoding="utf-8")
    before = _load(bib, cache)
    bib.write_text(ENTRIES.replace("First \\emph{Paper}", "First Edited Paper"), encoding="utf-8")
    after = _load(bib, cache)
    assert after.publications[0].fields["title"] == "First Edited Paper"
    # The untouched entry is the very object the previous build stored (it was unpickled).
    assert after.publications[1] == before.publications[1]
    assert set(after.converted) & set(before.converted)
    assert len(set(after.converted) - set(before.converted)) == 1


def test_reused_entries_follow_their_new_lines(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    cache = tmp_path / "cache"
    bib.write_text(ENTRIES, encoding="utf-8")
    before = _load(bib, cache)
    bib.write_text("% a comment line\n% and another\n" + ENTRIES, encoding="utf-8")
    after = _load(bib, cache)
    assert [pub.line for pub in after.publications] == [
        line + 2 for line in (pub.line or 0 for pub in before.publications)
    ]
    missing = [d for d in after.diagnostics if "no title" in d.message]
    assert [d.line for d in missing] == [after.publications[1].line]


def test_unreadable_cache_falls_back_to_converting(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    cache = tmp_path / "cache"
    bib.write_text(ENTRIES, encoding="utf-8")
    _load(bib, cache)
    for stored in cache.glob("*.pickle"):
        stored.write_bytes(b"not a pickle")
    bib.write_text(ENTRIES + "\n", encoding="utf-8")
    assert len(_load(bib, cache).publications) == 2


def test_a_20000_entry_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "huge.bib"
    path.write_text(
        "".join(
            f"@article{{huge{i},\n  title = {{Entry {i}}},\n"
            f"  author = {{Family{i % 97}, A. and Other, B.}},\n  year = {{{1950 + i % 70}}},\n}}\n"
            for i in range(20_000)
        ),
        encoding="utf-8",
    )
    loaded = pipeline.load([str(path)], dt.date(2026, 1, 1))
    assert len(loaded.publications) == 20_000
    assert loaded.diagnostics == ()
    assert loaded.publications[-1].line == 5 * 19_999 + 1


@pytest.mark.parametrize(
    ("epoch", "expected"),
    [
        ("1767225600", dt.date(2026, 1, 1)),
        ("\u00b2", None),
        ("9" * 30, None),
        ("-5", None),
        ("soon", None),
    ],
)
def test_any_source_date_epoch_gives_a_date(
    monkeypatch: pytest.MonkeyPatch, epoch: str, expected: dt.date | None
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert pipeline.build_date() == (expected or dt.date.today())


# Real-world files too big to build in the suite: the pipeline a page listing them runs.
# Entry counts are those of the corpus README's table.


BIG = [
    (("zotero-bbt-7166",), 7166, {}),
    # "{\\uktug}", a macro from the file's @preamble, is its only title.
    (("tugboat",), 3644, {Subtype.MISSING_FIELD: 1}),
    # An abstract's "300\x01C" (a mangled degree sign): the control character goes.
    (("jabref-groups-abstracts",), 911, {Subtype.MISSING_FIELD: 10, Subtype.BIBFILE: 1}),
    (("biber-papers",), 2157, {Subtype.PARSE: 1851, Subtype.MISSING_FIELD: 23}),
    (("biber-definitions", "biber-papers"), 2157, {Subtype.MISSING_FIELD: 23}),
    (("biber-definitions",), 0, {Subtype.BIBFILE: 0}),
]


def load_corpus(stems: tuple[str, ...]) -> pipeline.Loaded:
    return pipeline.load([str(CORPUS / f"{stem}.bib") for stem in stems], TODAY)


def diagnostic_counts(diagnostics: tuple[Diagnostic, ...]) -> dict[Subtype, int]:
    return pinned(Counter(diagnostic.subtype for diagnostic in diagnostics))


@needs_corpus
@pytest.mark.parametrize(("stems", "entries", "expected"), BIG, ids=["+".join(b[0]) for b in BIG])
def test_big_file_loads_with_located_diagnostics(
    stems: tuple[str, ...], entries: int, expected: dict[Subtype, int]
) -> None:
    loaded = load_corpus(stems)
    assert len(loaded.publications) == entries
    assert len({publication.key for publication in loaded.publications}) == entries
    assert diagnostic_counts(loaded.diagnostics) == {k: v for k, v in expected.items() if v}
    for diagnostic in loaded.diagnostics:
        assert diagnostic.source and diagnostic.line, diagnostic


@needs_corpus
def test_strings_from_another_file_expand() -> None:
    loaded = load_corpus(("biber-definitions", "biber-papers"))
    assert not [d for d in loaded.diagnostics if "undefined string" in d.message]
    venues = Counter(publication.fields.get("journal", "") for publication in loaded.publications)
    assert venues["Operations Research"] > 0
    assert "or" not in venues
