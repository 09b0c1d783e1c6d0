"""The example profile page: a working details page per entry, with metadata, and the chart."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp

EXAMPLE = Path(__file__).resolve().parents[1] / "example_project"


@pytest.fixture(scope="module")
def outdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = tmp_path_factory.mktemp("example-details") / "example_project"
    shutil.copytree(EXAMPLE, srcdir, ignore=shutil.ignore_patterns("_build"))
    app = SphinxTestApp("html", srcdir=srcdir, confoverrides={"nitpicky": True})
    try:
        app.build()
        assert app.warning.getvalue() == ""
        return Path(app.outdir)
    finally:
        app.cleanup()


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def follow(outdir: Path, page: Path, href: str) -> tuple[Path, str]:
    target = urlsplit(urljoin("http://site/" + page.relative_to(outdir).as_posix(), href))
    return outdir / target.path.lstrip("/"), target.fragment


def text_of(tag: Tag | None) -> str:
    return "" if tag is None else " ".join(tag.get_text().split())


def test_every_entry_has_a_details_page_with_metadata(outdir: Path) -> None:
    profile_path = outdir / "publications.html"
    profile = parse(profile_path)
    entries = profile.select(".publist-entry")
    assert len(entries) == 18
    for entry in entries:
        (link,) = entry.select(".publist-details-link a")
        page_path, _ = follow(outdir, profile_path, link["href"])
        page = parse(page_path)
        title = text_of(entry.select_one(".publist-title"))
        heading = text_of(page.h1).rstrip("¶").strip()
        (script,) = page.head.find_all("script", type="application/ld+json")
        data = json.loads(script.string)
        assert data["@type"] == "ScholarlyArticle"
        if title:
            assert heading == title
            assert [
                tag["content"] for tag in page.find_all("meta", attrs={"name": "citation_title"})
            ] == [title]
            assert data["headline"] == title
        authors = page.find_all("meta", attrs={"name": "citation_author"})
        assert "Swersky, Kevin" in [tag["content"] for tag in authors]
        assert len(data["author"]) == len(authors)
        assert page.select_one("span.Z3988")["title"].startswith("ctx_ver=Z39.88-2004&")
        assert page.select_one(".publist-bibtex pre").get_text().startswith("@")
        back, anchor = follow(outdir, page_path, page.select_one(".publist-back a")["href"])
        assert back == profile_path
        assert profile.find(id=anchor) is entry


def test_profile_chart_counts_the_listed_years(outdir: Path) -> None:
    profile = parse(outdir / "publications.html")
    years = Counter(
        int(text_of(year).strip("()")) for year in profile.select(".publist-entry .publist-year")
    )
    bars = {
        int(bar["data-year"]): int(bar["data-count"])
        for bar in profile.select(".publist-chart rect.publist-chart-bar")
    }
    assert bars == {year: years.get(year, 0) for year in range(min(years), max(years) + 1)}
