"""HTML assets: the stylesheet and script, added for HTML builders only."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import sphinx

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC_DIR = Path(__file__).parent / "static"
CSS_FILE = "publist.css"
JS_FILE = "publist.js"


def add_static_assets(app: Sphinx) -> None:
    """Ship ``publist.css``/``publist.js`` with HTML output, before the user's static files."""
    if app.builder.format != "html":
        return
    if sphinx.version_info >= (9, 1) and hasattr(app, "add_static_dir"):
        app.add_static_dir(STATIC_DIR)
    elif str(STATIC_DIR) not in app.config.html_static_path:
        # Prepend: the user's own static files must win over ours.
        app.config.html_static_path.insert(0, str(STATIC_DIR))
    app.add_css_file(CSS_FILE, priority=500)
    app.add_js_file(JS_FILE, priority=500, defer="defer")


def register(app: Sphinx) -> None:
    """Hook asset registration to the start of each build."""
    app.connect("builder-inited", add_static_assets)
