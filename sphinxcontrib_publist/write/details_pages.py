"""Details pages: one HTML page per listed entry, written through ``html-collect-pages``."""

from __future__ import annotations

import html
import posixpath
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes

from ..bib.model import Publication
from ..config import PublistConfig
from ..core.diagnostics import Subtype
from ..environment import domain_of, page_available, pages_supported
from ..format.bibtex import entry_to_bibtex
from ..format.heading import heading
from ..format.scholar import (
    highwire_tags,
    json_ld,
    json_ld_script,
    meta_tags_html,
    readable,
    record_of,
)
from ..log import warn
from ..nodes.details import DetailsPage, EntryDetails, list_details, page_doctree
from ..nodes.elements import publist_list, publist_pending
from ..nodes.entry import EntryExtras
from ..nodes.entry_parts import copy_download_files
from .details_pdf import scholar_pdf_url
from .page_render import generated_page, render_fragment
from .written_pages import WrittenPages, page_digest, site_digest

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment

PageSpec = tuple[str, dict[str, Any], str]


def collect_pages(app: Sphinx) -> Iterator[PageSpec]:
    """A page per entry with details, the first list (by document name) owning each key.

    Only pages whose digest changed since they were written are rendered again
    (see ``written_pages``), and only their lists' doctrees are loaded.
    """
    if not pages_supported(app.builder):
        return
    builder = cast("StandaloneHTMLBuilder", app.builder)
    written = WrittenPages(builder)
    site = site_digest(builder)
    stale: dict[str, dict[str, DetailsPage]] = {}
    for docname, page in _owned_pages(app):
        title = app.env.titles.get(docname)
        digest = page_digest(site, page.digest, docname, title.astext() if title else "")
        if not written.is_current(page.page, digest):
            stale.setdefault(docname, {})[page.anchor] = page
    config = PublistConfig.from_sphinx(app.config)
    for docname, pages in stale.items():
        for entry, pending in _entries_of(app, docname, pages):
            yield (entry.page, page_context(builder, config, entry, pending, docname), "page.html")
    written.save()


def details_page_names(app: Sphinx) -> list[str]:
    """Every details page this build has, by page name; the sitemap's list."""
    return sorted(page.page for _, page in _owned_pages(app, report=False))


def lists_of_deleted_pages(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """The documents whose list owns a details page deleted from the output directory.

    Sphinx stops before writing anything when no document is outdated, so a
    deleted page would stay missing: its list is read again, which writes it.
    """
    if not pages_supported(app.builder) or not env.all_docs:
        return []
    written = WrittenPages(cast("StandaloneHTMLBuilder", app.builder))
    return sorted({docname for docname, page in _owned_pages(app) if written.is_gone(page.page)})


def _owned_pages(app: Sphinx, report: bool = True) -> Iterator[tuple[str, DetailsPage]]:
    """Each details page with the document of the list owning it, by document name.

    A page a document's name takes is left out, with a warning if ``report``.
    """
    seen: set[str] = set()
    details = domain_of(app.env).details_documents
    for docname in sorted(details):
        for line, page in details[docname]:
            if page.page in seen:
                continue
            seen.add(page.page)
            if page_available(app.env, page.page):
                yield docname, page
            elif report:
                warn(
                    f"no details page for {page.key!r}: a document is named {page.page!r}",
                    Subtype.DETAILS,
                    (docname, line),
                )


def _entries_of(
    app: Sphinx, docname: str, pages: dict[str, DetailsPage]
) -> Iterator[tuple[EntryDetails, publist_pending]]:
    """The stored details and entry of each of ``pages``, from the document's lists."""
    for root in app.env.get_doctree(docname).findall(publist_list):
        details = list_details(root)
        if details is None:
            continue
        pendings = {pending["ids"][0]: pending for pending in root.findall(publist_pending)}
        for entry in details.pages():
            page = pages.pop(entry.anchor, None)
            if page is not None and page.page == entry.page and entry.anchor in pendings:
                yield entry, pendings[entry.anchor]


def page_context(
    builder: StandaloneHTMLBuilder,
    config: PublistConfig,
    entry: EntryDetails,
    pending: publist_pending,
    docname: str,
) -> dict[str, Any]:
    """The template context of one details page: body, title, metadata, parent.

    ``pending`` is the entry in the stored list: the record it shows, its links,
    and the names of the files Sphinx copied for them.
    """
    publication = cast("Publication", entry.publication)
    extra: EntryExtras = pending["extra"]
    bibtex = entry_to_bibtex(publication, config.bibtex_fields, config.bibtex_exclude)
    list_uri = builder.get_relative_uri(entry.page, docname)
    back_uri = f"{list_uri}#{entry.anchor}"
    section = page_doctree(publication, pending["entry"], extra, bibtex, back_uri)
    copy_download_files(pending, section)
    _rebase_relative_links(section, posixpath.dirname(list_uri))
    body = render_fragment(builder, section, entry.page)
    page_url = _page_url(builder, entry.page)
    record = record_of(publication)
    record = replace(
        record, pdf_url=scholar_pdf_url(builder, record, extra.links, docname, entry.page)
    )
    head = meta_tags_html(highwire_tags(record, page_url))
    head += json_ld_script(json_ld(record, page_url))
    title_node = builder.env.titles.get(docname)
    parent = {
        "link": list_uri,
        "title": html.escape(title_node.astext() if title_node else docname),
    }
    # The heading the page shows, in plain text: the title, or its stand-in.
    title = html.escape(readable(heading(pending["entry"]).text) or publication.key)
    return generated_page(title, body, section, parents=[parent], metatags=head)


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
            rebased = posixpath.normpath(posixpath.join(list_dir, uri))
            # normpath drops a trailing slash, which names a directory's index page.
            reference["refuri"] = rebased + "/" if uri.endswith("/") else rebased


def note_math_for_older_mathjax(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Let MathJax load on a details page with math under Sphinx 7.

    Sphinx 7's mathjax extension asks the math domain whether a page has
    equations, and knows only documents; newer ones read ``has_maths_elements``.
    """
    if doctree is None and context.get("has_maths_elements"):
        app.env.get_domain("math").data.setdefault("has_equations", {})[pagename] = True
