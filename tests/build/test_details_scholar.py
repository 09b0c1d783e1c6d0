"""Details pages follow Google Scholar's rules: plain-text titles, own-host PDFs, no empty tags."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from ..helpers import build, copy_root, soup_of, warnings_of
from .test_details_pages import meta, page_path

EXTRA = r"""
@article{sparse2021,
  title = {Sparse $\ell_1$ recovery with \emph{few} samples},
  author = {Lee, Ann},
  journal = {Journal of Sparsity},
  year = {2021},
  pages = {7--19},
  publisher = {Sparse Press},
  doi = {10.1000/sparse},
  pdf = {https://ex.org/papers/sparse.pdf},
}

@inproceedings{untitled2018,
  author = {Kim, Bo},
  booktitle = {Proceedings of Things},
  year = {2018},
  pdf = {https://elsewhere.example/untitled.pdf},
}
"""
# The math spelled in characters: a script small l, then the subscript as TeX writes it.
SPARSE_TITLE = "Sparse \u2113_1 recovery with few samples"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BeautifulSoup]:
    srcdir = copy_root("details", tmp_path_factory.mktemp("scholar") / "src")
    with (srcdir / "refs.bib").open("a", encoding="utf-8") as bib:
        bib.write(EXTRA)
    app = build(srcdir, confoverrides={"html_baseurl": "https://ex.org/"})
    assert "Traceback" not in warnings_of(app)
    return {key: soup_of(page_path(app, key)) for key in ("sparse2021", "untitled2018")}


def test_titles_are_plain_text(pages: dict[str, BeautifulSoup]) -> None:
    page = pages["sparse2021"]
    assert page.title.get_text().startswith(SPARSE_TITLE)
    assert meta(page, "citation_title") == [SPARSE_TITLE]
    assert "\\" not in page.title.get_text()


def test_scholar_tags_are_filled_or_absent(pages: dict[str, BeautifulSoup]) -> None:
    page = pages["sparse2021"]
    assert meta(page, "citation_doi") == ["10.1000/sparse"]
    assert meta(page, "citation_firstpage") == ["7"]
    assert meta(page, "citation_lastpage") == ["19"]
    assert meta(page, "citation_publisher") == ["Sparse Press"]
    assert meta(page, "citation_abstract_html_url") == [
        "https://ex.org/publications/sparse2021.html"
    ]
    # On the site's own host, Scholar takes the PDF.
    assert meta(page, "citation_pdf_url") == ["https://ex.org/papers/sparse.pdf"]
    for page in pages.values():
        tags = page.find_all(
            "meta", attrs={"name": lambda name: name and name.startswith("citation_")}
        )
        assert tags
        assert all(tag["content"].strip() for tag in tags)


def test_an_untitled_page_is_named_by_venue_and_year(pages: dict[str, BeautifulSoup]) -> None:
    page = pages["untitled2018"]
    assert page.title.get_text().startswith("Proceedings of Things (2018)")
    assert page.select_one("h1").get_text().rstrip("¶") == "Proceedings of Things (2018)"
    assert "untitled2018" not in page.title.get_text()
    assert meta(page, "citation_title") == []
    assert meta(page, "citation_pdf_url") == []


def test_without_baseurl_a_local_pdf_is_named_relative_to_the_page(tmp_path: Path) -> None:
    app = build(copy_root("details", tmp_path / "src"), confoverrides={"html_baseurl": ""})
    path = page_path(app, "kumar2022prime")
    assert meta(soup_of(path), "citation_pdf_url") == ["kumar2022prime.pdf"]
    assert (path.parent / "kumar2022prime.pdf").read_bytes().startswith(b"%PDF")
