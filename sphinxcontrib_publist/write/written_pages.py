"""Which details pages the output directory holds, and what each showed when written.

Sphinx rewrites a document when its source or the build's settings changed
(``.buildinfo``, the templates); details pages are no documents, so this keeps
the same record for them: a JSON file beside ``.buildinfo`` with a digest of
each page as written. A page is written again when its digest changed (its
entry, its list's title or place, the site's settings), when its file is gone,
or when Sphinx reads every document again because the configuration changed.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

import sphinx
from sphinx.environment import CONFIG_OK

from .. import __version__

if TYPE_CHECKING:
    from sphinx.builders.html import StandaloneHTMLBuilder

RECORD_NAME = ".publist-details.json"
RECORD_VERSION = 1


def site_digest(builder: StandaloneHTMLBuilder) -> str:
    """What every page depends on: versions, builder, HTML settings, tags, templates."""
    info = getattr(builder, "build_info", None)
    templates = builder.templates.newest_template_mtime() if builder.templates else 0
    parts = (
        sphinx.__version__,
        __version__,
        builder.name,
        getattr(info, "config_hash", ""),
        getattr(info, "tags_hash", ""),
        repr(templates),
    )
    return "\0".join(parts)


def page_digest(site: str, entry_digest: str, list_docname: str, list_title: str) -> str:
    """The digest of one page as it would be written now."""
    parts = (site, entry_digest, list_docname, list_title)
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


class WrittenPages:
    """The record of the details pages in one output directory.

    Each page's entry is its digest and its file, relative to the output
    directory, so that telling an unchanged page takes one ``stat``.
    """

    def __init__(self, builder: StandaloneHTMLBuilder) -> None:
        self.builder = builder
        self.outdir = str(builder.outdir)
        self.path = Path(self.outdir) / RECORD_NAME
        self.before = self._load() if builder.env.config_status == CONFIG_OK else {}
        self.now: dict[str, list[str]] = {}

    def _load(self) -> dict[str, list[str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != RECORD_VERSION:
            return {}
        pages = data.get("pages")
        if not isinstance(pages, dict):
            return {}
        return {
            page: written
            for page, written in pages.items()
            if isinstance(written, list) and len(written) == 2
            and all(isinstance(part, str) for part in written)
        }  # fmt: skip

    def is_current(self, page: str, digest: str) -> bool:
        """Whether ``page`` was written with ``digest`` and is still there; noted either way."""
        written = self.before.get(page)
        if written is not None and written[0] == digest:
            self.now[page] = written
            return os.path.exists(os.path.join(self.outdir, written[1]))
        filename = os.path.relpath(self.builder.get_outfilename(page), self.outdir)
        self.now[page] = [digest, filename]
        return False

    def is_gone(self, page: str) -> bool:
        """Whether ``page`` was written by an earlier build and its file is gone since."""
        written = self.before.get(page)
        return written is not None and not os.path.exists(os.path.join(self.outdir, written[1]))

    def save(self) -> None:
        """Keep this build's digests for the next one, once every page is written."""
        if self.now == self.before:
            return
        data = {"version": RECORD_VERSION, "pages": dict(sorted(self.now.items()))}
        self.path.write_text(json.dumps(data, indent=0) + "\n", encoding="utf-8")
