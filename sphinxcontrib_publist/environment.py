"""The ``publist`` domain: all the extension keeps in the build environment.

Four records per document, each cleared when the document is re-read and merged
from parallel readers: the bib-file problems of the files it loaded, reported
once per build however many pages list a file; the details pages it gives
entries, with a digest of each, so that writing finds them without a scan and
leaves the unchanged ones alone; the entries its lists show, with their
anchors, which the ``pub`` role and the intersphinx inventory link to; and
whether it holds ``pub`` references, which are written again when a list was
read again. Per build, not per document: the documents being read, and where
the members' names link from them (``people.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any, ClassVar, cast

from sphinx.domains import Domain, ObjType

from .log import warn_diagnostic
from .role import (
    OBJECT_TYPE,
    ROLE,
    ListedEntry,
    PubRole,
    Target,
    find_target,
    reference_node,
    warn_unknown_key,
)
from .role import all_entries as listed_entries

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from .core.diagnostics import Diagnostic
    from .nodes.details import DetailsPage

ENV_VERSION = 5

# docname -> {load key -> the problems of the files loaded together}
Problems = dict[str, dict[str, tuple["Diagnostic", ...]]]
# docname -> (the list's line, a page it gives an entry), in document order
DetailsPages = dict[str, tuple[tuple[int | None, "DetailsPage"], ...]]
# docname -> the entries its lists show, in document order
Listed = dict[str, tuple[ListedEntry, ...]]
RECORDS = ("details", "problems", "listed", "citing")


class PublistDomain(Domain):
    """Per-document records of bib-file problems, details pages and listed entries."""

    name = "publist"
    label = "Publication lists"
    data_version = ENV_VERSION
    object_types: ClassVar[dict[str, ObjType]] = {OBJECT_TYPE: ObjType(OBJECT_TYPE, ROLE)}
    roles: ClassVar[dict[str, Any]] = {ROLE: PubRole()}
    initial_data: ClassVar[dict[str, Any]] = {
        "details": {},
        "problems": {},
        "listed": {},
        "citing": {},
        "lists_changed": False,
        "read_now": set(),
    }

    @property
    def details_documents(self) -> DetailsPages:
        """Document name → the details pages its lists give entries, with each list's line."""
        return cast("DetailsPages", self.data["details"])

    @property
    def problems(self) -> Problems:
        """Document name → the problems of each set of files it loaded."""
        return cast("Problems", self.data["problems"])

    @property
    def listed(self) -> Listed:
        """Document name → the entries its lists show, in document order."""
        return cast("Listed", self.data["listed"])

    def note_listed(self, docname: str, entries: Iterable[ListedEntry]) -> None:
        """Record that a list of ``docname`` shows these entries."""
        self.listed[docname] = (*self.listed.get(docname, ()), *entries)
        self.data["lists_changed"] = True

    def pages_to_rewrite(self) -> list[str]:
        """The documents with ``pub`` references, if this build read a list: their targets moved."""
        changed, self.data["lists_changed"] = self.data["lists_changed"], False
        return sorted(self.data["citing"]) if changed else []

    def note_details(self, docname: str, line: int | None, pages: Iterable[DetailsPage]) -> None:
        """Record that a list of ``docname``, at ``line``, gives entries these details pages."""
        listed = tuple((line, page) for page in pages)
        self.details_documents[docname] = (*self.details_documents.get(docname, ()), *listed)

    def note_problems(self, docname: str, load_key: str, diagnostics: Sequence[Diagnostic]) -> None:
        """Record that ``docname`` loaded files (``load_key``) with these problems."""
        if diagnostics:
            self.problems.setdefault(docname, {})[load_key] = tuple(diagnostics)

    def clear_doc(self, docname: str) -> None:
        """Forget a document being re-read or removed."""
        if docname in self.listed:
            self.data["lists_changed"] = True
        for name in RECORDS:
            self.data[name].pop(docname, None)

    def merge_domaindata(self, docnames: AbstractSet[str], otherdata: dict[str, Any]) -> None:
        """Take the records of documents read by a parallel reader."""
        for name in RECORDS:
            for docname, record in otherdata[name].items():
                if docname in docnames:
                    self.data[name][docname] = record
        if otherdata["lists_changed"]:
            self.data["lists_changed"] = True

    def details_page(self, key: str) -> str | None:
        """The one details page of ``key``, if a list gives it one and no document has its name."""
        return self.details_pages_by_key().get(key)

    def details_pages_by_key(self) -> dict[str, str]:
        """Key → its one details page, the first list by document name owning it."""
        pages: dict[str, str] = {}
        for docname in sorted(self.details_documents):
            for _, page in self.details_documents[docname]:
                if page.key not in pages and page_available(self.env, page.page):
                    pages[page.key] = page.page
        return pages

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        """Link ``:pub:`key``` to the entry's details page or its anchor in a list."""
        found = self._target(target, fromdocname, builder)
        return (
            None if found is None else reference_node(builder, fromdocname, found, node, contnode)
        )

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        """``:any:`key``` finds listed entries too."""
        found = self._target(target, fromdocname, builder)
        if found is None:
            return []
        return [
            (f"{self.name}:{ROLE}", reference_node(builder, fromdocname, found, node, contnode))
        ]

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        """Each listed key once, where the role links it, for the intersphinx inventory."""
        seen: set[str] = set()
        pages = self.details_pages_by_key()
        for docname, entry in listed_entries(self.listed):
            if entry.key not in seen:
                seen.add(entry.key)
                page = pages.get(entry.key)
                where = (page, "") if page else (docname, entry.anchor)
                yield (entry.key, entry.citation, OBJECT_TYPE, *where, 1)

    def _target(self, key: str, fromdocname: str, builder: Builder) -> Target | None:
        page = self.details_page(key) if pages_supported(builder) else None
        return find_target(key, fromdocname, self.listed, page)

    def report_problems(self) -> None:
        """Warn once about each problem of the files that this build's documents loaded."""
        read_now: set[str] = self.data["read_now"]
        # By diagnostic, not by load: pages listing "a.bib" and "a.bib b.bib" share a.bib's.
        reported: set[Diagnostic] = set()
        for docname in sorted(read_now & self.problems.keys()):
            for diagnostics in self.problems[docname].values():
                for diagnostic in diagnostics:
                    if diagnostic not in reported:
                        reported.add(diagnostic)
                        warn_diagnostic(diagnostic, docname)
        self.data["read_now"] = set()


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


def domain_of(env: BuildEnvironment) -> PublistDomain:
    """The build's ``publist`` domain."""
    return cast("PublistDomain", env.get_domain(PublistDomain.name))


def _note_docs_to_read(app: Sphinx, env: BuildEnvironment, docnames: Iterable[str]) -> None:
    domain_of(env).data["read_now"] = set(docnames)


def _report(app: Sphinx, env: BuildEnvironment) -> None:
    domain_of(env).report_problems()


def _rewrite_citing_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    return domain_of(env).pages_to_rewrite()


def register(app: Sphinx) -> None:
    """Add the domain and the ``pub`` role; report the files' problems once every document is read."""
    app.add_domain(PublistDomain)
    # Plain ``:pub:`` too, without the domain's prefix or making it the primary domain.
    app.add_role(ROLE, PubRole())
    app.connect("env-before-read-docs", _note_docs_to_read)
    app.connect("env-updated", _report)
    app.connect("warn-missing-reference", warn_unknown_key)
    app.connect("env-get-updated", _rewrite_citing_pages)
