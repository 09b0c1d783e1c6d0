"""Pager node: a paged list's links to each of its pages, in HTML only.

Plain links in a ``<nav>``, so every page is reachable without the script:
the first and last page, the two either side of the current one, and the
previous and next. The script replaces it by its own "Show more" button.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from .elements import publist_pager

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

# Pages shown either side of the current one.
NEIGHBOURS = 2


def shown_pages(current: int, count: int) -> list[int | None]:
    """The page numbers the pager links, ``None`` where a run of them is left out."""
    wanted = {1, count, *range(current - NEIGHBOURS, current + NEIGHBOURS + 1)}
    shown: list[int | None] = []
    for number in sorted(page for page in wanted if 1 <= page <= count):
        if shown and shown[-1] is not None and number > shown[-1] + 1:
            shown.append(None)
        shown.append(number)
    return shown


def visit_pager_html(self: HTML5Translator, node: publist_pager) -> None:
    """A ``<nav>`` of page links; the current page is marked, not linked."""
    hrefs: list[str] = node["hrefs"]
    current: int = node["current"]
    self.body.append(
        self.starttag(node, "nav", CLASS="publist-pager", **{"aria-label": node["label"]})
    )
    self.body.append("<ul>\n")

    def link(number: int, text: str, rel: str = "") -> str:
        attributes: dict[str, Any] = {"href": hrefs[number - 1]}
        if rel:
            attributes["rel"] = rel
        return f"{self.starttag(nodes.Element(), 'a', '', **attributes)}{self.encode(text)}</a>"

    if current > 1:
        self.body.append(f"<li>{link(current - 1, node['previous'], 'prev')}</li>\n")
    for number in shown_pages(current, len(hrefs)):
        if number is None:
            self.body.append('<li class="publist-pager-gap">…</li>\n')
        elif number == current:
            self.body.append(f'<li><span aria-current="page">{number}</span></li>\n')
        else:
            self.body.append(f"<li>{link(number, str(number))}</li>\n")
    if current < len(hrefs):
        self.body.append(f"<li>{link(current + 1, node['next'], 'next')}</li>\n")
    self.body.append("</ul>\n</nav>\n")
    raise nodes.SkipNode
