"""What real abstracts, titles and awards look like once built: paragraphs, display math,
lists, JATS markup, Markdown awards, and metadata without TeX."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp

from ..helpers import GENERATED_CONF, build, html_of, soup_of, warnings_of
from .test_pdf import compile_pdf, require_latex

# Minimal snippets of real exports: an arXiv abstract with its equations and a
# list, a Crossref (JATS) abstract as Zotero's "add by DOI" stores it, al-folio's
# Markdown award, and a JabRef German title.
BIB = r"""
@article{arxiv,
  author = {Ann Smith}, journal = {ApJ}, year = {2021},
  title = {Quenching of galaxies at $z \sim 1$},
  abstract = {We minimise the loss
\begin{align*}
  L(X,Y) &= \sum_{j} x_j \\
         &= 0
\end{align*}
over all $X$.

Our contributions are:
\begin{itemize}
  \item a bound;
  \item an algorithm.
\end{itemize}
\par Code is public.},
}
@article{crossref,
  author = {Bo Li}, journal = {Nature}, year = {2020}, title = {Uptake},
  abstract = {<jats:title>Abstract</jats:title><jats:p>The <jats:italic>in vitro</jats:italic> CO<jats:sub>2</jats:sub> uptake rose 10<jats:sup>5</jats:sup>-fold.</jats:p><jats:p>We <jats:bold>conclude</jats:bold>.</jats:p><script>alert(1)</script>},
}
@inproceedings{alfolio,
  author = {Cy Doe}, booktitle = {NeurIPS}, year = {2024}, title = {Awarded},
  award = {**Best Paper** at [NeurIPS](https://neurips.cc)},
}
@book{jabref,
  author = {Dora Weber}, publisher = {Springer}, year = {2019},
  title = {Die \glqq Wende\grqq{} kostet 5\,\texteuro{} -- ?`por qu\'e?},
}
"""
CONF = GENERATED_CONF + 'project = "conventions"\npublist_abstracts = "expanded"\n'


def _project(root: Path, conf: str = "", bib: str = BIB) -> Path:
    root.mkdir(parents=True)
    (root / "conf.py").write_text(CONF + conf, encoding="utf-8")
    (root / "refs.bib").write_text(bib, encoding="utf-8")
    (root / "index.rst").write_text("Papers\n======\n\n.. publications:: refs.bib\n")
    return root


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    conf = 'publist_details = "pages"\nhtml_baseurl = "https://ex.org/"\n'
    src = _project(tmp_path_factory.mktemp("conventions") / "src", conf)
    app = build(src)
    assert warnings_of(app) == ""
    return app


def entry(app: SphinxTestApp, key: str) -> Tag:
    found = html_of(app).select_one(f"#{key}")
    assert found is not None, key
    return found


def test_an_abstract_shows_its_paragraphs_display_math_and_list(html: SphinxTestApp) -> None:
    abstract = entry(html, "arxiv").select_one(".publist-abstract-text")
    paragraphs = [p.get_text(" ", strip=True) for p in abstract.find_all("p", recursive=False)]
    assert paragraphs == [
        "We minimise the loss",
        "over all \\(X\\) .",
        "Our contributions are:",
        "Code is public.",
    ]
    (math,) = abstract.select("div.math")
    assert math.get_text().strip().startswith("\\begin{align*}")
    assert [li.get_text(strip=True) for li in abstract.select("ul > li")] == [
        "a bound;",
        "an algorithm.",
    ]
    shown = abstract.get_text()
    assert "itemize" not in shown
    assert "\\item" not in shown


def test_a_jats_abstract_shows_markup_never_tags(html: SphinxTestApp) -> None:
    abstract = entry(html, "crossref").select_one(".publist-abstract-text")
    assert [p.get_text() for p in abstract.find_all("p", recursive=False)] == [
        "Abstract",
        "The in vitro CO2 uptake rose 105-fold.",
        "We conclude.",
    ]
    assert abstract.select_one("em").get_text() == "in vitro"
    assert abstract.select_one("sub").get_text() == "2"
    assert abstract.select_one("sup").get_text() == "5"
    assert [b.get_text() for b in abstract.select("strong")] == ["Abstract", "conclude"]
    assert "jats" not in str(abstract)
    assert abstract.find("script") is None
    assert "alert" not in abstract.get_text()


def test_a_markdown_award_is_a_badge_with_markup(html: SphinxTestApp) -> None:
    badge = entry(html, "alfolio").select_one(".publist-badge-award")
    assert badge.get_text() == "Best Paper at NeurIPS"
    assert badge.select_one("strong").get_text() == "Best Paper"
    assert badge.select_one("a")["href"] == "https://neurips.cc"
    assert "*" not in badge.get_text()


def test_german_quotes_euro_and_inverted_question_mark(html: SphinxTestApp) -> None:
    title = entry(html, "jabref").select_one(".publist-title").get_text()
    assert title == "Die \u201eWende\u201c kostet 5\u2009\u20ac \u2013 \u00bfpor qu\u00e9?"


def _details(app: SphinxTestApp, key: str) -> BeautifulSoup:
    (path,) = [p for p in Path(app.outdir).rglob("*.html") if p.stem.endswith(key)]
    return soup_of(path)


def test_metadata_has_no_tex_and_coins_names_the_publisher(html: SphinxTestApp) -> None:
    page = _details(html, "arxiv")
    titles = [tag["content"] for tag in page.find_all("meta", attrs={"name": "citation_title"})]
    assert titles == ["Quenching of galaxies at z \u223c 1"]
    (script,) = page.find_all("script", type="application/ld+json")
    assert json.loads(script.string)["headline"] == titles[0]
    coins = entry(html, "jabref").select_one("span.Z3988")["title"]
    assert "rft.pub=Springer" in coins
    assert "rft.series" not in coins


def test_text_output_keeps_paragraphs_and_lists(tmp_path: Path) -> None:
    app = build(_project(tmp_path / "src"), "text")
    assert warnings_of(app) == ""
    text = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()]
    start = lines.index("We minimise the loss")
    assert [line for line in lines[start:] if line][:7] == [
        "We minimise the loss",
        "\\begin{align*} L(X,Y) &= \\sum_{j} x_j \\\\ &= 0 \\end{align*}",
        "over all X.",
        "Our contributions are:",
        "* a bound;",
        "* an algorithm.",
        "Code is public.",
    ]
    assert "itemize" not in text
    assert "<jats" not in text


def test_latex_output_sets_display_math_lists_and_paragraphs(tmp_path: Path) -> None:
    require_latex("pdflatex")
    # pdflatex's default fonts have no euro sign, which the list would warn of.
    app = build(_project(tmp_path / "src", bib=BIB.replace(r"5\,\texteuro{}", "5")), "latex")
    assert warnings_of(app) == ""
    (tex,) = Path(app.outdir).glob("*.tex")
    source = tex.read_text(encoding="utf-8")
    assert "\\begin{align*}" in source
    assert "\\begin{itemize}" in source
    pdf = compile_pdf(Path(app.outdir))
    assert "align*" not in pdf
    assert "itemize" not in pdf
    assert "We minimise the loss" in pdf
    assert "a bound;" in pdf
    assert "Die \u201eWende\u201c" in pdf
