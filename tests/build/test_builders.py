"""Every builder renders the basic list without a single warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..helpers import build, copy_root, warnings_of

CLEAN = {
    "suppress_warnings": ["publist.missing-field", "epub.unknown_project_files"],
    "project": "Publist",
    "version": "1.0",
    "copyright": "2026, Publist",
}
TITLE = "Data-Driven Offline Optimization"

# builder, output file, what must be in it
BUILDERS = [
    ("html", "index.html", ['<details class="publist-abstract">', "Preview abstract", TITLE]),
    ("dirhtml", "index.html", ['<details class="publist-abstract">', TITLE]),
    ("singlehtml", "index.html", ['<details class="publist-abstract">', TITLE]),
    ("epub", "index.xhtml", ["publist-abstract", TITLE]),
    ("latex", "publist.tex", ["\\begin{quote}", "Abstract:", "Data\\sphinxhyphen{}Driven"]),
    ("text", "index.txt", ["Abstract:", TITLE, "International Conference on Learning"]),
    ("man", "publist.1", ["Abstract:", "Data\\-Driven Offline Optimization"]),
    ("texinfo", "publist.texi", ["Abstract:", TITLE]),
]


@pytest.mark.parametrize(("builder", "output", "expected"), BUILDERS, ids=[b[0] for b in BUILDERS])
def test_builder_output_is_clean(
    tmp_path: Path, builder: str, output: str, expected: list[str]
) -> None:
    app = build(_basic(tmp_path), builder, CLEAN)
    assert warnings_of(app) == ""
    written = (Path(app.outdir) / output).read_text(encoding="utf-8")
    for text in expected:
        assert text in written
    # The owner omitted from the author line in every format.
    assert "Sergey Levine" in written.replace("\n", " ")
    assert "Kevin Swersky" not in written


def test_gettext_extracts_the_page_but_no_bib_data(tmp_path: Path) -> None:
    app = build(_basic(tmp_path), "gettext", CLEAN)
    assert warnings_of(app) == ""
    catalog = (Path(app.outdir) / "index.pot").read_text(encoding="utf-8")
    assert 'msgid "Publications"' in catalog
    for bib_text in (TITLE, "Aviral Kumar", "ICLR", "simulation", "Preview abstract"):
        assert bib_text not in catalog


def test_latex_after_html_on_the_same_doctrees(tmp_path: Path) -> None:
    srcdir = _basic(tmp_path)
    build(srcdir, "html", CLEAN)
    latex = build(srcdir, "latex", CLEAN)
    assert warnings_of(latex) == ""
    # Nothing re-read: the LaTeX writer works from the pickled doctree alone.
    assert "0 added, 0 changed, 0 removed" in latex._status.getvalue()
    tex = (Path(latex.outdir) / "publist.tex").read_text(encoding="utf-8")
    assert tex.count("\\begin{quote}") == 4


def _basic(tmp_path: Path) -> Path:
    return copy_root("basic", tmp_path / "basic")
