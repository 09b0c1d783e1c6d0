"""Write stage: the details pages in a sitemap, so that search engines find every paper.

Google Scholar finds papers through pages of their own. When sphinx-sitemap
is loaded it writes the site's sitemap and the details pages join its list;
otherwise ``sitemap.xml`` lists them alone. A sitemap's URLs are absolute,
hence ``html_baseurl``: without it, one ``publist.config`` warning, no sitemap.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast
from xml.etree import ElementTree as ET

from ..core.diagnostics import Subtype
from ..environment import pages_supported
from ..log import warn
from .details_pages import details_page_names
from .feeds import absolute
from .files import write_if_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP_NAME = "sitemap.xml"
SPHINX_SITEMAP = "sphinx_sitemap"


def sitemap_urls(builder: StandaloneHTMLBuilder, pages: list[str]) -> list[str]:
    """Each page's URL relative to the output, as the builder links it."""
    return [builder.get_target_uri(page) for page in pages]


def add_details_pages(app: Sphinx, exception: BaseException | None) -> None:
    """Put every details page in the sitemap: sphinx-sitemap's, or ``sitemap.xml``."""
    if exception is not None or not pages_supported(app.builder):
        return
    pages = details_page_names(app)
    if not pages:
        return
    links = sitemap_urls(cast("StandaloneHTMLBuilder", app.builder), pages)
    if SPHINX_SITEMAP in app.extensions:
        _add_to_sphinx_sitemap(app, links)
        return
    baseurl = app.config.html_baseurl
    if not baseurl:
        warn(
            "details pages get no sitemap.xml without html_baseurl in conf.py: "
            "a sitemap's URLs are absolute",
            Subtype.CONFIG,
            None,
        )
        return
    write_if_changed(Path(app.outdir) / SITEMAP_NAME, sitemap_xml(baseurl, links))


def sitemap_xml(baseurl: str, links: list[str]) -> str:
    """A sitemap of ``links`` (relative to the output) under ``baseurl``."""
    urlset = ET.Element("urlset", xmlns=SITEMAP_NS)
    for link in links:
        ET.SubElement(ET.SubElement(urlset, "url"), "loc").text = absolute(baseurl, link)
    ET.indent(urlset)
    body = ET.tostring(urlset, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'


def _add_to_sphinx_sitemap(app: Sphinx, links: list[str]) -> None:
    """Add the pages sphinx-sitemap has not seen to the links it collects.

    It notes each page it sees written; details pages unchanged since the last
    build are not written again, so they are added here, each link once.
    """
    collected = getattr(app, "sitemap_links", None)
    if collected is None:
        return
    seen: list[tuple[str, object]] = []
    # Only this process reads the queue once pages are written.
    while not collected.empty():
        seen.append(collected.get())
    known = {link for link, _ in seen}
    seen.extend((link, None) for link in links if link not in known)
    for item in seen:
        collected.put(item)
