"""The ``pub`` role: a link to a listed entry, from any page or another project.

``:pub:`key``` (or ``:publist:pub:``, MyST ``{pub}`key```) goes to the entry's
details page when it has one, else to its anchor in a list: the list on the
referring page if that page lists the key, else the first list, by document
name, then in document order. Without an explicit title (``:pub:`text <key>```)
the link shows the entry's short citation ("Swersky et al. 2020").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from .bib.model import Publication
from .core.diagnostics import Subtype
from .core.pickling import pickled_by_fields
from .format.citation import short_citation
from .log import warn
from .nodes import labels
from .nodes.elements import publist_pending

if TYPE_CHECKING:
    from docutils.nodes import system_message
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.domains import Domain

ROLE = "pub"
OBJECT_TYPE = "publication"


@pickled_by_fields
@dataclass(frozen=True)
class ListedEntry:
    """An entry as one list shows it: its key, its anchor there, its short citation."""

    key: str
    anchor: str
    citation: str


@dataclass(frozen=True)
class Target:
    """Where a reference to a key goes: a document (or details page) and an anchor in it."""

    docname: str
    anchor: str
    citation: str


class PubRole(XRefRole):
    """``:pub:`key``` and ``:pub:`text <key>```, in the ``publist`` domain however it is named."""

    def __init__(self) -> None:
        super().__init__(innernodeclass=nodes.inline, warn_dangling=True)

    def run(self) -> tuple[list[nodes.Node], list[system_message]]:
        """Resolve through the ``publist`` domain also when used as plain ``:pub:``."""
        self.name = f"publist:{ROLE}"
        # Noted so that the page is written again when the lists it links to change.
        self.env.get_domain("publist").data["citing"][self.env.docname] = True
        return super().run()


def listed_in(root: nodes.Element, publications: Sequence[Publication]) -> list[ListedEntry]:
    """The entries the list ``root`` shows, each with its anchor there."""
    by_key = {publication.key: publication for publication in publications}
    return [
        ListedEntry(key, pending["ids"][0], short_citation(by_key[key], et_al=labels.et_al()))
        for pending in root.findall(publist_pending)
        if (key := pending["entry"].key) in by_key
    ]


def find_target(
    key: str,
    fromdocname: str,
    listed: Mapping[str, Sequence[ListedEntry]],
    details_page: str | None,
) -> Target | None:
    """Where ``key`` is linked from ``fromdocname``; None if no list shows it."""
    shown = [(docname, entry) for docname, entry in all_entries(listed) if entry.key == key]
    if not shown:
        return None
    docname, entry = next(((name, entry) for name, entry in shown if name == fromdocname), shown[0])
    if details_page:
        return Target(details_page, "", entry.citation)
    return Target(docname, entry.anchor, entry.citation)


def all_entries(listed: Mapping[str, Sequence[ListedEntry]]) -> Iterator[tuple[str, ListedEntry]]:
    """Every listed entry with its document, by document name, then in document order."""
    for docname in sorted(listed):
        for entry in listed[docname]:
            yield docname, entry


def reference_node(
    builder: Builder,
    fromdocname: str,
    target: Target,
    node: pending_xref,
    contnode: nodes.Element,
) -> nodes.reference:
    """The link to ``target``, showing the explicit title or else the short citation."""
    shown: nodes.Node = contnode
    if not node.get("refexplicit"):
        shown = nodes.inline(target.citation, target.citation, classes=contnode["classes"])
    return make_refnode(builder, fromdocname, target.docname, target.anchor, shown, target.citation)


def warn_unknown_key(app: Sphinx, domain: Domain | None, node: pending_xref) -> bool | None:
    """One ``publist.ref`` warning at the role for a key no list shows (nor an inventory)."""
    if domain is None or domain.name != "publist":
        return None
    warn(
        f"no publication list shows the key {node['reftarget']!r}; the reference is not linked",
        Subtype.REF,
        node,
    )
    return True
