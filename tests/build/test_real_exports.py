"""Real exports (al-folio, NASA ADS) render with their venues, "et al." and links right."""

from __future__ import annotations

import shutil

import pytest
from bs4 import Tag
from sphinx.testing.util import SphinxTestApp

from ..helpers import DATA, GENERATED_CONF, build, html_of, location_of, publist_warnings

REAL = DATA / "real"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    srcdir = tmp_path_factory.mktemp("real") / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(GENERATED_CONF, encoding="utf-8")
    for name in ("al-folio-papers.bib", "ads-thejoker.bib", "documentercitations-refs.bib"):
        shutil.copy(REAL / name, srcdir / name)
    (srcdir / "index.rst").write_text(
        "Real\n====\n\n"
        ".. publications:: al-folio-papers.bib\n   :highlight: Albert Einstein\n\n"
        ".. publications:: ads-thejoker.bib\n   :style: plain\n\n"
        ".. publications:: ads-thejoker.bib\n   :filter: key == 'Alam:2015'\n\n"
        ".. publications:: documentercitations-refs.bib\n",
        encoding="utf-8",
    )
    return build(srcdir)


def entries(built: SphinxTestApp, list_index: int) -> dict[str, Tag]:
    lists = html_of(built).select(".publist")
    found = lists[list_index].select(".publist-entry")
    return {_title(entry): entry for entry in found}


def _title(entry: Tag) -> str:
    line = entry.select_one(".publist-title") or entry.select_one(".publist-citation")
    assert line is not None
    return line.get_text(" ", strip=True)


def links(entry: Tag) -> list[tuple[str, str]]:
    return [(a.get_text(), str(a["href"])) for a in entry.select(".publist-links a")]


def test_al_folio_renders_every_entry_with_its_links(built: SphinxTestApp) -> None:
    shown = entries(built, 0)
    assert len(shown) == 7
    epr = shown["Can Quantum-Mechanical Description of Physical Reality Be Considered Complete?"]
    assert epr.select_one(".publist-venue").get_text() == "Phys. Rev., 47:777\u2013780"
    assert links(epr) == [
        ("URL", "http://link.aps.org/doi/10.1103/PhysRev.47.777"),
        ("DOI", "https://doi.org/10.1103/PhysRev.47.777"),
        ("HTML", "https://journals.aps.org/pr/abstract/10.1103/PhysRev.47.777"),
        ("PDF", "example_pdf.pdf"),
    ]
    # "A. Einstein" is the highlighted Albert Einstein.
    assert [me.get_text() for me in epr.select(".publist-me")] == ["A. Einstein"]


def test_al_folio_abbr_is_a_badge_and_bibtex_show_shows_the_entrys_bibtex(
    built: SphinxTestApp,
) -> None:
    shown = entries(built, 0)
    badges = [
        badge.get_text()
        for entry in shown.values()
        for badge in entry.select(".publist-badge-abbr")
    ]
    # The badge shows the abbreviation itself, as al-folio's sites do.
    assert sorted(badges) == ["AJP", "Ann. Phys.", "PhysRev"]
    with_bibtex = sorted(
        entry.select_one(".publist-bibtex-code").get_text().split(",")[0]
        for entry in shown.values()
        if entry.select_one(".publist-bibtex-code")
    )
    # The list has no :bibtex: option: only the entries that ask show theirs.
    assert with_bibtex == [
        "@article{einstein1950meaning",
        "@book{einstein1956investigations",
        "@book{przibram1967letters",
    ]


def test_ads_journal_macros_become_journal_names(built: SphinxTestApp) -> None:
    # In pybtex's plain style, which prints the whole reference.
    text = " ".join(entry.get_text(" ", strip=True) for entry in entries(built, 1).values())
    for journal in (
        "The Astronomical Journal",
        "Monthly Notices of the Royal Astronomical Society",
        "The Astrophysical Journal Supplement Series",
    ):
        assert journal in text
    assert "\\" not in text
    # And in the default style's venue line.
    (alam,) = entries(built, 2).values()
    venue = alam.select_one(".publist-venue").get_text()
    assert venue == "The Astrophysical Journal Supplement Series, 219:12"


def test_plain_style_prints_et_al_for_ads_lists(built: SphinxTestApp) -> None:
    text = " ".join(entry.get_text(" ", strip=True) for entry in entries(built, 1).values())
    assert text.count("et al.") == 2
    assert " and et al." not in text


def test_ads_et_al_is_no_author(built: SphinxTestApp) -> None:
    (alam,) = entries(built, 2).values()
    authors = alam.select_one(".publist-authors").get_text(" ", strip=True)
    assert authors.endswith("S. Bailey , et al.")
    assert authors.count("et al.") == 1
    coins = alam.select_one(".Z3988")
    assert coins is not None
    assert "rft.au=Bailey" in str(coins["title"])
    assert "et+al" not in str(coins["title"])


