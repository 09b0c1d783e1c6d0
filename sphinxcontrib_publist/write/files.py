"""Write stage: files written beside the pages, left untouched when unchanged."""

from __future__ import annotations

import os
from pathlib import Path


def write_if_changed(path: Path, text: str) -> None:
    """Write ``text`` unless the file already holds it, so unchanged files keep their time."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    os.makedirs(path.parent, exist_ok=True)
    path.write_text(text, encoding="utf-8")
