"""People pages from a lab's one file, members linked to them, and ``:group-by: person``."""

from __future__ import annotations

import os
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from ..helpers import build, copy_root, html_of, publist_warnings, soup_of, warnings_of


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_root("people", tmp_path / "src")


def entry_ids(page: BeautifulSoup) -> list[str]:
    return [str(entry["id"]) for entry in page.select(".publist-entry")]


def member_links(page: BeautifulSoup) -> dict[str, str]:
    return {link.get_text(): str(link["href"]) for link in page.select("a.publist-author-link")}


def highlighted(page: BeautifulSoup) -> list[str]:
    return [name.get_text() for name in page.select(".publist-me")]


def test_two_members_get_pages_and_the_lab_page_builds_without_a_warning(project: Path) -> None:
    app = build(project)
    assert warnings_of(app) == ""
    kevin = html_of(app, "people/kevin")
    assert kevin.select_one("h1").get_text().rstrip("¶") == "Kevin Swersky"
    assert kevin.select_one(".publist-person-url a")["href"] == "https://example.org/kevin"
    assert entry_ids(kevin) == ["swersky2020", "zemel2013"]
    assert highlighted(kevin) == ["Kevin Swersky", "K. Swersky"]
    assert member_links(kevin) == {"Richard Zemel": "richard.html"}
    richard = html_of(app, "people/richard")
    assert entry_ids(richard) == ["zemel2013", "zemel2001"]
    assert highlighted(richard) == ["Richard Zemel", "R. Zemel"]
    assert member_links(richard) == {"K. Swersky": "kevin.html"}


def test_the_lab_page_groups_by_member_with_an_entry_under_each(project: Path) -> None:
    page = html_of(build(project), "publications")
    groups = {
        group.select_one(".publist-group-heading").get_text(): entry_ids(group)
        for group in page.select(".publist-group")
    }
    assert groups == {
        "Kevin Swersky": ["swersky2020", "zemel2013"],
        "Richard Zemel": ["zemel2013-2", "zemel2001"],
        "Other": ["visitor2019"],
    }
    links = member_links(page)
    assert links["Kevin Swersky"] == links["K. Swersky"] == "people/kevin.html"
    assert links["Richard Zemel"] == links["R. Zemel"] == "people/richard.html"


@pytest.mark.parametrize("style", ["default", "unsrt", "csl:apa"])
def test_every_style_highlights_the_member_and_links_the_others(project: Path, style: str) -> None:
    app = build(project, confoverrides={"publist_style": style})
    assert warnings_of(app) == ""
    kevin = html_of(app, "people/kevin")
    assert list(member_links(kevin).values()) == ["richard.html"]
    assert highlighted(kevin)
    assert all("Swersky" in name for name in highlighted(kevin))


def test_a_member_without_entries_is_one_warning_and_a_page_saying_so(project: Path) -> None:
    people = {
        "Kevin Swersky": {"page": "people/kevin"},
        "Nora Nobody": {"page": "people/nora"},
    }
    app = build(project, confoverrides={"publist_people": people})
    (warning,) = publist_warnings(app)
    assert "[publist.config]" in warning
    assert "'Nora Nobody'" in warning
    nora = html_of(app, "people/nora")
    assert entry_ids(nora) == []
    assert nora.select_one(".publist-empty") is not None


def test_a_document_named_like_the_page_wins_and_is_linked(project: Path) -> None:
    (project / "people").mkdir()
    (project / "people" / "kevin.rst").write_text(
        ":orphan:\n\nKevin at home\n=============\n\n"
        ".. publications::\n   :person: Kevin Swersky\n",
        encoding="utf-8",
    )
    app = build(project)
    assert warnings_of(app) == ""
    kevin = html_of(app, "people/kevin")
    assert kevin.select_one("h1").get_text().rstrip("¶") == "Kevin at home"
    assert entry_ids(kevin) == ["swersky2020", "zemel2013"]
    assert member_links(kevin) == {"Richard Zemel": "richard.html"}
    assert member_links(html_of(app, "publications"))["Kevin Swersky"] == "people/kevin.html"


def test_dirhtml_pages_and_links_resolve(project: Path) -> None:
    app = build(project, "dirhtml")
    outdir = Path(app.outdir)
    lab_path = outdir / "publications" / "index.html"
    href = member_links(soup_of(lab_path))["Richard Zemel"]
    target = Path(urlsplit(urljoin(lab_path.as_uri(), href)).path)
    assert target == outdir / "people" / "richard"
    assert entry_ids(soup_of(target / "index.html")) == ["zemel2013", "zemel2001"]


