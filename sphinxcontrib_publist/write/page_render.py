"""Rendering a doctree that is no document into an HTML page's body.

Details pages exist only in the output, so Sphinx's ``write_doc`` (which reads
a document's title, TOC and numbering from the environment) cannot write them.
``render_partial`` renders any doctree, but its translator takes some paths
from the builder's per-page state, which ``write_doc`` sets for a document:
images (``imgpath``), downloads (``dlpath``), section and figure numbers and
the current document name. This is the one place that sets that state, for
every supported Sphinx (7.3 to 9), and puts it back afterwards; the details
page tests check that images, downloads and math links resolve on a page.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.osutil import relative_uri

if TYPE_CHECKING:
    from sphinx.builders.html import StandaloneHTMLBuilder

PER_PAGE_STATE = ("secnumbers", "fignumbers", "imgpath", "dlpath", "current_docname")


def render_fragment(builder: StandaloneHTMLBuilder, tree: nodes.Node, page: str) -> str:
    """The HTML of ``tree`` as the body of ``page``, its links relative to that page."""
    with _writing(builder, page):
        return str(builder.render_partial(tree)["fragment"])


def generated_page(
    title: str,
    body: str,
    tree: nodes.Node,
    parents: Sequence[dict[str, str]] = (),
    metatags: str = "",
) -> dict[str, Any]:
    """The template context of a page that is no document: no TOC, no source, MathJax if needed."""
    return {
        "title": title,
        "body": body,
        "metatags": metatags,
        "parents": list(parents),
        "display_toc": False,
        "toc": "",
        "sourcename": "",
        "has_maths_elements": next(tree.findall(nodes.math), None) is not None,
    }


@contextmanager
def _writing(builder: StandaloneHTMLBuilder, page: str) -> Iterator[None]:
    """Give the translator the per-page state ``write_doc`` sets for a document."""
    saved = {name: getattr(builder, name, None) for name in PER_PAGE_STATE}
    target = builder.get_target_uri(page)
    builder.secnumbers = {}
    builder.fignumbers = {}
    builder.imgpath = relative_uri(target, builder.imagedir)
    builder.dlpath = relative_uri(target, "_downloads")
    builder.current_docname = page
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(builder, name, value)
