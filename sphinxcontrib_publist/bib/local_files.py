"""Bib stage: which relative links of an entry name files of the source tree."""

from __future__ import annotations

import os
import posixpath
from urllib.parse import unquote, urlsplit


def source_file(url: str, bib_path: str, srcdir: str, document_dir: str) -> str | None:
    """``/path`` from the source dir of the file ``url`` names, if it is in the source tree.

    A relative path is looked up next to the bib file, then in ``document_dir``
    (the listing document's folder); one starting with ``/`` from the source
    dir, as Sphinx's ``download`` role does.
    """
    parts = urlsplit(url)
    if parts.query or parts.fragment or not parts.path:
        return None
    path = unquote(parts.path)
    root = os.path.realpath(srcdir)
    if path.startswith("/"):
        candidates = [os.path.join(root, path.lstrip("/"))]
    else:
        bases = [os.path.dirname(bib_path)] if bib_path else []
        bases.append(document_dir)
        candidates = [os.path.join(base, path) for base in bases]
    for candidate in candidates:
        # Resolved links must stay inside the source tree: "../../etc/passwd"
        # or a symlink pointing out of it is never copied into the site.
        found = os.path.realpath(candidate)
        if os.path.isfile(found) and os.path.commonpath([root, found]) == root:
            return "/" + posixpath.join(*os.path.relpath(found, root).split(os.sep))
    return None
