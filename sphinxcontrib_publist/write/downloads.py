"""Write stage: each list's "Download .bib" file, written next to the HTML pages.

The directive stores the list's BibTeX on a ``publist_download`` node in the
doctree; when a page is written the node becomes a link and the file is written
under ``_publist/``. Each page writes only its own files, so parallel and
incremental builds need no shared state.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.util.osutil import relative_uri

from ..nodes import labels
from ..nodes.elements import publist_download

if TYPE_CHECKING:
    from sphinx.application import Sphinx

DOWNLOAD_DIR = "_publist"


def download_name(docname: str, number: int) -> str:
    """The file of the ``number``-th list (from 1) of ``docname``, relative to the output."""
    return f"{DOWNLOAD_DIR}/{docname}-{number}.bib"


def _offers_downloads(app: Sphinx) -> bool:
    # ePub and other HTML-like builders without downloads would have to package
    # a file type they do not know.
    return app.builder.format == "html" and bool(getattr(app.builder, "download_support", False))


def resolve_downloads(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Write each list's file and link it, or drop the placeholder where files cannot go."""
    counts: dict[str, int] = {}
    for node in list(doctree.findall(publist_download)):
        if not _offers_downloads(app):
            node.parent.remove(node)
            continue
        owner = node["docname"]
        counts[owner] = counts.get(owner, 0) + 1
        name = download_name(owner, counts[owner])
        _write_if_changed(Path(app.outdir) / name, node["bibtex"])
        uri = relative_uri(app.builder.get_target_uri(docname), name)
        label = labels.download_bib()
        # A download reference: Sphinx writes it with the ``download`` attribute,
        # so the browser saves the file instead of showing it as text.
        link = addnodes.download_reference("", label, refuri=uri, classes=["publist-download-link"])
        node.replace_self(nodes.paragraph("", "", link, classes=["publist-download"]))


def _write_if_changed(path: Path, text: str) -> None:
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    os.makedirs(path.parent, exist_ok=True)
    path.write_text(text, encoding="utf-8")
