"""The ``publist`` domain: all the extension keeps in the build environment.

Two records per document, each cleared when the document is re-read and merged
from parallel readers: the bib-file problems of the files it loaded, reported
once per build however many pages list a file, and the details pages it gives
entries, with a digest of each, so that writing finds them without a scan and
leaves the unchanged ones alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any, ClassVar, cast

from sphinx.domains import Domain

from .log import warn_diagnostic

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .core.diagnostics import Diagnostic
    from .nodes.details import DetailsPage

ENV_VERSION = 4

# docname -> {load key -> the problems of the files loaded together}
Problems = dict[str, dict[str, tuple["Diagnostic", ...]]]
# docname -> (the list's line, a page it gives an entry), in document order
DetailsPages = dict[str, tuple[tuple[int | None, "DetailsPage"], ...]]


class PublistDomain(Domain):
    """Per-document records of bib-file problems and of details pages."""

    name = "publist"
    label = "Publication lists"
    data_version = ENV_VERSION
    initial_data: ClassVar[dict[str, Any]] = {"details": {}, "problems": {}, "read_now": set()}

    @property
    def details_documents(self) -> DetailsPages:
        """Document name → the details pages its lists give entries, with each list's line."""
        return cast("DetailsPages", self.data["details"])

    @property
    def problems(self) -> Problems:
        """Document name → the problems of each set of files it loaded."""
        return cast("Problems", self.data["problems"])

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
        self.details_documents.pop(docname, None)
        self.problems.pop(docname, None)

    def merge_domaindata(self, docnames: AbstractSet[str], otherdata: dict[str, Any]) -> None:
        """Take the records of documents read by a parallel reader."""
        for name in ("details", "problems"):
            for docname, record in otherdata[name].items():
                if docname in docnames:
                    self.data[name][docname] = record

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


def domain_of(env: BuildEnvironment) -> PublistDomain:
    """The build's ``publist`` domain."""
    return cast("PublistDomain", env.get_domain(PublistDomain.name))


def _note_docs_to_read(app: Sphinx, env: BuildEnvironment, docnames: Iterable[str]) -> None:
    domain_of(env).data["read_now"] = set(docnames)


def _report(app: Sphinx, env: BuildEnvironment) -> None:
    domain_of(env).report_problems()


def register(app: Sphinx) -> None:
    """Add the domain; report the files' problems once every document is read."""
    app.add_domain(PublistDomain)
    app.connect("env-before-read-docs", _note_docs_to_read)
    app.connect("env-updated", _report)
