"""Directive helpers: an entry's links resolved against the source tree, author pages."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Mapping
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from .bib.links import EntryLink, entry_links
from .bib.model import Publication
from .bib.names import NameLookup
from .core.diagnostics import Subtype
from .core.urls import safe_url
from .log import warn
from .nodes import labels
from .nodes.entry_parts import RenderedLink

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment


def rendered_links(
    publication: Publication, mapping: Mapping[str, str], env: BuildEnvironment, docname: str
) -> tuple[RenderedLink, ...]:
    """The entry's links, a relative one naming a source file turned into a download."""
    return tuple(
        _rendered(link, publication, env, docname) for link in entry_links(publication, mapping)
    )


def _rendered(
    link: EntryLink, publication: Publication, env: BuildEnvironment, docname: str
) -> RenderedLink:
    label = labels.link_label(link.label_key)
    target = source_file(link.url, publication.source, env, docname) if link.is_local else None
    if target is None:
        return RenderedLink(link.kind, label, link.url)
    return RenderedLink(link.kind, label, target, download=True)


def source_file(url: str, bib_path: str, env: BuildEnvironment, docname: str) -> str | None:
    """``/path`` from the source dir of the file ``url`` names, if it is in the source tree.

    A relative path is looked up next to the bib file, then next to the document;
    one starting with ``/`` from the source dir, as Sphinx's ``download`` role does.
    """
    parts = urlsplit(url)
    if parts.query or parts.fragment or not parts.path:
        return None
    path = unquote(parts.path)
    srcdir = os.path.realpath(env.srcdir)
    if path.startswith("/"):
        candidates = [os.path.join(srcdir, path.lstrip("/"))]
    else:
        bases = [os.path.dirname(bib_path)] if bib_path else []
        bases.append(os.path.dirname(env.doc2path(docname)))
        candidates = [os.path.join(base, path) for base in bases]
    for candidate in candidates:
        # Resolved links must stay inside the source tree: "../../etc/passwd"
        # or a symlink pointing out of it is never copied into the site.
        found = os.path.realpath(candidate)
        if os.path.isfile(found) and os.path.commonpath([srcdir, found]) == srcdir:
            return "/" + posixpath.join(*os.path.relpath(found, srcdir).split(os.sep))
    return None


def author_lookup(author_links: Mapping[str, str]) -> NameLookup[str] | None:
    """Author name → page, keeping only safe URLs (the others were reported at start-up)."""
    pairs = [(name, safe_url(url)) for name, url in author_links.items()]
    lookup = NameLookup((name, url) for name, url in pairs if url)
    return lookup or None


def check_author_links(app: Sphinx, config: Config) -> None:
    """Warn once per build about author pages that are not http(s) or relative URLs."""
    for name, url in (config.publist_author_links or {}).items():
        if isinstance(url, str) and safe_url(url) is None:
            warn(
                f"publist_author_links: the page of {name!r}, {url!r}, is not an http(s) "
                "or relative URL; the name is not linked",
                Subtype.LINK,
                None,
            )


def register(app: Sphinx) -> None:
    """Check the configured author pages once the configuration is read."""
    app.connect("config-inited", check_author_links, priority=600)
