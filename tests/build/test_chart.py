"""The per-year chart in built HTML: accessible inline SVG, escaped text."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sphinxcontrib_publist.nodes.chart import chart_node

from ..helpers import html_of, warnings_of


@pytest.mark.sphinx("html", testroot="details")
def test_year_chart_is_an_accessible_inline_svg(app) -> None:
    app.build()
    assert warnings_of(app) == ""
    page = html_of(app)
    (chart,) = page.select(".publist > figure.publist-chart")
    assert chart.find_previous_sibling() is None  # above the list
    svg = chart.svg
    assert svg["role"] == "img"
    assert svg["aria-label"] == "Publications per year"
    assert svg.find("title").get_text() == "Publications per year"
    bars = {
        int(bar["data-year"]): int(bar["data-count"])
        for bar in svg.select("rect.publist-chart-bar")
    }
    assert bars == {2016: 1, 2017: 0, 2018: 0, 2019: 1, 2020: 2, 2021: 0, 2022: 1}
    heights = {int(bar["data-year"]): float(bar["height"]) for bar in svg.select("rect")}
    assert heights[2020] == 2 * heights[2019] > 0 == heights[2017]
    assert [label.get_text() for label in svg.select("text.publist-chart-year")] == [
        str(year) for year in range(2016, 2023)
    ]
    hidden = [item.get_text() for item in chart.select("ul.publist-visually-hidden li")]
    assert hidden[4] == "2020: 2"
    assert len(hidden) == len(bars)
    assert not svg.find_all(["script", "image", "use", "foreignobject"])
    raw = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert 'viewBox="0 0 ' in raw


@pytest.mark.sphinx("html", testroot="details")
def test_lists_without_the_option_have_no_chart(app) -> None:
    app.build()
    assert html_of(app, "more").select(".publist-chart") == []


@pytest.mark.sphinx("html", testroot="details")
def test_chart_text_is_escaped(app) -> None:
    hostile = '</svg><script>alert("x")</script>'
    node = chart_node([(2020, 3)])
    node["title"] = hostile
    fragment = app.builder.render_partial(node)["fragment"]
    svg = BeautifulSoup(fragment, "html.parser").svg
    assert svg.find("script") is None
    assert svg["aria-label"] == hostile
    assert svg.title.get_text() == hostile
