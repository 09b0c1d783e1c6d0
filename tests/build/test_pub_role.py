"""The ``pub`` role: links to listed entries from RST, MyST, ``:any:`` and other projects."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from ..helpers import build, copy_root, html_of, location_of, publist_warnings, warnings_of


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_root("pub-role", tmp_path / "src")


def links(page: BeautifulSoup) -> dict[str, str]:
    """Shown text → target of each ``pub`` reference on the page."""
    found = {}
    for span in page.select("span.publist-pub"):
        parent = span.parent
        assert isinstance(parent, Tag)
        found[span.get_text()] = str(parent["href"]) if parent.name == "a" else ""
    return found


def test_rst_references_link_to_the_anchor_with_a_short_citation(project: Path) -> None:
    app = build(project)
    assert links(html_of(app, "cite")) == {
        "Swersky et al. 2020": "lab.html#swersky2020",
        "our earlier paper": "lab.html#zemel2013",
        "A Report Nobody Signed": "lab.html#nameless",
        "Zemel & Swersky 2013": "lab.html#zemel2013",
        "nosuchkey": "",
    }
    lab = html_of(app, "lab")
    assert lab.find(id="swersky2020") is not None


def test_myst_references_link_like_rst_ones(project: Path) -> None:
    app = build(project)
    assert links(html_of(app, "notes")) == {
        "Swersky et al. 2020": "lab.html#swersky2020",
        "the fair one": "lab.html#zemel2013",
    }


def test_a_page_listing_the_key_links_to_its_own_list(project: Path) -> None:
    app = build(project)
    assert links(html_of(app, "person")) == {"Swersky et al. 2020": "#swersky2020"}


def test_an_unknown_key_is_one_located_warning_and_its_text_stays(project: Path) -> None:
    app = build(project)
    (warning,) = publist_warnings(app)
    assert "[publist.ref]" in warning
    assert "'nosuchkey'" in warning
    assert location_of(warning).endswith("cite.rst:7")
    assert "nosuchkey" in html_of(app, "cite").get_text()


def test_references_go_to_the_one_details_page(project: Path) -> None:
    app = build(project, confoverrides={"publist_details": "pages"})
    assert links(html_of(app, "cite"))["Swersky et al. 2020"] == "publications/swersky2020.html"
    assert links(html_of(app, "person")) == {"Swersky et al. 2020": "publications/swersky2020.html"}
    assert (Path(app.outdir) / "publications" / "swersky2020.html").is_file()


def test_builders_without_details_pages_link_to_the_anchor(project: Path) -> None:
    app = build(project, "singlehtml", confoverrides={"publist_details": "pages"})
    page = BeautifulSoup((Path(app.outdir) / "index.html").read_text("utf-8"), "html.parser")
    # Sphinx's one-page builder writes "#document-lab#zemel2013", as for any :ref:.
    assert links(page)["our earlier paper"].endswith("#zemel2013")


def test_another_project_links_through_intersphinx(project: Path, tmp_path: Path) -> None:
    first = build(project)
    other = tmp_path / "other"
    other.mkdir()
    (other / "conf.py").write_text(
        'extensions = ["sphinx.ext.intersphinx", "sphinxcontrib_publist"]\n'
        f"intersphinx_mapping = {{'lab': ({str(first.outdir)!r}, None)}}\n",
        encoding="utf-8",
    )
    (other / "index.rst").write_text(
        "Other\n=====\n\nSee :pub:`swersky2020` and :pub:`that one <zemel2013>`.\n",
        encoding="utf-8",
    )
    second = build(other)
    assert warnings_of(second) == ""
    # Intersphinx makes its own text node, from the inventory's display name.
    shown = {a.get_text(): a["href"] for a in html_of(second).select("p a.reference.external")}
    assert shown == {
        "Swersky et al. 2020": f"{first.outdir}/lab.html#swersky2020",
        "that one": f"{first.outdir}/lab.html#zemel2013",
    }


def test_a_reread_page_forgets_the_entries_it_no_longer_lists(project: Path) -> None:
    build(project)
    (project / "lab.rst").write_text(
        "Publications\n============\n\n.. publications::\n   :keys: swersky2020 nameless\n",
        encoding="utf-8",
    )
    app = build(project)
    assert links(html_of(app, "cite"))["our earlier paper"] == ""
    assert any("'zemel2013'" in line for line in publist_warnings(app, "ref"))


def test_parallel_build_links_the_same(project: Path, tmp_path: Path) -> None:
    serial = build(project)
    parallel_project = copy_root("pub-role", tmp_path / "parallel")
    parallel = build(parallel_project, parallel=2)
    for page in ("cite", "notes", "person"):
        assert links(html_of(parallel, page)) == links(html_of(serial, page))
    assert len(publist_warnings(parallel, "ref")) == 1


@pytest.mark.parametrize("builder", ["latex", "text", "man", "texinfo", "dirhtml", "epub"])
def test_every_builder_resolves_references_with_only_the_unknown_key_warning(
    project: Path, builder: str
) -> None:
    app = build(project, builder)
    (warning,) = publist_warnings(app)
    assert "'nosuchkey'" in warning
    assert warnings_of(app).count("WARNING") == 1


def test_latex_links_to_a_label_the_entry_carries(project: Path) -> None:
    app = build(project, "latex")
    (tex,) = Path(app.outdir).glob("*.tex")
    text = tex.read_text(encoding="utf-8")
    assert r"\hyperref[\detokenize{lab:swersky2020}]" in text
    assert text.count(r"\label{\detokenize{lab:swersky2020}}") == 1
