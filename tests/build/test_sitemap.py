"""Details pages in a sitemap: sitemap.xml of our own, or sphinx-sitemap's."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from sphinxcontrib_publist.nodes.details import page_name

from ..helpers import build, copy_root, publist_warnings, warnings_of
from .test_details_pages import KEYS

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASEURL = "https://ex.org/site/"


def locations(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    assert root.tag == f"{SITEMAP}urlset"
    return [url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")]


@pytest.mark.parametrize(("builder", "suffix"), [("html", ".html"), ("dirhtml", "/")])
def test_sitemap_lists_every_details_page(tmp_path: Path, builder: str, suffix: str) -> None:
    app = build(copy_root("details", tmp_path / "src"), builder, {"html_baseurl": BASEURL})
    assert warnings_of(app) == ""
    expected = sorted(f"{BASEURL}{page_name('publications', key)}{suffix}" for key in KEYS)
    assert sorted(locations(Path(app.outdir) / "sitemap.xml")) == expected
    for url in expected:
        path = Path(app.outdir) / url.removeprefix(BASEURL)
        assert (path / "index.html" if suffix == "/" else path).is_file()


def test_no_baseurl_no_sitemap_and_one_warning(tmp_path: Path) -> None:
    app = build(copy_root("details", tmp_path / "src"), confoverrides={"html_baseurl": ""})
    (warning,) = publist_warnings(app, "config")
    assert "html_baseurl" in warning
    assert not (Path(app.outdir) / "sitemap.xml").exists()


def test_lists_without_details_pages_write_no_sitemap(tmp_path: Path) -> None:
    app = build(copy_root("features", tmp_path / "src"), confoverrides={"html_baseurl": BASEURL})
    assert not (Path(app.outdir) / "sitemap.xml").exists()
    assert publist_warnings(app, "config") == []


def test_sphinx_sitemap_gets_the_details_pages_in_every_build(tmp_path: Path) -> None:
    pytest.importorskip("sphinx_sitemap")
    srcdir = copy_root("details", tmp_path / "src")
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8").replace(
            'extensions = ["sphinxcontrib_publist"]',
            'extensions = ["sphinxcontrib_publist", "sphinx_sitemap"]',
        ),
        encoding="utf-8",
    )
    overrides = {"html_baseurl": BASEURL, "sitemap_url_scheme": "{link}"}
    expected = {f"{BASEURL}{page_name('publications', key)}.html" for key in KEYS}
    for run in range(2):
        # The second build writes no details page again; they stay listed.
        app = build(srcdir, confoverrides=overrides)
        found = locations(Path(app.outdir) / "sitemap.xml")
        assert expected <= set(found)
        assert len(found) == len(set(found))
        assert (f"{BASEURL}index.html" in found) == (run == 0)