def test_every_doi_resolver_gives_a_doi_link(built: SphinxTestApp) -> None:
    shown = entries(built, 1)
    hrefs = [href for entry in shown.values() for _, href in links(entry)]
    # doi = {http://doi.ieeecomputersociety.org/...} and {http://dx.doi.org/...}.
    assert "https://doi.org/10.1109/MCSE.2014.80" in hrefs
    assert "https://doi.org/10.1109/MCSE.2011.37" in hrefs


def test_a_scholar_style_and_others_ends_in_et_al(built: SphinxTestApp) -> None:
    scipy = entries(built, 3)["SciPy: Open source scientific tools for Python"]
    line = scipy.select_one(".publist-authors").get_text()
    assert line == "Eric Jones, Travis Oliphant, Pearu Peterson, et al."
    assert scipy.select_one(".publist-year").get_text() == "(2001)"
    assert links(scipy) == [("URL", "https://docs.scipy.org/doc/scipy/")]


def test_al_folio_arxiv_field_is_a_link(built: SphinxTestApp) -> None:
    imamoglu = entries(built, 3)["Photoactivated biological processes as quantum measurements"]
    assert links(imamoglu) == [
        ("DOI", "https://doi.org/10.1103/physreve.91.022714"),
        ("arXiv", "https://arxiv.org/abs/1408.5798"),
    ]
    assert imamoglu.select_one(".publist-venue").get_text() == "Phys. Rev. E, 91(2):022714"


def test_real_exports_warn_only_of_what_is_wrong_in_them(built: SphinxTestApp) -> None:
    warned = publist_warnings(built)
    assert not [line for line in warned if "[publist.latex]" in line]
    # "~" in a URL is a tilde, not LaTeX's non-breaking space.
    evans = entries(built, 3)["An Introduction to Mathematical Optimal Control Theory"]
    title_link = evans.select_one(".publist-title a")
    assert title_link is not None
    assert title_link["href"] == "https://math.berkeley.edu/~evans/control.course.pdf"
    # DocumenterCitations' data has one DOI typo, reported where it is.
    (bad_doi,) = [line for line in warned if "[publist.link]" in line]
    assert location_of(bad_doi).endswith("documentercitations-refs.bib:16")
    assert "'0.1007/978-94-011-2642-7_23' is not a DOI" in bad_doi


MARKED = """\
@article{PhysRev.47.777,
  title={Can Quantum-Mechanical Description of Physical Reality Be Considered Complete?},
  author={Einstein*, A. and Podolsky*, B. and Rosen, N.},
  journal={Phys. Rev.},
  year={1935},
}

@article{submitted2026,
  title={Tides},
  author={Smith, J and Doe, A and others},
  journal={Journal of Ocean Science},
  year={submitted},
}

@IEEEtranBSTCTL{IEEEexample:BSTcontrol,
  CTLuse_forced_etal = "yes",
}

@MISC{misc-minimal,
   key = "Missilany",
   note = "This is a minimal MISC entry",
}
"""


@pytest.fixture(scope="module")
def snippets(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    srcdir = tmp_path_factory.mktemp("snippets") / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        GENERATED_CONF + 'suppress_warnings = ["publist.missing-field"]\n', encoding="utf-8"
    )
    (srcdir / "refs.bib").write_text(MARKED, encoding="utf-8")
    (srcdir / "index.rst").write_text(
        "Snippets\n========\n\n.. publications:: refs.bib\n   :highlight: Albert Einstein\n",
        encoding="utf-8",
    )
    return build(srcdir)


def test_marked_names_are_highlighted_with_raised_marks(snippets: SphinxTestApp) -> None:
    epr = entries(snippets, 0)[
        "Can Quantum-Mechanical Description of Physical Reality Be Considered Complete?"
    ]
    line = epr.select_one(".publist-authors")
    assert line.get_text() == "A. Einstein*, B. Podolsky*, N. Rosen"
    assert [me.get_text() for me in line.select(".publist-me")] == ["A. Einstein"]
    assert [sup.get_text() for sup in line.select("sup.publist-author-marks")] == ["*", "*"]


def test_submitted_work_is_to_appear_with_et_al(snippets: SphinxTestApp) -> None:
    tides = entries(snippets, 0)["Tides"]
    assert tides.select_one(".publist-authors").get_text() == "J Smith, A Doe, et al."
    assert tides.select_one(".publist-status").get_text() == "(to appear)"
    assert tides.select_one(".publist-year") is None


def test_control_entries_are_left_out_and_nothing_is_blank(snippets: SphinxTestApp) -> None:
    shown = entries(snippets, 0)
    assert len(shown) == 3
    assert "This is a minimal MISC entry" in shown
    assert publist_warnings(snippets) == []
