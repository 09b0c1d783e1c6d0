"""CSL-JSON and RIS files in a build: the same list as the .bib, and bad records located."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from ..helpers import (
    DATA,
    GENERATED_CONF,
    build,
    html_of,
    location_of,
    publist_warnings,
    soup_of,
)

FORMATS = ("bib", "json", "ris")
OPTIONS = """   :filter: year >= 2019
   :sort: year
   :details: pages
   :bibtex:
   :tabs:
      Articles: type == "article"
      Other: type != "article"
"""
BROKEN_JSON = """[
  {"id": "fine2020", "type": "article-journal", "title": "Fine", "issued": {"date-parts": [[2020]]}},
  {"id": "broken", "title": "Broken" "issued": 2020},
  {"title": "No Identifier", "author": [{"family": "Doe"}], "issued": "2021"}
]
"""
BROKEN_RIS = """TY  - JOUR
ID  - open2019
TI  - Never Closed
PY  - 2019

TY  - CONF
ID  - closed2018
TI  - Closed
PY  - 2018
ER  -
"""


def _project(srcdir: Path) -> Path:
    srcdir.mkdir(parents=True)
    (srcdir / "conf.py").write_text(
        GENERATED_CONF + 'html_baseurl = "https://example.org/"\n', encoding="utf-8"
    )
    for extension in FORMATS:
        shutil.copy(DATA / "formats" / f"same.{extension}", srcdir / f"same.{extension}")
        (srcdir / f"{extension}.rst").write_text(
            f"List\n====\n\n.. publications:: same.{extension}\n{OPTIONS}", encoding="utf-8"
        )
    (srcdir / "broken.json").write_text(BROKEN_JSON, encoding="utf-8")
    (srcdir / "broken.ris").write_text(BROKEN_RIS, encoding="utf-8")
    (srcdir / "broken.rst").write_text(
        "Broken\n======\n\n.. publications:: same.bib broken.json broken.ris\n", encoding="utf-8"
    )
    pages = "\n".join(f"   {name}" for name in (*FORMATS, "broken"))
    (srcdir / "index.rst").write_text(
        f"Index\n=====\n\n.. toctree::\n\n{pages}\n", encoding="utf-8"
    )
    return srcdir


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build(_project(tmp_path_factory.mktemp("formats") / "src"))


def _list_html(app: SphinxTestApp, docname: str) -> str:
    return str(html_of(app, docname).select_one(".publist"))


@pytest.mark.parametrize("extension", ["json", "ris"])
def test_a_list_from_another_format_is_the_list_from_the_bib_file(
    built: SphinxTestApp, extension: str
) -> None:
    expected = _list_html(built, "bib").replace("same.bib", f"same.{extension}")
    assert _list_html(built, extension) == expected
    entries = html_of(built, extension).select(".publist-entry")
    assert len(entries) == 4


def test_an_entry_read_from_csl_json_has_its_details_page(built: SphinxTestApp) -> None:
    (page,) = Path(built.outdir).rglob("doe2021graphs.html")
    text = soup_of(page).get_text(" ", strip=True)
    assert "Graphs & Learning: 100% Sure" in text
    assert "Jan van den Berg" in text


def test_broken_records_warn_once_each_at_their_line_and_the_rest_render(
    built: SphinxTestApp,
) -> None:
    found = sorted(
        (location_of(line).split("/")[-1], line.rsplit("[", 1)[-1].rstrip("]"))
        for line in publist_warnings(built)
    )
    assert found == [
        ("broken.json:3", "publist.parse"),
        ("broken.json:4", "publist.missing-field"),
        ("broken.ris:1", "publist.parse"),
    ]
    keys = {entry["id"] for entry in html_of(built, "broken").select(".publist-entry")}
    assert keys == {
        "fine2020",
        "doe2021identifier",
        "open2019",
        "closed2018",
        *(entry["id"] for entry in html_of(built, "bib").select(".publist-entry")),
        "kim2018thesis",
    }


def test_warnings_of_other_formats_can_be_suppressed(tmp_path: Path) -> None:
    app = build(
        _project(tmp_path / "src"),
        confoverrides={"suppress_warnings": ["publist.parse", "publist.missing-field"]},
    )
    assert publist_warnings(app) == []
