"""HTML assets: the stylesheet and script, added for HTML builders only."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import sphinx

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC_DIR = Path(__file__).parents[1] / "static"
CSS_FILE = "publist.css"
JS_FILE = "publist.js"


def _has_static_dirs(app: Sphinx) -> bool:
    return sphinx.version_info >= (9, 1) and hasattr(app, "add_static_dir")


def add_static_path(app: Sphinx, config: Config) -> None:
    """Before Sphinx 9.1, put our static files first in ``html_static_path``.

    Done as the configuration is read, so the value is the same in every build
    and Sphinx never sees a changed configuration; first, so that the user's
    own files of the same name are copied over ours.
    """
    if not _has_static_dirs(app) and str(STATIC_DIR) not in config.html_static_path:
        config.html_static_path = [str(STATIC_DIR), *config.html_static_path]


def add_static_assets(app: Sphinx) -> None:
    """Ship ``publist.css``/``publist.js`` with HTML output only."""
    if app.builder.format != "html":
        return
    if _has_static_dirs(app) and hasattr(app, "add_static_dir"):
        app.add_static_dir(STATIC_DIR)
    app.add_css_file(CSS_FILE, priority=500)
    app.add_js_file(JS_FILE, priority=500, defer="defer")
