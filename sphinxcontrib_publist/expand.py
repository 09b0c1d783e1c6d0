"""Write-time expansion of formatted entries into ordinary doctree nodes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.transforms.post_transforms import SphinxPostTransform

from .entry_parts import copy_download_files
from .nodes import publist_pending
from .render import render_entry

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class ExpandEntries(SphinxPostTransform):
    """Replace each pending entry by its nodes, for every builder.

    It runs after Sphinx's own post-transforms, so they walk the small tree;
    the writer, the search indexer and later handlers see the full one.
    """

    default_priority = 900

    def run(self, **kwargs: Any) -> None:
        """Expand every pending entry of the document."""
        for pending in list(self.document.findall(publist_pending)):
            entry = render_entry(pending["entry"], pending["extra"], pending["abstracts"])
            copy_download_files(pending, entry)
            pending.replace_self(entry)


def register(app: Sphinx) -> None:
    """Add the post-transform."""
    app.add_post_transform(ExpandEntries)
