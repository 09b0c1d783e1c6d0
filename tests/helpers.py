"""Build and parse helpers shared by the tests: one way to build a project, one way to read it."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Callable, Mapping
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_publist.core.diagnostics import Subtype

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
ROOTS = TESTS / "roots"
HOSTILE = TESTS / "hostile"
DATA = TESTS / "data"
EXAMPLE = REPO / "example_project"
# The real-world bib files live beside the checkout, not in it.
CORPUS = REPO.parent / "shared" / "corpus"
GENERATED_CONF = 'extensions = ["sphinxcontrib_publist"]\n'
WARNING_LINE = re.compile(r"^(?P<location>\S*?): (?:WARNING|ERROR): (?P<message>.*)$")

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpus at {CORPUS}")


def copy_root(name: str, destination: Path) -> Path:
    """A writable copy of ``tests/roots/test-<name>`` at ``destination``."""
    shutil.copytree(ROOTS / f"test-{name}", destination)
    return destination


def copy_example(destination: Path) -> Path:
    """A writable copy of ``example_project/`` at ``destination``, without earlier output."""
    shutil.copytree(EXAMPLE, destination, ignore=shutil.ignore_patterns("_build"))
    return destination


def build(
    srcdir: Path,
    builder: str = "html",
    confoverrides: dict[str, Any] | None = None,
    *,
    events: Mapping[str, Callable[..., object]] | None = None,
    **kwargs: Any,
) -> SphinxTestApp:
    """Build the project at ``srcdir`` (incrementally if built before) and return the app.

    ``events`` maps Sphinx event names to callbacks connected before the build;
    other keyword arguments (``parallel``, ``freshenv``...) go to ``SphinxTestApp``.
    The app is cleaned up at once: docutils' node registry is global, so two live
    apps would clash.
    """
    app = SphinxTestApp(
        builder,
        srcdir=srcdir,
        confoverrides=confoverrides,
        status=StringIO(),
        warning=StringIO(),
        **kwargs,
    )
    for event, callback in (events or {}).items():
        app.connect(event, callback)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def soup_of(path: Path) -> BeautifulSoup:
    """The HTML file at ``path``, parsed."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def html_of(app: object, docname: str = "index") -> BeautifulSoup:
    """The built HTML page of ``docname``, parsed."""
    return soup_of(Path(app.outdir) / f"{docname}.html")  # type: ignore[attr-defined]


def warnings_of(app: object) -> str:
    """Everything the build warned about."""
    return app._warning.getvalue()  # type: ignore[attr-defined,no-any-return]


def publist_warnings(app: object, subtype: str | None = None) -> list[str]:
    """The build's ``publist`` warning lines, optionally of one subtype, colours stripped."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", warnings_of(app))
    tag = f"[publist.{subtype}]" if subtype else "[publist."
    return [line for line in plain.splitlines() if tag in line]


def location_of(warning: str) -> str:
    """The ``file:line`` a warning line points at (``""`` if none)."""
    match = WARNING_LINE.match(warning)
    return match.group("location") if match else ""


# Subtypes whose counts depend on how much LaTeX the converter knows are not pinned.
PINNED_SUBTYPES = (
    Subtype.BIBFILE,
    Subtype.PARSE,
    Subtype.DUPLICATE_KEY,
    Subtype.CROSSREF,
    Subtype.MISSING_FIELD,
)


def pinned(counts: Counter[Subtype]) -> dict[Subtype, int]:
    """The counts of the subtypes a corpus test pins, leaving out zeros."""
    return {subtype: counts[subtype] for subtype in PINNED_SUBTYPES if counts[subtype]}
