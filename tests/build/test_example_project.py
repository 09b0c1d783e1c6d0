"""The example site: its profile page reproduces the scholar profile page it was built from.

Its entries have working details pages with metadata, a chart of the listed
years, BibTeX blocks and a .bib download; every builder users publish with is clean.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from pybtex.database import parse_file, parse_string

from ..helpers import DATA, build, copy_example, soup_of, warnings_of

SEED = DATA / "scholar-profile-page.txt"
OWNER = "Kevin Swersky"
TO_APPEAR = " (to appear)"


@dataclass(frozen=True)
class SeedEntry:
    """One publication as the profile page shows it."""

    title: str | None
    coauthors: tuple[str, ...]
    venue: str | None
    year: int | None
    to_appear: bool
    abstract: str


def _venue_and_year(line: str) -> tuple[str, int]:
    # The page prints "Venue (2020)", and once "Venue 2022" without parentheses.
    match = re.fullmatch(r"(.*?) \(?(\d{4})\)?", line)
    assert match, f"no year in {line!r}"
    return match.group(1), int(match.group(2))


def _seed_entry(lines: list[str], abstract: str) -> SeedEntry:
    if not lines:
        return SeedEntry(None, (), None, None, False, abstract)
    title, *coauthors, venue_line = lines
    to_appear = venue_line.endswith(TO_APPEAR)
    venue, year = _venue_and_year(venue_line.removesuffix(TO_APPEAR))
    return SeedEntry(title, tuple(coauthors), venue, year, to_appear, abstract)


def read_seed(path: Path) -> list[SeedEntry]:
    """The publications listed on the profile page, in the page's order."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    body = lines[lines.index("• Year, descending") + 1 : lines.index("No Results Found")]
    entries: list[SeedEntry] = []
    pending: list[str] = []
    for line in filter(None, body):
        if line.startswith("Preview abstract "):
            abstract = line.removeprefix("Preview abstract ").removesuffix(" View details")
            entries.append(_seed_entry(pending, abstract))
            pending = []
        else:
            pending.append(line)
    assert not pending, f"lines after the last abstract: {pending}"
    return entries


SEED_ENTRIES = read_seed(SEED)
TITLED = [entry for entry in SEED_ENTRIES if entry.title is not None]


@dataclass(frozen=True)
class Build:
    """Where a finished build wrote its output, and what it warned about."""

    srcdir: Path
    outdir: Path
    warnings: str


def build_example(tmp: Path, buildername: str) -> Build:
    srcdir = copy_example(tmp / "example_project")
    app = build(srcdir, buildername, {"nitpicky": True})
    return Build(srcdir, Path(app.outdir), warnings_of(app))


