"""Shared fixtures: Sphinx test roots and HTML parsing."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=...)`` finds its projects."""
    return ROOTS


def html_of(app: object, docname: str = "index") -> BeautifulSoup:
    """The built HTML page of ``docname``, parsed."""
    outdir = Path(app.outdir)  # type: ignore[attr-defined]
    return BeautifulSoup((outdir / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")


def warnings_of(app: object) -> str:
    """Everything the build warned about."""
    return app._warning.getvalue()  # type: ignore[attr-defined]
