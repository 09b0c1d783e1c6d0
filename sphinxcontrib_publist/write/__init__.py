"""Write stage: everything that happens after reading, registered from one ordering table.

Entries are stored as ``publist_pending`` nodes and expanded while each page is
written (``expand``). Each step that this deferral needs, and each output made
beside the pages, is a row below: the event or transform, its priority, and why
it stands there. Sphinx runs post-transforms (ascending priority) before the
``doctree-resolved`` handlers (ascending priority, 500 by default).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sphinx.transforms.post_transforms import SphinxPostTransform

from . import (
    assets,
    details_links,
    details_pages,
    downloads,
    expand,
    latex_package,
    math_macros,
    paging,
    people_pages,
    sitemap,
    tab_sections,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx


@dataclass(frozen=True)
class Step:
    """One write-time step: an event handler or a post-transform, at a priority."""

    event: str  # a Sphinx event, or "post-transform"
    action: Callable[..., Any] | type[SphinxPostTransform]
    priority: int
    why: str


STEPS = (
    Step("config-inited", assets.add_static_path, 500, "html_static_path is fixed before builds"),
    Step(
        "config-inited",
        math_macros.add_to_mathjax,
        600,
        "MathJax gets publist_math_macros once config.py's checks (500) have run",
    ),
    Step("builder-inited", assets.add_static_assets, 500, "CSS and JS for HTML builders only"),
    Step(
        "builder-inited",
        latex_package.add_package,
        500,
        "LaTeX builders only: publist.sty is written and loaded before any document",
    ),
    Step(
        "post-transform",
        tab_sections.TabSections,
        380,
        "outside HTML, partitioning tabs become sections; before 390, which may expand the entries",
    ),
    Step(
        "post-transform",
        expand.ExpandForShownUrls,
        390,
        "latex_show_urls: entries must be nodes before Sphinx's ShowUrlsTransform (400)",
    ),
    Step(
        "post-transform",
        expand.ExpandForLinkcheck,
        790,
        "linkcheck: entries must be nodes before Sphinx collects links (800)",
    ),
    Step(
        "doctree-resolved",
        details_links.note_details_links,
        400,
        "details links and COinS are noted on pending entries before 600 may expand them",
    ),
    Step(
        "doctree-resolved",
        downloads.resolve_downloads,
        500,
        "each page's and list's export files and feeds are written; independent of the entries",
    ),
    Step(
        "doctree-resolved",
        paging.split_paged_lists,
        550,
        "after 500 wrote the exports of whole lists; before 600 gives the entries left words",
    ),
    Step(
        "doctree-resolved",
        expand.prepare_for_writer,
        600,
        "last: search words for HTML, or full expansion for builders that do not stream",
    ),
    Step(
        "doctree-resolved",
        latex_package.declare_characters,
        650,
        "pdflatex: after 600, the lists' text is final (tab sections, shown URLs)",
    ),
    Step(
        "env-get-outdated",
        details_pages.lists_of_deleted_pages,
        500,
        "a list whose details page was deleted is read again, or Sphinx would write nothing",
    ),
    Step("html-collect-pages", details_pages.collect_pages, 500, "details pages after documents"),
    Step(
        "html-collect-pages",
        paging.collect_pages,
        505,
        "the later pages of lists split while their documents were written",
    ),
    Step(
        "build-finished",
        sitemap.add_details_pages,
        400,
        "details pages join sphinx-sitemap's links before it writes them (500), or sitemap.xml",
    ),
    Step(
        "html-page-context",
        downloads.add_head_links,
        500,
        "the head links of the files written at doctree-resolved, noted on the doctree",
    ),
    Step(
        "html-collect-pages",
        people_pages.collect_pages,
        510,
        "people pages after details pages: their entries link to pages some list owns",
    ),
    Step(
        "html-page-context",
        details_pages.note_math_for_older_mathjax,
        400,
        "before sphinx.ext.mathjax's handler (500) decides whether to load MathJax",
    ),
)


def register(app: Sphinx) -> None:
    """Connect every step at its priority."""
    for step in STEPS:
        action = step.action
        if isinstance(action, type) and issubclass(action, SphinxPostTransform):
            action.default_priority = step.priority
            app.add_post_transform(action)
        else:
            app.connect(step.event, action, priority=step.priority)
