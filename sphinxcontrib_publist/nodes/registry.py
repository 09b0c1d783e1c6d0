"""The one table of our nodes and their visitors, for every builder family."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from . import visitors as html
from .chart import visit_chart_html
from .elements import (
    publist_abstract,
    publist_authors,
    publist_badge,
    publist_bibtex,
    publist_chart,
    publist_coins,
    publist_details_link,
    publist_download,
    publist_entry,
    publist_group,
    publist_jump,
    publist_list,
    publist_more_authors,
    publist_pager,
    publist_pending,
    publist_search_words,
)
from .jump import visit_jump_html
from .pager import visit_pager_html
from .pending import depart_pending, visit_pending

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _pass(self: object, node: nodes.Element) -> None:
    """Render nothing for a wrapper: its children render as usual."""


def skip(self: object, node: nodes.Element) -> None:
    """Render nothing, children included."""
    raise nodes.SkipNode


Visitors = tuple[Any, Any]
WRAPPER: Visitors = (_pass, _pass)
HIDDEN: Visitors = (skip, None)


def render_as(name: str) -> Visitors:
    """Visitors that render a node as the writer renders ``name`` nodes."""

    def visit(self: Any, node: nodes.Element) -> None:
        getattr(self, f"visit_{name}")(node)

    def depart(self: Any, node: nodes.Element) -> None:
        getattr(self, f"depart_{name}")(node)

    return visit, depart


NON_HTML_FORMATS = ("latex", "text", "man", "texinfo")


def add_node(app: Sphinx, node: type[nodes.Element], html: Visitors, other: Visitors) -> None:
    """Register ``node`` with ``html`` visitors and ``other`` for every non-HTML writer."""
    others: dict[str, Any] = dict.fromkeys(NON_HTML_FORMATS, other)
    app.add_node(node, html=html, **others)


def register(app: Sphinx) -> None:
    """Add every node, with its HTML visitors and one pair for the other writers."""
    pending = (visit_pending, depart_pending)
    table: tuple[tuple[type[nodes.Element], Visitors, Visitors], ...] = (
        (publist_list, (html.visit_list_html, html.depart_div_html), WRAPPER),
        (publist_group, (html.visit_group_html, html.depart_div_html), WRAPPER),
        (publist_entry, (html.visit_entry_html, html.depart_entry_html), render_as("list_item")),
        (publist_pending, pending, pending),
        (publist_abstract, (html.visit_abstract_html, None), render_as("block_quote")),
        (publist_bibtex, (html.visit_bibtex_html, None), WRAPPER),
        (
            publist_authors,
            (html.visit_authors_html, html.depart_authors_html),
            render_as("paragraph"),
        ),
        (
            publist_more_authors,
            (html.visit_more_authors_html, None),
            (html.visit_more_authors_other, None),
        ),
        (publist_badge, (html.visit_badge_html, None), WRAPPER),
        (publist_download, HIDDEN, HIDDEN),
        (publist_chart, (visit_chart_html, None), WRAPPER),
        (publist_coins, (html.visit_coins_html, None), HIDDEN),
        (publist_jump, (visit_jump_html, None), HIDDEN),
        (publist_pager, (visit_pager_html, None), HIDDEN),
        (publist_search_words, HIDDEN, HIDDEN),
        (publist_details_link, (html.visit_details_link_html, None), render_as("reference")),
    )
    for node, html_visitors, other in table:
        add_node(app, node, html_visitors, other)
