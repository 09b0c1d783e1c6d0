"""A site built from broken and oddly encoded bib files: every sound entry renders."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from ..helpers import GENERATED_CONF, build, html_of, location_of, publist_warnings
from ..unit.bib.test_recovery import BIBLATEX_APA, HAND_EDITED

SOUND = {
    "smith2019": "Deep Learning for Tides",
    "smith2020b": "Sediment Transport",
    "smith2021": "Tidal Energy Estimates",
    "smith2015": "On Tides",
}
# Where each broken entry starts, and the part of it that still renders.
BROKEN = {
    "smith2020a": (8, "Proc. Coastal Conference"),
    "smith2021talk": (22, "Invited Talk on Tides"),
    "smith2022": (36, "Tides: A Primer"),
}
WINDOWS_TITLE = "\u201cQuoted\u201d Tides \u2013 a Review"
C1_CONTROLS = re.compile("[\x80-\x9f]")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    srcdir = tmp_path_factory.mktemp("recovery") / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(GENERATED_CONF, encoding="utf-8")
    (srcdir / "hand-edited.bib").write_text(HAND_EDITED, encoding="utf-8")
    (srcdir / "apa.bib").write_text(BIBLATEX_APA, encoding="utf-8")
    windows = f"% Encoding: windows-1252\n\n@article{{win2001,\n  title = {{{WINDOWS_TITLE}}},\n"
    (srcdir / "windows.bib").write_bytes((windows + "  year = {2001},\n}\n").encode("cp1252"))
    utf16 = "@article{wide2002,\n  title = {Wide \u00e9t\u00e9},\n  year = {2002},\n}\n"
    (srcdir / "utf16.bib").write_bytes(codecs.BOM_UTF16_LE + utf16.encode("utf-16-le"))
    pages = {
        "index": "hand-edited.bib",
        "apa": "apa.bib",
        "encodings": "windows.bib utf16.bib",
    }
    for name, files in pages.items():
        toctree = "\n.. toctree::\n\n   apa\n   encodings\n" if name == "index" else ""
        page = f"{name}\n{'=' * len(name)}\n{toctree}\n.. publications:: {files}\n"
        (srcdir / f"{name}.rst").write_text(page, encoding="utf-8")
    return build(srcdir)


def entries(app: SphinxTestApp, docname: str) -> dict[str, str]:
    """Each listed entry's id and its text."""
    page = html_of(app, docname)
    return {entry["id"]: entry.get_text(" ") for entry in page.select(".publist-entry")}


def test_every_sound_entry_renders_with_its_title(built: SphinxTestApp) -> None:
    listed = entries(built, "index")
    for key, title in SOUND.items():
        assert title in listed[key]
    # And what could be kept of the broken ones.
    for key, (_, kept) in BROKEN.items():
        assert kept in listed[key]
    assert len(listed) == 7


def test_each_broken_entry_warns_once_at_its_first_line(built: SphinxTestApp) -> None:
    parse = publist_warnings(built, "parse")
    located = sorted(location_of(warning).rsplit("/", 1)[-1] for warning in parse)
    assert located == sorted(f"hand-edited.bib:{line}" for line, _ in BROKEN.values())
    for key, (line, _) in BROKEN.items():
        (warning,) = [w for w in parse if location_of(w).endswith(f"hand-edited.bib:{line}")]
        assert f"'{key}'" in warning
    # The entry whose title broke has no title: that, and nothing else, is also said.
    others = [w for w in publist_warnings(built) if "[publist.parse]" not in w]
    assert [location_of(w).rsplit("/", 1)[-1] for w in others] == ["hand-edited.bib:8"]
    assert "[publist.missing-field]" in others[0]


def test_a_commented_out_entry_leaves_the_real_one(built: SphinxTestApp) -> None:
    (text,) = entries(built, "apa").values()
    assert "From this article" in text
    assert not [w for w in publist_warnings(built) if "apa.bib" in w]


def test_windows_and_utf16_files_read_right(built: SphinxTestApp) -> None:
    listed = entries(built, "encodings")
    assert WINDOWS_TITLE in listed["win2001"]
    assert "Wide \u00e9t\u00e9" in listed["wide2002"]
    raw = (Path(built.outdir) / "encodings.html").read_text(encoding="utf-8")
    assert not C1_CONTROLS.search(raw)
    assert not [w for w in publist_warnings(built) if "windows.bib" in w or "utf16.bib" in w]
