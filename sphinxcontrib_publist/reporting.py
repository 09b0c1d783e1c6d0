"""Bib file diagnostics: noted per document while reading, warned once per build.

A bib file listed on several pages is read by every page, and under ``-j`` by
several processes, each with its own parse cache; warning as each page reads it
would repeat the same warning once per page or per process. So pages note their
files' located diagnostics in this domain's data, which Sphinx merges from the
reading processes, and the main process warns once for the lot when reading ends.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any

from sphinx.domains import Domain

from ._log import warn_diagnostic
from .diagnostics import Diagnostic

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

Location = str | tuple[str, int | None] | None


class PublistDomain(Domain):
    """Holds, per document read in this build, the diagnostics of its bib files."""

    name = "publist"
    label = "Publication lists"
    data_version = 1
    initial_data = {"pending": {}}  # noqa: RUF012 (declared mutable by Domain)

    @property
    def pending(self) -> dict[str, tuple[Diagnostic, ...]]:
        """Diagnostics not yet warned about, by the document that noted them."""
        pending: dict[str, tuple[Diagnostic, ...]] = self.data.setdefault("pending", {})
        return pending

    def clear_doc(self, docname: str) -> None:
        """Forget what a document noted: it is about to be read again or is gone."""
        self.pending.pop(docname, None)

    def merge_domaindata(self, docnames: AbstractSet[str], otherdata: dict[str, Any]) -> None:
        """Take over what a parallel reading process noted."""
        for docname in docnames:
            if docname in otherdata["pending"]:
                self.pending[docname] = otherdata["pending"][docname]

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        """Nothing: the domain has no cross-reference targets."""
        return []


def report_diagnostics(
    env: BuildEnvironment, diagnostics: Iterable[Diagnostic], location: Location
) -> None:
    """Warn now about directive-level problems; note bib-located ones for the build's end."""
    located = []
    for diagnostic in diagnostics:
        if diagnostic.source:
            located.append(diagnostic)
        else:
            warn_diagnostic(diagnostic, location)
    if located:
        domain = _domain(env)
        domain.pending[env.docname] = domain.pending.get(env.docname, ()) + tuple(located)


def warn_pending(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Warn once about each noted diagnostic, in file and line order."""
    domain = _domain(env)
    unique = {diagnostic for noted in domain.pending.values() for diagnostic in noted}
    for diagnostic in sorted(unique, key=_order):
        warn_diagnostic(diagnostic, None)
    domain.pending.clear()
    return []


def _order(diagnostic: Diagnostic) -> tuple[str, int, str, str]:
    return (
        diagnostic.source or "",
        diagnostic.line or 0,
        diagnostic.subtype.value,
        diagnostic.message,
    )


def _domain(env: BuildEnvironment) -> PublistDomain:
    domain = env.get_domain(PublistDomain.name)
    assert isinstance(domain, PublistDomain)
    return domain


def register(app: Sphinx) -> None:
    """Add the domain and warn when reading ends."""
    app.add_domain(PublistDomain)
    app.connect("env-updated", warn_pending)
