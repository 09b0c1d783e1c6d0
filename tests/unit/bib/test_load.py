"""Entries unchanged since the last build are reused, with their current lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sphinxcontrib_publist.bib import load as pipeline

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
