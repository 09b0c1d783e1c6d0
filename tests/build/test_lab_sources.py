"""A lab's list from a Zotero CSL-JSON export, an EndNote RIS file and a DBLP .bib at once.

The three files hold one paper in three versions (published in Zotero, the arXiv
preprint in RIS, DBLP's CoRR record) beside papers only one of them has: the page,
its details pages, its export files and its COinS must all agree on one entry each.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs

import pytest
import rispy
from pybtex.database import parse_file
from sphinx.testing.util import SphinxTestApp

from ..helpers import GENERATED_CONF, build, html_of, publist_warnings

ZOTERO_JSON = [
    {
        "id": "http://zotero.org/users/1/items/ABCD1234",
        "type": "article-journal",
        "title": "Learning sparse graphs with message passing",
        "container-title": "Journal of Machine Learning Research",
        "volume": "24",
        "page": "1-30",
        "DOI": "10.5555/jmlr.2023.0042",
        "author": [
            {"family": "Swersky", "given": "Kevin"},
            {"family": "Zemel", "given": "Richard"},
        ],
        "issued": {"date-parts": [[2023, 3]]},
        "note": "Citation Key: swersky2023sparse",
    },
    {
        "id": "http://zotero.org/users/1/items/EFGH5678",
        "type": "paper-conference",
        "title": "Calibrated uncertainty for small data",
        "container-title": "Advances in Neural Information Processing Systems",
        "author": [{"family": "Lopez", "given": "Ana"}, {"family": "Swersky", "given": "Kevin"}],
        "issued": {"date-parts": [[2021]]},
        "note": "Citation Key: lopez2021calibrated",
    },
]
ENDNOTE_RIS = """TY  - JOUR
ID  - swersky2022sparse-preprint
AU  - Swersky, Kevin
AU  - Zemel, Richard
TI  - Learning sparse graphs with message passing
JO  - arXiv preprint
PY  - 2022
UR  - https://arxiv.org/abs/2204.01234v2
ER  -

TY  - RPRT
ID  - chen2019report
AU  - Chen, Wei
AU  - Swersky, Kevin
TI  - A report on scalable kernels
PB  - University of Toronto
PY  - 2019
ER  -
"""
DBLP_BIB = r"""@article{DBLP:journals/corr/abs-2204-01234,
  author     = {Kevin Swersky and Richard Zemel},
  title      = {Learning Sparse Graphs with Message Passing},
  journal    = {CoRR},
  volume     = {abs/2204.01234},
  year       = {2022},
  url        = {https://doi.org/10.48550/arXiv.2204.01234},
  doi        = {10.48550/ARXIV.2204.01234},
  eprinttype = {arXiv},
  eprint     = {2204.01234},
  timestamp  = {Mon, 04 Apr 2022 16:09:12 +0200},
  biburl     = {https://dblp.org/rec/journals/corr/abs-2204-01234.bib},
  bibsource  = {dblp computer science bibliography, https://dblp.org}
}

@inproceedings{DBLP:conf/icml/Zhang0S20,
  author    = {Wei Zhang 0001 and Kevin Swersky},
  title     = {Kernels at Scale},
  booktitle = {Proceedings of the 37th International Conference on Machine Learning},
  year      = {2020},
  timestamp = {Tue, 15 Dec 2020 17:40:18 +0100},
  biburl    = {https://dblp.org/rec/conf/icml/Zhang0S20.bib},
  bibsource = {dblp computer science bibliography, https://dblp.org}
}
"""
TITLES = {
    "Learning sparse graphs with message passing",
    "Calibrated uncertainty for small data",
    "A report on scalable kernels",
    "Kernels at Scale",
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    srcdir = tmp_path_factory.mktemp("lab") / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        GENERATED_CONF + 'html_baseurl = "https://lab.example/"\n', encoding="utf-8"
    )
    (srcdir / "zotero.json").write_text(json.dumps(ZOTERO_JSON), encoding="utf-8")
    (srcdir / "endnote.ris").write_text(ENDNOTE_RIS, encoding="utf-8")
    (srcdir / "dblp.bib").write_text(DBLP_BIB, encoding="utf-8")
    (srcdir / "index.rst").write_text(
        "Lab\n===\n\n.. publications:: zotero.json endnote.ris dblp.bib\n"
        "   :details: pages\n   :download-bib:\n   :highlight: Kevin Swersky\n",
        encoding="utf-8",
    )
    return build(srcdir)


def _exported(app: SphinxTestApp, suffix: str) -> Path:
    return Path(app.outdir) / "_publist" / f"index-all.{suffix}"


def test_three_sources_build_one_list_without_a_warning(app: SphinxTestApp) -> None:
    assert publist_warnings(app) == []
    page = html_of(app, "index")
    titles = [title.get_text(" ", strip=True) for title in page.select(".publist-title")]
    assert sorted(titles) == sorted(TITLES)


def test_the_three_versions_are_one_entry_with_its_journal_and_an_arxiv_link(
    app: SphinxTestApp,
) -> None:
    page = html_of(app, "index")
    (entry,) = [
        item
        for item in page.select("li.publist-entry")
        if "sparse graphs" in item.get_text().lower()
    ]
    assert "Journal of Machine Learning Research" in entry.get_text()
    links = {link.get_text(strip=True): link["href"] for link in entry.select("a[href]")}
    assert any("arxiv.org/abs/2204.01234" in str(href) for href in links.values())
    # DBLP's bookkeeping and its homonym number never reach the reader.
    text = page.select_one(".publist").get_text()
    assert "dblp computer science" not in text
    assert "0001" not in text


def test_each_export_holds_each_paper_once_and_round_trips(app: SphinxTestApp) -> None:
    bib = parse_file(str(_exported(app, "bib")), "bibtex")
    csl = json.loads(_exported(app, "json").read_text(encoding="utf-8"))
    ris = rispy.loads(_exported(app, "ris").read_text(encoding="utf-8"))
    keys = list(bib.entries)
    assert len(keys) == len(TITLES)
    assert [item["id"] for item in csl] == keys
    assert [record["id"] for record in ris] == keys
    for entry in bib.entries.values():
        assert not {"timestamp", "biburl", "bibsource"} & {name.lower() for name in entry.fields}
    assert {item["title"].lower() for item in csl} == {title.lower() for title in TITLES}


def test_details_pages_and_coins_agree_with_the_list(app: SphinxTestApp) -> None:
    page = html_of(app, "index")
    coins_titles = []
    for span in page.select("span.Z3988"):
        query = parse_qs(str(span["title"]))
        # Articles and papers give their title as atitle, the rest (Dublin Core) as title.
        coins_titles.extend(query.get("rft.atitle", []) + query.get("rft.title", []))
    assert {title.lower() for title in coins_titles} == {title.lower() for title in TITLES}
    details = [str(link["href"]) for link in page.select(".publist-details-link a")]
    assert len(details) == len(TITLES)
    for href in details:
        detail_page = html_of(app, href.removesuffix(".html"))
        citation_title = detail_page.select_one('meta[name="citation_title"]')
        assert citation_title is not None
        assert citation_title["content"].lower() in {title.lower() for title in TITLES}
