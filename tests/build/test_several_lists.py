"""One entry in several lists (lab, person, project pages): one warning, one details page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from ..helpers import GENERATED_CONF, build, html_of, publist_warnings, soup_of

BIB = """
@article{shared2020,
  title = {Shared Between Three Pages},
  author = {Able, Alice and Brown, Bob},
  journal = {Journal of Sharing},
  year = {2020},
}

@misc{undated,
  title = {No Year Given},
  author = {Brown, Bob},
}
"""
PAGES = {
    "lab": ".. publications:: /refs.bib\n   :details: pages\n",
    "people/bob": ".. publications:: /refs.bib\n   :details: pages\n   :highlight: Bob Brown\n",
    "projects/sharing": (
        ".. publications:: /refs.bib\n   :keys: shared2020\n   :details: pages\n\n"
        ".. publications:: /refs.bib\n   :keys: shared2020\n"
    ),
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        GENERATED_CONF + 'html_baseurl = "https://example.org/"\n', encoding="utf-8"
    )
    (srcdir / "refs.bib").write_text(BIB, encoding="utf-8")
    toctree = "".join(f"   {name}\n" for name in PAGES)
    (srcdir / "index.rst").write_text(f"Site\n====\n\n.. toctree::\n\n{toctree}", encoding="utf-8")
    for name, body in PAGES.items():
        path = srcdir / f"{name}.rst"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{name.title()}\n{'=' * len(name)}\n\n{body}", encoding="utf-8")
    return srcdir


def test_a_bib_problem_is_one_warning_however_many_lists_read_it(project: Path) -> None:
    app = build(project)
    (warning,) = publist_warnings(app)
    assert "'undated'" in warning
    assert "[publist.missing-field]" in warning


def test_each_list_keeps_the_key_as_its_anchor_and_a_second_on_one_page_numbers_it(
    project: Path,
) -> None:
    app = build(project)
    for name in ("lab", "people/bob"):
        assert html_of(app, name).find(id="shared2020") is not None
    project_page = html_of(app, "projects/sharing")
    ids = [entry["id"] for entry in project_page.select(".publist-entry")]
    assert ids == ["shared2020", "shared2020-2"]


def test_one_details_page_that_every_list_links_to_and_the_first_document_owns(
    project: Path,
) -> None:
    app = build(project)
    outdir = Path(app.outdir)
    pages = sorted(path.name for path in (outdir / "publications").glob("*.html"))
    assert pages == ["shared2020.html", "undated.html"]
    details = outdir / "publications" / "shared2020.html"
    for name in PAGES:
        page_path = outdir / f"{name}.html"
        link = soup_of(page_path).select_one("#shared2020 .publist-details-link a")
        assert link is not None
        assert Path(urlsplit(urljoin(page_path.as_uri(), str(link["href"]))).path) == details
    back = soup_of(details).select_one(".publist-back a")
    assert back is not None
    # "lab" comes first by document name.
    assert urljoin(details.as_uri(), str(back["href"])) == (outdir / "lab.html").as_uri() + (
        "#shared2020"
    )


def test_the_owner_is_the_same_in_a_parallel_build(project: Path, tmp_path: Path) -> None:
    serial = build(project)
    parallel = build(project, parallel=2, freshenv=True, outdir=tmp_path / "parallel")
    name = Path("publications") / "shared2020.html"
    parallel_page = (Path(parallel.outdir) / name).read_bytes()
    assert parallel_page == (Path(serial.outdir) / name).read_bytes()
    assert len(publist_warnings(parallel)) == 1
