"""Untitled entries are headed by their venue and year, or their abstract, in every builder."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..helpers import GENERATED_CONF, build, html_of, soup_of

BIB = r"""
@misc{venued,
  author = {Doe, Jane},
  howpublished = {Workshop on Sampling},
  year = {2021},
}
@misc{abstracted,
  author = {Doe, Jane},
  abstract = {We propose a general and scalable approximate sampling strategy for
    probabilistic models with discrete variables, and much more besides.},
}
"""
INDEX = ".. publications:: refs.bib\n   :details: pages\n   :sort: key\n"
SUPPRESS = 'suppress_warnings = ["publist.missing-field"]\n'


def _project(root: Path) -> Path:
    (root / "conf.py").write_text(GENERATED_CONF + SUPPRESS, encoding="utf-8")
    (root / "refs.bib").write_text(BIB, encoding="utf-8")
    (root / "index.rst").write_text("Papers\n======\n\n" + INDEX, encoding="utf-8")
    return root


def test_html_heads_untitled_entries_like_titled_ones(tmp_path: Path) -> None:
    app = build(_project(tmp_path), "html")
    page = html_of(app)
    headings = {
        entry["id"]: entry.select_one(".publist-title") for entry in page.select(".publist-entry")
    }
    assert headings["venued"].get_text() == "Workshop on Sampling (2021)"
    assert headings["abstracted"].get_text().startswith("We propose a general and scalable")
    assert headings["abstracted"].get_text().endswith("\u2026")
    for title in headings.values():
        assert "publist-title-stand-in" in title["class"]
        assert title.a["href"].startswith("publications/")  # it links to the details page
    # Shown once: the heading takes the venue and year off the venue line.
    assert "Workshop on Sampling" not in page.select_one("#venued").get_text().replace(
        headings["venued"].get_text(), ""
    )
    # "View details" repeats the heading's link: visible, but not a second tab stop.
    assert [link["tabindex"] for link in page.select(".publist-details-link a")] == ["-1", "-1"]
    details = soup_of(Path(app.outdir) / "publications" / "venued.html")
    assert details.select_one("h1").get_text().startswith("Workshop on Sampling (2021)")


@pytest.mark.parametrize("builder", ["text", "latex"])
def test_other_builders_show_the_stand_in_heading(tmp_path: Path, builder: str) -> None:
    app = build(_project(tmp_path), builder)
    output = "\n".join(
        path.read_text(encoding="utf-8")
        for path in Path(app.outdir).iterdir()
        if path.suffix in {".txt", ".tex"}
    )
    assert "Workshop on Sampling (2021)" in output
    assert "We propose a general and scalable" in output
