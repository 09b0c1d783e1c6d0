"""The same lists written in RST and in MyST give the same doctree and HTML."""

from __future__ import annotations

import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_publist.nodes.elements import publist_list

from ..helpers import build, copy_root, html_of, warnings_of

pytest.importorskip("myst_parser")

MARKDOWN_PAGES = ["myst", "colon"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build(copy_root("myst", tmp_path_factory.mktemp("myst") / "src"))


def normalised_lists(app: SphinxTestApp, docname: str) -> list[str]:
    """Each list's doctree as text, without what depends on the source syntax."""
    doctree = app.env.get_doctree(docname)
    result = []
    for publist in doctree.findall(publist_list):
        copy = publist.deepcopy()
        for node in copy.findall(nodes.Element):
            node.source = node.line = None
            # docutils >= 0.22 writes booleans as 1/0 or True/False by version.
            for name, value in list(node.attributes.items()):
                if isinstance(value, bool):
                    node[name] = int(value)
        result.append(copy.pformat())
    return result


def test_build_is_clean(built: SphinxTestApp) -> None:
    assert warnings_of(built) == ""


@pytest.mark.parametrize("docname", MARKDOWN_PAGES)
def test_doctrees_match(built: SphinxTestApp, docname: str) -> None:
    expected = normalised_lists(built, "rst")
    assert len(expected) == 3
    assert normalised_lists(built, docname) == expected


@pytest.mark.parametrize("docname", MARKDOWN_PAGES)
def test_publist_html_matches(built: SphinxTestApp, docname: str) -> None:
    expected = [str(publist) for publist in html_of(built, "rst").select("div.publist")]
    assert [str(publist) for publist in html_of(built, docname).select("div.publist")] == expected


def test_options_took_effect_in_markdown(built: SphinxTestApp) -> None:
    default, grouped, cited = html_of(built, "myst").select("div.publist")
    assert len(default.select(".publist-entry")) == 4
    assert [h.get_text() for h in grouped.select(".publist-group-heading")]
    assert len(grouped.select(".publist-entry")) == 3
    assert all(details.has_attr("open") for details in grouped.select("details"))
    assert {me.get_text() for me in grouped.select(".publist-me")} >= {"Kevin Swersky"}
    assert "compact" in cited["class"]
    assert cited.select_one(".publist-label").get_text().startswith("[")
    assert not cited.select("details")
