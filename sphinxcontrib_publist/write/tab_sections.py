"""Write stage: outside HTML, tabs that partition a list become one headed section each.

Paper has no tab bar, and a list printed once per tab repeats every entry
listed by several tabs. The read stage chose the tabs worth printing
(``select.tabs.printed_tabs``): those splitting the entries so that each is in
exactly one. Any other tabbed list is printed once, without tab headings.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..nodes.elements import publist_group, publist_list, publist_pending
from ..nodes.registry import NON_HTML_FORMATS


class TabSections(SphinxPostTransform):
    """Move each tab's entries under a rubric naming the tab; controls do not exist here."""

    formats = NON_HTML_FORMATS

    def run(self, **kwargs: Any) -> None:
        """Rewrite every list of the document whose tabs partition its entries."""
        for root in list(self.document.findall(publist_list)):
            if root.get("tab_sections"):
                split_into_tabs(root)


def split_into_tabs(root: publist_list) -> None:
    """Replace ``root``'s groups by one rubric and the matching entries per printed tab."""
    groups = [child for child in root.children if isinstance(child, publist_group)]
    if not groups:
        return
    # What precedes the groups (a download link) stays first, what follows (a legend) last.
    first, last = root.index(groups[0]), root.index(groups[-1])
    sections: list[nodes.Node] = list(root.children[:first])
    for index, label in root["tab_sections"]:
        sections.append(nodes.rubric(label, label, classes=["publist-tab-heading"]))
        copies = (_group_for_tab(group, index) for group in groups)
        sections.extend(copy for copy in copies if copy is not None)
    sections.extend(root.children[last + 1 :])
    root.children = []
    root.extend(sections)


def _group_for_tab(group: publist_group, index: int) -> publist_group | None:
    # Each entry is in one printed tab, so its copy under that tab is its only one.
    copy = group.deepcopy()
    for entry in list(copy.findall(publist_pending)):
        if index not in (entry["extra"].tabs or ()):
            entry.parent.remove(entry)
    return copy if any(True for _ in copy.findall(publist_pending)) else None