def test_latex_after_html_drops_the_links_to_html_pages(project: Path) -> None:
    build(project)
    app = build(project, "latex")
    assert warnings_of(app) == ""
    (tex,) = Path(app.outdir).glob("*.tex")
    text = tex.read_text(encoding="utf-8")
    assert "people/kevin.html" not in text
    # Without a page, Kevin's name links to his url.
    assert "https://example.org/kevin" in text


def test_an_unknown_person_option_warns_and_uses_the_name(project: Path) -> None:
    (project / "publications.rst").write_text(
        "Publications\n============\n\n.. publications::\n   :person: Vera Visitor\n",
        encoding="utf-8",
    )
    app = build(project)
    (warning,) = publist_warnings(app)
    assert "[publist.option]" in warning
    assert "'Vera Visitor'" in warning
    page = html_of(app, "publications")
    assert entry_ids(page) == ["visitor2019"]
    assert highlighted(page) == ["Vera Visitor"]


def test_grouping_by_person_without_members_warns_and_does_not_group(project: Path) -> None:
    app = build(project, confoverrides={"publist_people": {}})
    (warning,) = publist_warnings(app)
    assert "[publist.option]" in warning
    assert "publist_people" in warning
    page = html_of(app, "publications")
    assert page.select(".publist-group-heading") == []
    assert len(entry_ids(page)) == 4


@pytest.mark.parametrize(
    "value",
    [
        ["Kevin Swersky"],
        {"Kevin Swersky": {"homepage": "x"}},
        {"Kevin Swersky": {"page": "../outside"}},
        {"Kevin Swersky": {"variants": "K. Swersky"}},
    ],
)
def test_a_bad_people_value_falls_back_with_a_warning(project: Path, value: object) -> None:
    app = build(project, confoverrides={"publist_people": value})
    warnings = publist_warnings(app, "config")
    assert len(warnings) == 1
    assert "publist_people" in warnings[0]
    assert not (Path(app.outdir) / "people" / "kevin.html").exists()


def test_an_unsafe_member_url_is_one_warning_and_never_a_link(project: Path) -> None:
    people = {"Kevin Swersky": {"url": "javascript:alert(1)"}}
    app = build(project, confoverrides={"publist_people": people})
    (warning,) = publist_warnings(app)
    assert "[publist.link]" in warning
    assert "javascript" not in str(html_of(app, "publications").select_one(".publist"))


def test_people_pages_link_entries_to_the_details_pages_lists_give_them(project: Path) -> None:
    app = build(project, confoverrides={"publist_details": "pages"})
    assert warnings_of(app) == ""
    kevin = html_of(app, "people/kevin")
    hrefs = [str(link["href"]) for link in kevin.select(".publist-details-link a")]
    assert hrefs == ["../publications/swersky2020.html", "../publications/zemel2013.html"]
    assert all((Path(app.outdir) / "people" / href).resolve().is_file() for href in hrefs)


def test_without_details_pages_people_pages_have_no_details_links(project: Path) -> None:
    kevin = html_of(build(project), "people/kevin")
    assert kevin.select(".publist-details-link") == []


def test_a_changed_lab_file_rewrites_the_pages_when_no_document_lists_it(
    project: Path,
) -> None:
    (project / "publications.rst").write_text("Publications\n============\n\nSoon.\n", "utf-8")
    build(project)
    bib = project / "lab.bib"
    bib.write_text(
        bib.read_text("utf-8")
        + "\n@misc{swersky2024,\n  title = {New},\n  author = {Swersky, Kevin},\n"
        "  year = {2024},\n}\n",
        encoding="utf-8",
    )
    later = time.time_ns() + 10**9
    os.utime(bib, ns=(later, later))
    app = build(project)
    assert warnings_of(app) == ""
    assert entry_ids(html_of(app, "people/kevin")) == ["swersky2024", "swersky2020", "zemel2013"]


def test_parallel_build_writes_the_same_people_pages(project: Path, tmp_path: Path) -> None:
    serial = build(project)
    parallel = build(copy_root("people", tmp_path / "parallel"), parallel=2)
    assert warnings_of(parallel) == ""
    for page in ("people/kevin", "people/richard"):
        assert html_of(parallel, page).select_one(".publist") == html_of(serial, page).select_one(
            ".publist"
        )
