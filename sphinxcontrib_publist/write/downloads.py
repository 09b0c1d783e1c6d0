"""Write stage: each list's export files and "Download" control, and the page's head links.

The directive stores each list's entries on its ``publist_list`` node. When a
page is written its files are written under ``_publist/``: per list
``<page>-<n>.<suffix>`` for the visible control (``:download-bib:``), and
per page ``<page>-all.<suffix>`` with every entry the page lists, each key
once, linked from the head as ``<link rel="alternate">`` so that a reference
manager's browser connector offers the whole page in one click. Each page
writes only its own files, so parallel and incremental builds need no shared state.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util.osutil import relative_uri

from ..bib.model import Publication
from ..config import PublistConfig
from ..format.exports import EXPORT_FORMATS, ExportSettings, export_files, unique_entries
from ..nodes import labels
from ..nodes.elements import publist_download, publist_list
from ..nodes.list import EXPORTS_ATTRIBUTE
from . import feeds
from .files import write_if_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx

DOWNLOAD_DIR = "_publist"
HEAD_LINKS = "publist_head_links"
# (type, href, title) of one <link rel="alternate">.
HeadLink = tuple[str, str, str]


def download_name(docname: str, number: int, suffix: str = ".bib") -> str:
    """The file of the ``number``-th list (from 1) of ``docname``, relative to the output."""
    return f"{DOWNLOAD_DIR}/{docname}-{number}{suffix}"


def page_file_name(docname: str, suffix: str) -> str:
    """The file with every entry ``docname`` lists; no list's number is ever "all"."""
    return f"{DOWNLOAD_DIR}/{docname}-all{suffix}"


def offers_downloads(app: Sphinx) -> bool:
    """Whether the builder writes pages that can link files beside them."""
    # ePub and other HTML-like builders without downloads would have to package
    # a file type they do not know.
    return app.builder.format == "html" and bool(getattr(app.builder, "download_support", False))


def export_settings(app: Sphinx) -> ExportSettings:
    """What the exports keep, from the configuration."""
    config = PublistConfig.from_sphinx(app.config)
    return ExportSettings(config.bibtex_fields, config.bibtex_exclude, tuple(config.link_fields))


def numbered_lists(
    app: Sphinx, doctree: nodes.Node, docname: str
) -> Iterator[tuple[str, int, publist_list]]:
    """Each list with entries, with its owner document and its number there (from 1).

    The owner is the document the list was written in, which differs from
    ``docname`` where one page holds several documents (``singlehtml``).
    """
    counts: dict[str, int] = {}
    for root in doctree.findall(publist_list):
        if not root.get(EXPORTS_ATTRIBUTE):
            continue
        owner = (app.env.path2doc(root.source) if root.source else None) or docname
        counts[owner] = counts.get(owner, 0) + 1
        yield owner, counts[owner], root


def resolve_downloads(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Write the page's export files, link them from its head, and fill each control."""
    if not offers_downloads(app):
        for node in list(doctree.findall(publist_download)):
            node.parent.remove(node)
        return
    settings = export_settings(app)
    page_uri = app.builder.get_target_uri(docname)
    lists: list[Sequence[Publication]] = []
    head: list[HeadLink] = []
    for owner, number, root in numbered_lists(app, doctree, docname):
        lists.append(root[EXPORTS_ATTRIBUTE])
        for node in list(root.findall(publist_download)):
            names = _write_all(app, root[EXPORTS_ATTRIBUTE], settings, owner, number)
            node.replace_self(download_control([relative_uri(page_uri, name) for name in names]))
        feed = feeds.write_feed(app, root, owner, number)
        if feed is not None:
            head.append((feeds.MEDIA_TYPE, relative_uri(page_uri, feed[0]), feed[1]))
    if lists:
        entries = unique_entries(lists)
        names = _write_all(app, entries, settings, docname, None)
        links = [
            (export.media_type, relative_uri(page_uri, name), export.name)
            for export, name in zip(EXPORT_FORMATS, names, strict=True)
        ]
        head[:0] = links
    if head:
        doctree[HEAD_LINKS] = head


def _write_all(
    app: Sphinx,
    publications: Sequence[Publication],
    settings: ExportSettings,
    docname: str,
    number: int | None,
) -> list[str]:
    """Write every format's file; their names, relative to the output, in format order."""
    names = []
    for export, text in export_files(publications, settings).items():
        name = (
            page_file_name(docname, export.suffix)
            if number is None
            else download_name(docname, number, export.suffix)
        )
        write_if_changed(Path(app.outdir) / name, text)
        names.append(name)
    return names


def download_control(uris: Sequence[str]) -> nodes.paragraph:
    """The control "Download: BibTeX · RIS · CSL-JSON", each a link to the list's file."""
    label = labels.download_label()
    control = nodes.paragraph("", "", classes=["publist-download"])
    control += nodes.inline(label, label, classes=["publist-download-label"])
    for index, (export, uri) in enumerate(zip(EXPORT_FORMATS, uris, strict=True)):
        control += nodes.Text(" " if index == 0 else " · ")
        # A download reference: Sphinx writes it with the ``download`` attribute,
        # so the browser saves the file instead of showing it as text.
        control += addnodes.download_reference(
            "",
            export.name,
            refuri=uri,
            classes=["publist-download-link", f"publist-download-{export.suffix[1:]}"],
        )
    return control


def add_head_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Add the page's ``<link rel="alternate">`` elements to the head's metadata."""
    links = doctree.get(HEAD_LINKS) if isinstance(doctree, nodes.document) else None
    if not links:
        return
    markup = "".join(
        f'<link rel="alternate" type="{media}" href="{escape(href)}" title="{escape(title)}" />\n'
        for media, href, title in links
    )
    context["metatags"] = context.get("metatags", "") + markup
