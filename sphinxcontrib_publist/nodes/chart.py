"""Chart node: publications per year, inline SVG in HTML and a table of counts elsewhere."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from docutils import nodes

from ..bib.model import Publication
from . import labels
from .elements import publist_chart

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

# Beyond this many years the chart skips years without publications.
MAX_SPAN = 60
# Geometry in SVG user units (CSS pixels at the natural size). A bar and its gap
# are wider than a year label at the stylesheet's 12px, so labels never touch.
BAR_WIDTH = 24
BAR_GAP = 12
BAR_AREA = 80
TOP = 16
BOTTOM = 20
SIDE = 4
MAX_LABELS = 20


def year_counts(publications: Iterable[Publication]) -> list[tuple[int, int]]:
    """(year, count) pairs, oldest first, with empty years shown unless the span is huge."""
    counts = Counter(pub.year for pub in publications if pub.year is not None)
    if not counts:
        return []
    first, last = min(counts), max(counts)
    years = range(first, last + 1) if last - first < MAX_SPAN else sorted(counts)
    return [(year, counts.get(year, 0)) for year in years]


def charts(publications: Sequence[Publication], kind: str) -> list[publist_chart]:
    """The chart of ``kind`` for ``publications``: none for ``none`` or without years."""
    counts = year_counts(publications) if kind == "year" else []
    return [chart_node(counts)] if counts else []


def chart_node(counts: Sequence[tuple[int, int]]) -> publist_chart:
    """The chart of ``counts``, carrying a table of the same numbers."""
    title = labels.chart_title()
    node = publist_chart(counts=[[year, count] for year, count in counts], title=title)
    # A rubric, not a table title: a titled table would take a number under numfig.
    node += nodes.rubric(title, title, classes=["publist-chart-title"])
    node += _table(counts)
    return node


def _table(counts: Sequence[tuple[int, int]]) -> nodes.table:
    table = nodes.table(classes=["publist-chart-table"])
    group = nodes.tgroup(cols=2)
    table += group
    group += nodes.colspec(colwidth=8)
    group += nodes.colspec(colwidth=14)
    group += nodes.thead("", _row(*labels.chart_columns()))
    group += nodes.tbody("", *(_row(str(year), str(count)) for year, count in counts))
    return table


def _row(*cells: str) -> nodes.row:
    return nodes.row("", *(nodes.entry("", nodes.paragraph(cell, cell)) for cell in cells))


def _number(value: float) -> str:
    return f"{round(value, 1):g}"


def _tag(self: HTML5Translator, name: str, attributes: dict[str, Any]) -> str:
    # starttag quotes and escapes every value.
    return self.starttag(nodes.Element(), name, "", **attributes)


def svg_markup(self: HTML5Translator, counts: Sequence[tuple[int, int]], title: str) -> str:
    """The chart as inline SVG: coordinates are numbers, text goes through ``encode``."""
    highest = max((count for _, count in counts), default=0) or 1
    width = 2 * SIDE + len(counts) * (BAR_WIDTH + BAR_GAP) - BAR_GAP
    height = TOP + BAR_AREA + BOTTOM
    label_every = math.ceil(len(counts) / MAX_LABELS)
    opening = _tag(
        self,
        "svg",
        {
            "CLASS": "publist-chart-svg",
            "xmlns": "http://www.w3.org/2000/svg",
            "role": "img",
            "aria-label": title,
            "width": str(width),
            "height": str(height),
            "viewBox": f"0 0 {width} {height}",
            # Where bars stand and how tall they grow, for the script that redraws them.
            "data-bar-bottom": str(TOP + BAR_AREA),
            "data-bar-area": str(BAR_AREA),
        },
    )
    # starttag lowercases attribute names; XHTML output needs SVG's camelCase one.
    parts = [opening.replace(" viewbox=", " viewBox=", 1)]
    parts.append(f"<title>{self.encode(title)}</title>\n")
    for index, (year, count) in enumerate(counts):
        left = SIDE + index * (BAR_WIDTH + BAR_GAP)
        centre = _number(left + BAR_WIDTH / 2)
        bar = BAR_AREA * count / highest
        top = TOP + BAR_AREA - bar
        parts.append(
            _tag(
                self,
                "rect",
                {
                    "CLASS": "publist-chart-bar",
                    "x": str(left),
                    "y": _number(top),
                    "width": str(BAR_WIDTH),
                    "height": _number(bar),
                    "fill": "currentColor",
                    "data-year": str(year),
                    "data-count": str(count),
                },
            )
        )
        parts.append(f"<title>{self.encode(f'{year}: {count}')}</title></rect>\n")
        # Empty for an empty year: the script fills it when a filter changes the counts.
        parts.append(
            _text(self, "publist-chart-count", centre, top - 3, str(count) if count else "")
        )
        if index % label_every == 0:
            parts.append(_text(self, "publist-chart-year", centre, height - 5, str(year)))
    parts.append("</svg>\n")
    return "".join(parts)


def _text(self: HTML5Translator, css_class: str, x: str, y: float, content: str) -> str:
    opening = _tag(
        self,
        "text",
        {
            "CLASS": css_class,
            "x": x,
            "y": _number(y),
            "fill": "currentColor",
            "text-anchor": "middle",
        },
    )
    return f"{opening}{self.encode(content)}</text>\n"


def visit_chart_html(self: HTML5Translator, node: publist_chart) -> None:
    """The SVG, then the counts as a list for assistive technology only.

    A list, not the table other builders get: themes wrap tables in scrolling
    boxes, which a hidden table would turn into unreachable scroll regions.
    """
    counts = [(int(year), int(count)) for year, count in node["counts"]]
    self.body.append(self.starttag(node, "figure", CLASS="publist-chart"))
    self.body.append(svg_markup(self, counts, node["title"]))
    self.body.append(_tag(self, "ul", {"CLASS": "publist-visually-hidden"}))
    for year, count in counts:
        self.body.append(f"<li>{year}: {count}</li>\n")
    self.body.append("</ul>\n</figure>\n")
    raise nodes.SkipNode
