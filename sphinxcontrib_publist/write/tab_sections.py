"""Node layer: outside HTML, a tabbed list becomes one headed section per tab."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..nodes import labels
from ..nodes.elements import publist_group, publist_list, publist_pending
from ..nodes.registry import NON_HTML_FORMATS


class TabSections(SphinxPostTransform):
    """Copy each tab's entries under a rubric naming the tab; controls do not exist here."""

    formats = NON_HTML_FORMATS

    def run(self, **kwargs: Any) -> None:
        """Rewrite every tabbed list of the document."""
        for root in list(self.document.findall(publist_list)):
            if root.get("tab_labels"):
                split_into_tabs(root)


def split_into_tabs(root: publist_list) -> None:
    """Replace ``root``'s groups by one rubric and the matching entries per tab."""
    groups = [child for child in root.children if isinstance(child, publist_group)]
    # What precedes the groups (a download link) stays first.
    sections: list[nodes.Node] = [child for child in root.children if child not in groups]
    seen_ids: set[str] = set()
    for index, label in enumerate(root["tab_labels"]):
        sections.append(nodes.rubric(label, label, classes=["publist-tab-heading"]))
        copies = [_group_for_tab(group, index) for group in groups]
        kept = [copy for copy in copies if copy is not None]
        for copy in kept:
            _drop_repeated_ids(copy, seen_ids)
        sections.extend(kept)
        if not kept:
            empty = labels.no_publications()
            sections.append(nodes.paragraph(empty, empty, classes=["publist-empty"]))
    root.children = []
    root.extend(sections)


def _group_for_tab(group: publist_group, index: int) -> publist_group | None:
    copy = group.deepcopy()
    for entry in list(copy.findall(publist_pending)):
        if index not in (entry["extra"].tabs or ()):
            entry.parent.remove(entry)
    return copy if any(True for _ in copy.findall(publist_pending)) else None


def _drop_repeated_ids(tree: nodes.Element, seen: set[str]) -> None:
    # An entry listed under several tabs keeps its anchor at its first appearance.
    for node in tree.findall(nodes.Element):
        repeated = [name for name in node["ids"] if name in seen]
        seen.update(node["ids"])
        for name in repeated:
            node["ids"].remove(name)
