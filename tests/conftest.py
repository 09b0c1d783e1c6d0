"""Shared fixtures: Sphinx test roots, one-off builds and HTML parsing."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import sphinx
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_publist.bib import load as pipeline

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
GENERATED_CONF = 'extensions = ["sphinxcontrib_publist"]\n'
WARNING_LINE = re.compile(r"^(?P<location>\S*?): (?:WARNING|ERROR): (?P<message>.*)$")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=...)`` finds its projects."""
    return ROOTS


@pytest.fixture(scope="session", autouse=True)
def _warning_types_shown() -> Iterator[None]:
    """Warnings end in "[publist.<subtype>]", as Sphinx 8 writes them by default, on Sphinx 7 too."""
    if sphinx.version_info >= (8,):
        yield
        return
    original = SphinxTestApp.__init__

    def init(self: SphinxTestApp, *args: Any, confoverrides: Any = None, **kwargs: Any) -> None:
        shown = {"show_warning_types": True, **(confoverrides or {})}
        original(self, *args, confoverrides=shown, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(SphinxTestApp, "__init__", init)
        yield


@pytest.fixture(autouse=True)
def _fresh_parse_cache() -> Iterator[None]:
    """Every test starts with an empty parse cache, as a new build process does."""
    pipeline._cache.clear()
    yield


def html_of(app: object, docname: str = "index") -> BeautifulSoup:
    """The built HTML page of ``docname``, parsed."""
    outdir = Path(app.outdir)  # type: ignore[attr-defined]
    return BeautifulSoup((outdir / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")


def warnings_of(app: object) -> str:
    """Everything the build warned about."""
    return app._warning.getvalue()  # type: ignore[attr-defined]


def publist_warnings(app: object, subtype: str | None = None) -> list[str]:
    """The build's ``publist`` warning lines, optionally of one subtype, colours stripped."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", warnings_of(app))
    tag = f"[publist.{subtype}]" if subtype else "[publist."
    return [line for line in plain.splitlines() if tag in line]


def location_of(warning: str) -> str:
    """The ``file:line`` a warning line points at (``""`` if none)."""
    match = WARNING_LINE.match(warning)
    return match.group("location") if match else ""


def copy_root(name: str, destination: Path) -> Path:
    """A writable copy of ``tests/roots/test-<name>`` at ``destination``."""
    shutil.copytree(ROOTS / f"test-{name}", destination)
    return destination


def build(
    srcdir: Path,
    builder: str = "html",
    confoverrides: dict[str, Any] | None = None,
    **kwargs: Any,
) -> SphinxTestApp:
    """Build the project at ``srcdir`` (incrementally if built before) and return the app."""
    app = SphinxTestApp(
        builder,
        srcdir=srcdir,
        confoverrides=confoverrides,
        status=StringIO(),
        warning=StringIO(),
        **kwargs,
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app