@pytest.fixture(scope="module")
def html_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site built once to HTML, nitpicky; tests only read it."""
    return build_example(tmp_path_factory.mktemp("html"), "html")


def _page(build: Build, docname: str) -> BeautifulSoup:
    return soup_of(build.outdir / f"{docname}.html")


@pytest.fixture(scope="module")
def profile_entries(html_build: Build) -> list[Tag]:
    return _page(html_build, "publications").select(".publist .publist-entry")


def _text(entry: Tag, selector: str) -> str | None:
    found = entry.select_one(selector)
    return None if found is None else " ".join(found.get_text().split())


def _words(text: str) -> list[str]:
    # Quotes and dashes are typeset from the LaTeX, so compare words only.
    return re.findall(r"\w+", text.casefold())


def _entry_for(seed: SeedEntry, entries: list[Tag]) -> Tag:
    if seed.title is not None:
        matches = [entry for entry in entries if _text(entry, ".publist-title") == seed.title]
    else:
        opening = _words(seed.abstract)[:8]
        matches = [
            entry
            for entry in entries
            if _words(_text(entry, ".publist-abstract-body") or "")[:8] == opening
        ]
    assert len(matches) == 1, f"{len(matches)} entries for {seed.title or seed.abstract[:60]!r}"
    return matches[0]


def test_seed_transcription_is_complete() -> None:
    assert len(SEED_ENTRIES) == 18
    assert len(TITLED) == 10
    assert sum(entry.to_appear for entry in SEED_ENTRIES) == 3


def test_build_is_warning_free(html_build: Build) -> None:
    assert html_build.warnings == ""


def test_profile_page_lists_every_seed_publication(profile_entries: list[Tag]) -> None:
    assert len(profile_entries) == len(SEED_ENTRIES)
    for seed in SEED_ENTRIES:
        _entry_for(seed, profile_entries)


def test_titles_are_newest_first(profile_entries: list[Tag]) -> None:
    shown = [
        _text(entry, ".publist-title:not(.publist-title-stand-in)") for entry in profile_entries
    ]
    expected = sorted(TITLED, key=lambda entry: (-(entry.year or 0), str(entry.title).casefold()))
    assert [title for title in shown if title is not None] == [entry.title for entry in expected]


@pytest.mark.parametrize("seed", TITLED, ids=lambda seed: str(seed.title)[:40])
def test_entry_shows_coauthors_venue_year_and_status(
    seed: SeedEntry, profile_entries: list[Tag]
) -> None:
    entry = _entry_for(seed, profile_entries)
    author_line = _text(entry, ".publist-authors") or ""
    assert author_line.split(", ") == list(seed.coauthors)
    assert _text(entry, ".publist-venue") == seed.venue
    assert str(seed.year) in (_text(entry, ".publist-year") or "")
    assert (_text(entry, ".publist-status") == "(to appear)") == seed.to_appear


@pytest.mark.parametrize("index", range(len(SEED_ENTRIES)))
def test_each_abstract_has_one_toggle(index: int, profile_entries: list[Tag]) -> None:
    entry = _entry_for(SEED_ENTRIES[index], profile_entries)
    toggles = entry.select("details.publist-abstract")
    assert len(toggles) == 1
    assert toggles[0].summary is not None
    assert toggles[0].summary.get_text() == "Preview abstract"


def test_owner_is_left_out_of_author_lines(profile_entries: list[Tag]) -> None:
    for entry in profile_entries:
        assert OWNER not in (_text(entry, ".publist-authors") or "")


def test_untitled_entries_are_headed_by_their_abstract(profile_entries: list[Tag]) -> None:
    for seed in SEED_ENTRIES:
        if seed.title is None:
            entry = _entry_for(seed, profile_entries)
            heading = entry.select_one(".publist-title.publist-title-stand-in")
            abstract = _text(entry, ".publist-abstract-body") or ""
            assert heading is not None
            assert abstract.startswith(heading.get_text().rstrip("\u2026"))


def test_by_year_page_groups_newest_first_in_plain_style(html_build: Build) -> None:
    page = _page(html_build, "by-year")
    headings = [heading.get_text() for heading in page.select(".publist-group-heading")]
    years = sorted({str(entry.year) for entry in TITLED}, reverse=True)
    assert headings[: len(years)] == years
    assert len(page.select(".publist-entry .publist-citation")) == len(SEED_ENTRIES)
    assert page.select("details.publist-abstract") == []


@pytest.mark.parametrize("buildername", ["latex", "text", "man"])
def test_other_builders_are_warning_free(buildername: str, tmp_path: Path) -> None:
    assert build_example(tmp_path, buildername).warnings == ""


def test_profile_page_is_one_list_without_headings(html_build: Build) -> None:
    page = _page(html_build, "publications")
    assert len(page.select(".publist")) == 1
    assert page.select(".publist-group-heading") == []


# Details pages and the chart.


@pytest.fixture(scope="module")
def outdir(html_build: Build) -> Path:
    """The HTML output, of a build that did not warn."""
    assert html_build.warnings == ""
    return html_build.outdir


def follow(outdir: Path, page: Path, href: str) -> tuple[Path, str]:
    target = urlsplit(urljoin("http://site/" + page.relative_to(outdir).as_posix(), href))
    return outdir / target.path.lstrip("/"), target.fragment


def text_of(tag: Tag | None) -> str:
    return "" if tag is None else " ".join(tag.get_text().split())


def test_every_entry_has_a_details_page_with_metadata(outdir: Path) -> None:
    profile_path = outdir / "publications.html"
    profile = soup_of(profile_path)
    entries = profile.select(".publist-entry")
    assert len(entries) == 18
    for entry in entries:
        (link,) = entry.select(".publist-details-link a")
        page_path, _ = follow(outdir, profile_path, link["href"])
        page = soup_of(page_path)
        title = text_of(entry.select_one(".publist-title:not(.publist-title-stand-in)"))
        heading = text_of(page.h1).rstrip("¶").strip()
        assert heading == text_of(entry.select_one(".publist-title"))
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
    profile = soup_of(outdir / "publications.html")
    years = Counter(
        int(text_of(year).strip("()")) for year in profile.select(".publist-entry .publist-year")
    )
    bars = {
        int(bar["data-year"]): int(bar["data-count"])
        for bar in profile.select(".publist-chart rect.publist-chart-bar")
    }
    assert bars == {year: years.get(year, 0) for year in range(min(years), max(years) + 1)}


def test_example_site_bibtex_blocks_and_download_round_trip(html_build: Build) -> None:
    page = _page(html_build, "by-year")
    shown = [item["id"] for item in page.select(".publist-entry")]
    downloaded = parse_file(str(html_build.outdir / "_publist/by-year-1.bib"), "bibtex")
    assert list(downloaded.entries) == shown
    assert set(shown) == set(parse_file(str(html_build.srcdir / "refs.bib"), "bibtex").entries)
    for item in page.select(".publist-entry"):
        block = item.select_one("details.publist-bibtex pre").get_text()
        assert list(parse_string(block, "bibtex").entries) == [item["id"]]


def test_cv_page_lists_every_paper_by_year_in_two_styles_with_the_owner_in_bold(
    html_build: Build,
) -> None:
    numbered, apa = _page(html_build, "cv").select(".publist")
    years = sorted({str(entry.year) for entry in TITLED}, reverse=True)
    for listing, owner in ((numbered, "Kevin Swersky"), (apa, "Swersky, K.")):
        headings = [heading.get_text() for heading in listing.select(".publist-group-heading")]
        assert headings[: len(years)] == years
        citations = listing.select(".publist-citation")
        assert len(citations) == len(SEED_ENTRIES)
        assert all(
            [name.get_text() for name in citation.select("strong.publist-me")] == [owner]
            for citation in citations
        ), "every reference names its owner once, in bold"
    labels = [label.get_text() for label in numbered.select(".publist-entry .publist-label")]
    assert labels == [f"[{number}]" for number in range(1, len(SEED_ENTRIES) + 1)]
    assert not apa.select(".publist-label")
    # APA: authors, then the year in parentheses, then the title.
    first = " ".join(apa.select_one(".publist-citation").get_text().split())
    assert re.match(r"^.+ \((\d{4})\)\. \S", first), first
