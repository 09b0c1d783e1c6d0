"""Fixtures every test gets: the Sphinx testing plugin, its roots, a fresh parse cache.

Build and parse helpers are in ``helpers.py``; hand-made publications for the
unit tests in ``unit/samples.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sphinx
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_publist.bib import load

from .helpers import ROOTS

pytest_plugins = ("sphinx.testing.fixtures",)


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
    load._cache.clear()
    yield
