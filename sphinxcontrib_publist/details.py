"""Details links: COinS spans and "View details" links, added per builder at write time.

At read time the directive records on each list node, as picklable data, what
its entries need (``ListDetails``); with ``:details: pages`` that includes each
entry's publication, which ``pages.py`` renders as a page of its own. The
``publist`` domain remembers which documents have such lists. At write time,
``note_details_links`` tells each entry its links for the current builder, and
``add_details`` adds them when the entry is expanded.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx.domains import Domain

from .bib.model import Publication
from .bib.names import NameFormat
from .core.pickling import pickled_by_fields
from .format.scholar import coins, record_of
from .nodes.elements import publist_list, publist_pending
from .nodes.pending import LINKS_ATTRIBUTE, EntryLinks

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

DETAILS_ATTRIBUTE = "publist_details"
SAFE_PAGE_CHARS = re.compile(r"[^A-Za-z0-9_-]")


@pickled_by_fields
@dataclass(frozen=True)
class EntryDetails:
    """One entry's details: where its link goes and its COinS ContextObject.

    ``publication`` is kept only when the entry has a page, which is built from it.
    """

    anchor: str
    coins: str
    fallback: str = ""
    page: str = ""
    publication: Publication | None = None


@dataclass(frozen=True)
class ListDetails:
    """What a list's entries get at write time; stored on the list node."""

    mode: str
    name_format: NameFormat
    entries: tuple[EntryDetails, ...]
    highlight: tuple[str, ...] = ()

    def pages(self) -> Iterator[EntryDetails]:
        """The entries that have a details page."""
        return (entry for entry in self.entries if entry.page and entry.publication)


class PublistDomain(Domain):
    """The documents whose lists have details pages, so writing finds them without a scan."""

    name = "publist"
    label = "Publication lists"
    data_version = 1
    initial_data: ClassVar[dict[str, Any]] = {"details": {}}

    @property
    def details_documents(self) -> dict[str, tuple[str, ...]]:
        """Document name → keys of the entries it has details pages for."""
        return cast("dict[str, tuple[str, ...]]", self.data["details"])

    def note_details(self, docname: str, keys: Iterable[str]) -> None:
        """Record that ``docname`` lists ``keys`` with details pages."""
        self.details_documents[docname] = (*self.details_documents.get(docname, ()), *keys)

    def clear_doc(self, docname: str) -> None:
        """Forget a document being re-read or removed."""
        self.details_documents.pop(docname, None)

    def merge_domaindata(self, docnames: AbstractSet[str], otherdata: dict[str, Any]) -> None:
        """Take the records of documents read by a parallel reader."""
        for docname, keys in otherdata["details"].items():
            if docname in docnames:
                self.details_documents[docname] = keys


def page_name(details_dir: str, key: str) -> str:
    """The stable page name of a key's details page: readable, and unique per key."""
    slug = SAFE_PAGE_CHARS.sub("-", key)
    if slug != key or not slug:
        # Replaced characters could make two keys collide; a digest keeps them apart.
        slug = f"{slug}-{hashlib.sha1(key.encode()).hexdigest()[:8]}"
    return f"{details_dir}/{slug}"


def record_details(
    root: publist_list,
    publications: dict[str, Publication],
    mode: str,
    details_dir: str,
    name_format: NameFormat,
    highlight: tuple[str, ...] = (),
) -> list[str]:
    """Store the list's ``ListDetails`` on ``root``; return the keys given pages."""
    entries = []
    has_page = mode == "pages"
    for pending in root.findall(publist_pending):
        publication = publications[pending["entry"].key]
        entries.append(
            EntryDetails(
                anchor=pending["ids"][0],
                coins=coins(record_of(publication, with_abstract=False)),
                fallback=publication.url or "",
                page=page_name(details_dir, publication.key) if has_page else "",
                publication=publication if has_page else None,
            )
        )
    details = ListDetails(mode, name_format, tuple(entries), highlight)
    root[DETAILS_ATTRIBUTE] = details
    return [entry.publication.key for entry in details.pages() if entry.publication]


def list_details(root: nodes.Element) -> ListDetails | None:
    """The ``ListDetails`` stored on a list node, if any."""
    return cast("ListDetails | None", root.get(DETAILS_ATTRIBUTE))


def pages_supported(builder: Builder) -> bool:
    """Whether ``builder`` writes details pages; others fall back to ``link``."""
    from sphinx.builders._epub_base import EpubBuilder
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.builders.singlehtml import SingleFileHTMLBuilder

    # One-file and e-book outputs have nowhere to put (or no spine entry for) extra pages.
    return isinstance(builder, StandaloneHTMLBuilder) and not isinstance(
        builder, (SingleFileHTMLBuilder, EpubBuilder)
    )


def page_available(env: BuildEnvironment, page: str) -> bool:
    """A details page may be written unless a real document has its name."""
    return bool(page) and page not in env.all_docs


def note_details_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Tell each pending entry its "View details" link and COinS, in HTML only.

    It runs before the entries are expanded (``expand.py``), which calls
    ``add_details`` on each one.
    """
    for root in doctree.findall(publist_list):
        details = list_details(root)
        if details is None:
            continue
        # The data has served once written; writers must not serialise it.
        del root[DETAILS_ATTRIBUTE]
        if app.builder.format == "html":
            _note_on_entries(app, root, details, docname)


def _note_on_entries(app: Sphinx, root: publist_list, details: ListDetails, docname: str) -> None:
    pages = pages_supported(app.builder)
    by_anchor = {entry.anchor: entry for entry in details.entries}
    for pending in root.findall(publist_pending):
        entry = by_anchor.get(pending["ids"][0])
        if entry is None:
            continue
        page = entry.page if pages and page_available(app.env, entry.page) else ""
        target = app.builder.get_relative_uri(docname, page) if page else entry.fallback
        show_link = details.mode != "none" and bool(target)
        pending[LINKS_ATTRIBUTE] = EntryLinks(target, bool(page), show_link, entry.coins)


def register(app: Sphinx) -> None:
    """Add the COinS node, the domain and the write-time links."""
    app.add_domain(PublistDomain)
    # Before expand.py's handler (600) turns entries into nodes for some builders.
    app.connect("doctree-resolved", note_details_links, priority=400)
