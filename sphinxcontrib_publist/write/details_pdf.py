"""Details pages: the ``citation_pdf_url`` Google Scholar accepts.

Scholar reads the PDF only from the host of the page that names it, so a PDF
elsewhere gets no tag, and a PDF in the site's sources is copied next to the
details page (``publications/<key>.pdf``) and named from there.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Sequence
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sphinx.util.osutil import copyfile

from ..format.scholar import ScholarRecord
from ..nodes.entry_parts import RenderedLink

if TYPE_CHECKING:
    from sphinx.builders.html import StandaloneHTMLBuilder


def scholar_pdf_url(
    builder: StandaloneHTMLBuilder,
    record: ScholarRecord,
    links: Sequence[RenderedLink],
    list_docname: str,
    page: str,
) -> str:
    """The page's ``citation_pdf_url``, or "" where Scholar would not accept one."""
    local = next((link for link in links if link.kind == "pdf" and link.download), None)
    if local is not None:
        copied = _copy_next_to_page(builder, local.url, list_docname, page)
        if copied:
            return copied
    baseurl = builder.config.html_baseurl
    if record.pdf_url and baseurl and same_host(record.pdf_url, baseurl):
        return record.pdf_url
    return ""


def same_host(url: str, baseurl: str) -> bool:
    """Whether ``url`` lies on the host of ``baseurl``."""
    host = urlsplit(url).hostname
    return host is not None and host == urlsplit(baseurl).hostname


def _copy_next_to_page(
    builder: StandaloneHTMLBuilder, target: str, list_docname: str, page: str
) -> str:
    """Copy the list's local PDF beside the page; its URL (absolute with ``html_baseurl``)."""
    _, source = builder.env.relfn2path(target, list_docname)
    if not os.path.isfile(source):
        return ""
    name = f"{posixpath.basename(page)}.pdf"
    folder = os.path.dirname(builder.get_outfilename(page))
    # The page itself is written after its context is made.
    os.makedirs(folder, exist_ok=True)
    copyfile(source, os.path.join(folder, name))
    baseurl = builder.config.html_baseurl
    if not baseurl:
        # The page's own folder: dirhtml's pages are folders of their own.
        return name
    location = posixpath.join(posixpath.dirname(builder.get_target_uri(page)), name)
    return posixpath.join(baseurl.rstrip("/") + "/", location)
