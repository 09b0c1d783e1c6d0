"""Every style renders through one entry path: highlight, status, badges and links alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from ..helpers import GENERATED_CONF, build

STYLES = ("default", "plain", "unsrt", "alpha", "unsrtalpha")
BIB = r"""
@article{owner2024,
  author = {Lovelace, Ada and Babbage, Charles},
  title = {Notes on the Analytical Engine},
  journal = {Scientific Memoirs},
  year = {2024},
  url = {https://example.org/notes},
  note = {Best Paper Award},
}
@inproceedings{coming2031,
  author = {Babbage, Charles and Ada Lovelace},
  title = {Engines of the Future},
  booktitle = {Proceedings of Things to Come},
  year = {2031},
}
@article{other2020,
  author = {Somerville, Mary},
  title = {On the Connexion of the Physical Sciences},
  journal = {Popular Science},
  year = {2020},
}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = tmp_path_factory.mktemp("one-path")
    (srcdir / "conf.py").write_text(
        GENERATED_CONF
        + 'publist_highlight_authors = ["Ada Lovelace"]\n'
        + 'publist_omit_authors = ["Ada Lovelace"]\n',
        encoding="utf-8",
    )
    (srcdir / "refs.bib").write_text(BIB, encoding="utf-8")
    toctree = "\n".join(f"   {style}" for style in STYLES)
    (srcdir / "index.rst").write_text(f"Styles\n======\n\n.. toctree::\n\n{toctree}\n")
    for style in STYLES:
        (srcdir / f"{style}.rst").write_text(
            f"{style}\n{'=' * len(style)}\n\n.. publications:: refs.bib\n"
            f"   :style: {style}\n   :sort: key\n   :details: pages\n",
            encoding="utf-8",
        )
    app = build(srcdir, "html", {"html_baseurl": "https://ex.org/"})
    assert "publist" not in app._warning.getvalue()
    return Path(app.outdir)


def entries(site: Path, style: str) -> dict[str, Tag]:
    page = BeautifulSoup((site / f"{style}.html").read_text(encoding="utf-8"), "html.parser")
    return {entry["id"]: entry for entry in page.select(".publist-entry")}


@pytest.mark.parametrize("style", STYLES)
def test_the_owner_is_highlighted_wherever_the_name_is_shown(site: Path, style: str) -> None:
    shown = entries(site, style)
    highlighted = {key: [n.get_text() for n in e.select(".publist-me")] for key, e in shown.items()}
    if style == "default":
        # The profile layout omits its owner from author lines, as asked.
        assert highlighted == {"coming2031": [], "other2020": [], "owner2024": []}
        assert "Lovelace" not in shown["owner2024"].select_one(".publist-authors").get_text()
    else:
        # A reference names every author, the owner in bold.
        assert highlighted == {
            "coming2031": ["Ada Lovelace"],
            "other2020": [],
            "owner2024": ["Ada Lovelace"],
        }


@pytest.mark.parametrize("style", STYLES)
def test_status_and_badges_appear_exactly_once(site: Path, style: str) -> None:
    shown = entries(site, style)
    assert shown["coming2031"].get_text().count("(to appear)") == 1
    assert len(shown["coming2031"].select(".publist-badge-to-appear")) == 1
    assert "(to appear)" not in shown["owner2024"].get_text()
    assert len(shown["owner2024"].select(".publist-badge-award")) == 1
    # The award named in the note is the badge, not also text in the reference.
    assert shown["owner2024"].get_text().count("Best Paper Award") == 1
    assert not shown["other2020"].select(".publist-badge")


@pytest.mark.parametrize("style", STYLES)
def test_links_and_details_pages_reach_every_style(site: Path, style: str) -> None:
    owner = entries(site, style)["owner2024"]
    pills = [link.get_text() for link in owner.select(".publist-links a")]
    if style == "default":
        assert pills == ["URL"]
    else:
        # The reference prints the URL itself: no second link to it.
        reference = owner.select_one(".publist-citation")
        assert [a["href"] for a in reference.select("a")] == ["https://example.org/notes"]
        assert pills == []
    details = owner.select_one(".publist-details-link a")
    assert details is not None
    assert details["href"] == "publications/owner2024.html"
    page = BeautifulSoup(
        (site / "publications" / "owner2024.html").read_text(encoding="utf-8"), "html.parser"
    )
    # The details page shows the list's record: every author, the owner highlighted.
    authors = page.select_one(".publist-details .publist-authors")
    assert authors is not None
    assert "Ada Lovelace" in authors.get_text()
    assert [node.get_text() for node in authors.select(".publist-me")] == ["Ada Lovelace"]


@pytest.mark.parametrize("style", STYLES)
def test_reference_styles_number_without_gaps(site: Path, style: str) -> None:
    labels = [
        node.get_text()
        for node in BeautifulSoup(
            (site / f"{style}.html").read_text(encoding="utf-8"), "html.parser"
        ).select(".publist-label")
    ]
    if style in ("plain", "unsrt"):
        assert labels == ["[1]", "[2]", "[3]"]
    elif style == "default":
        assert labels == []
    else:
        assert len(labels) == 3
