"""Write stage: the Atom feed of a list with ``:feed: N``, beside its export files.

Atom ids and links must be absolute, so feeds need ``html_baseurl``; without
it the list gets no feed and one ``publist.config`` warning, at the list.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING

from ..bib.model import Publication
from ..core.diagnostics import Subtype
from ..format.atom import FeedInfo, atom_feed, newest
from ..log import warn
from ..nodes.details import list_details
from ..nodes.elements import publist_list, publist_pending
from ..nodes.list import EXPORTS_ATTRIBUTE
from .files import write_if_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx

MEDIA_TYPE = "application/atom+xml"


def feed_name(docname: str, number: int) -> str:
    """The feed of the ``number``-th list of ``docname``, relative to the output."""
    return f"_publist/{docname}-{number}.atom"


def write_feed(app: Sphinx, root: publist_list, owner: str, number: int) -> tuple[str, str] | None:
    """Write the list's feed if it asks for one; its file name and title."""
    size = root.get("feed")
    if not size:
        return None
    baseurl = app.config.html_baseurl
    if not baseurl:
        warn(
            ":feed: needs html_baseurl in conf.py: Atom links are absolute; no feed is written",
            Subtype.CONFIG,
            root,
        )
        return None
    name = feed_name(owner, number)
    page_url = absolute(baseurl, app.builder.get_target_uri(owner))
    title_node = app.env.titles.get(owner)
    title = title_node.astext() if title_node else owner
    author = app.config.author or app.config.project or title
    info = FeedInfo(absolute(baseurl, name), page_url, title, author)
    links = _entry_urls(app, root, baseurl, page_url)
    chosen = newest(root[EXPORTS_ATTRIBUTE], size)
    text = atom_feed(info, chosen, lambda publication: links[publication.key])
    write_if_changed(Path(app.outdir) / name, text)
    return name, title


def absolute(baseurl: str, target: str) -> str:
    """``target``, relative to the output, as an absolute URL under ``baseurl``."""
    return posixpath.join(baseurl.rstrip("/") + "/", target)


def _entry_urls(app: Sphinx, root: publist_list, baseurl: str, page_url: str) -> dict[str, str]:
    """Each entry's URL: its details page where it has one, else its anchor in the list."""
    anchors = {pending["entry"].key: pending["ids"][0] for pending in root.findall(publist_pending)}
    urls = {key: f"{page_url}#{anchor}" for key, anchor in anchors.items()}
    details = list_details(root)
    for entry in details.pages() if details else ():
        publication: Publication | None = entry.publication
        if publication is not None:
            urls[publication.key] = absolute(baseurl, app.builder.get_target_uri(entry.page))
    return urls
