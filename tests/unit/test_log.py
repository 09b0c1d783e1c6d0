"""Diagnostics to warnings: located at the bib file and line, else where the directive is."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist import log
from sphinxcontrib_publist.core.diagnostics import Diagnostic, Subtype


@pytest.mark.parametrize(
    ("source", "line", "location"),
    [
        ("/src/refs.bib", 12, "/src/refs.bib:12"),
        # A bare path would be read as a document name.
        ("/src/refs.bib", None, "/src/refs.bib:"),
        (None, None, ("index", 4)),
        (None, 7, ("index", 4)),
    ],
)
def test_a_diagnostic_warns_at_its_source_else_at_the_fallback(
    monkeypatch: pytest.MonkeyPatch, source: str | None, line: int | None, location: object
) -> None:
    warned: list[tuple[str, Subtype, object]] = []
    monkeypatch.setattr(log, "warn", lambda *arguments: warned.append(arguments))
    log.warn_diagnostic(Diagnostic("bad", Subtype.PARSE, source, line), ("index", 4))
    assert warned == [("bad", Subtype.PARSE, location)]
