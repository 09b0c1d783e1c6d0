"""Warnings with ``type="publist"`` and a subtype, so users can suppress them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util import logging

from .core.diagnostics import Diagnostic, Subtype

if TYPE_CHECKING:
    from docutils import nodes

logger = logging.getLogger("sphinxcontrib_publist")


def warn(
    message: str, subtype: Subtype, location: str | tuple[str, int | None] | nodes.Node | None
) -> None:
    """Log one warning of type ``publist`` and the given subtype."""
    logger.warning(message, type="publist", subtype=subtype.value, location=location)


def warn_diagnostic(
    diagnostic: Diagnostic, fallback: str | tuple[str, int | None] | nodes.Node | None
) -> None:
    """Log a stage's diagnostic at its bib file and line, else at ``fallback``."""
    location: str | tuple[str, int | None] | nodes.Node | None = fallback
    if diagnostic.source:
        location = (
            diagnostic.source
            if diagnostic.line is None
            else f"{diagnostic.source}:{diagnostic.line}"
        )
        if ":" not in location:
            # Sphinx would read a bare path as a document name.
            location = f"{location}:"
    warn(diagnostic.message, diagnostic.subtype, location)
