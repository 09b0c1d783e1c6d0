"""Details pages: one HTML page per listed entry, written through ``html-collect-pages``."""

from __future__ import annotations

import html
import posixpath
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.util.osutil import relative_uri

from ._log import warn
from .details import (
    EntryDetails,
    ListDetails,
    PublistDomain,
    list_details,
    page_available,
    pages_supported,
)
from .diagnostics import Subtype
from .model import Publication
from .nodes import publist_list
from .page_content import page_doctree
from .scholar import highwire_tags, json_ld, json_ld_script, meta_tags_html, record_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder

PageSpec = tuple[str, dict[str, Any], str]
PER_PAGE_STATE = ("secnumbers", "fignumbers", "imgpath", "dlpath", "current_docname")


def collect_pages(app: Sphinx) -> Iterator[PageSpec]:
    """A page per entry with details, the first list (by document name) owning each key."""
    if not pages_supported(app.builder):
        return
    builder = cast("StandaloneHTMLBuilder", app.builder)
    domain = cast("PublistDomain", app.env.get_domain(PublistDomain.name))
    written: set[str] = set()
    for docname in sorted(domain.details_documents):
        for root in app.env.get_doctree(docname).findall(publist_list):
            details = list_details(root)
            if details is None:
                continue
            for entry in details.pages():
                if entry.page in written:
                    continue
                written.add(entry.page)
                if not page_available(app.env, entry.page):
                    warn(
                        f"no details page for {entry.anchor!r}: a document is named {entry.page!r}",
                        Subtype.DETAILS,
                        (docname, root.line),
                    )
                    continue
                yield entry.page, page_context(builder, entry, details, docname), "page.html"


def page_context(
    builder: StandaloneHTMLBuilder, entry: EntryDetails, details: ListDetails, docname: str
) -> dict[str, Any]:
    """The template context of one details page: body, title, metadata, parent."""
    publication = cast("Publication", entry.publication)
    record = record_of(publication)
    page_url = _page_url(builder, entry.page)
    list_uri = builder.get_relative_uri(entry.page, docname)
    section = page_doctree(publication, details.name_format, f"{list_uri}#{entry.anchor}")
    _rebase_relative_links(section, posixpath.dirname(list_uri))
    has_math = any(True for _ in section.findall(nodes.math))
    with _writing(builder, entry.page):
        body = builder.render_partial(section)["fragment"]
    head = meta_tags_html(highwire_tags(record, page_url))
    head += json_ld_script(json_ld(record, page_url))
    title_node = builder.env.titles.get(docname)
    return {
        "title": html.escape(record.title or publication.key),
        "body": body,
        "metatags": head,
        "parents": [
            {
                "link": list_uri,
                "title": html.escape(title_node.astext() if title_node else docname),
            }
        ],
        "display_toc": False,
        "toc": "",
        "sourcename": "",
        "has_maths_elements": has_math,
    }


@contextmanager
def _writing(builder: StandaloneHTMLBuilder, page: str) -> Iterator[None]:
    """Give the translator the per-page state ``write_doc`` sets for a document."""
    saved = {name: getattr(builder, name, None) for name in PER_PAGE_STATE}
    target = builder.get_target_uri(page)
    builder.secnumbers = {}
    builder.fignumbers = {}
    builder.imgpath = relative_uri(target, builder.imagedir)
    builder.dlpath = relative_uri(target, "_downloads")
    builder.current_docname = page
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(builder, name, value)


def _page_url(builder: StandaloneHTMLBuilder, page: str) -> str:
    """The page's absolute URL when ``html_baseurl`` is set, else its URL relative to itself."""
    target = builder.get_target_uri(page)
    if builder.config.html_baseurl:
        return posixpath.join(builder.config.html_baseurl, target)
    return posixpath.basename(target) or "./"


def _rebase_relative_links(section: nodes.section, list_dir: str) -> None:
    """Relative links from the bib data were meant for the list's page; keep them working here."""
    for reference in section.findall(nodes.reference):
        uri = reference.get("refuri", "")
        if (
            uri
            and not reference.get("internal")
            and "://" not in uri
            and not uri.startswith(("/", "#"))
        ):
            reference["refuri"] = posixpath.normpath(posixpath.join(list_dir, uri))


def register(app: Sphinx) -> None:
    """Write the pages after the documents."""
    app.connect("html-collect-pages", collect_pages)
