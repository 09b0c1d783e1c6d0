"""Warnings with ``type="publist"`` and a subtype, so users can suppress them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util import logging

from .core.diagnostics import Diagnostic, Subtype

if TYPE_CHECKING:
    from typing import TypeAlias

    from docutils import nodes

    Location: TypeAlias = str | tuple[str, int | None] | nodes.Node | None

logger = logging.getLogger("sphinxcontrib_publist")


def warn(message: str, subtype: Subtype, location: Location) -> None:
    """Log one warning of type ``publist`` and the given subtype."""
    logger.warning(message, type="publist", subtype=subtype.value, location=location)


def note(diagnostic: Diagnostic, fallback: Location) -> None:
    """Log a line shown in verbose mode (``-v``), tagged ``publist.<subtype>``, never a warning."""
    logger.verbose(
        f"{diagnostic.message} [publist.{diagnostic.subtype.value}]",
        type="publist",
        subtype=diagnostic.subtype.value,
        location=_located(diagnostic, fallback),
    )


def warn_diagnostic(diagnostic: Diagnostic, fallback: Location) -> None:
    """Log a stage's diagnostic at its bib file and line, else at ``fallback``."""
    warn(diagnostic.message, diagnostic.subtype, _located(diagnostic, fallback))


def _located(diagnostic: Diagnostic, fallback: Location) -> Location:
    if not diagnostic.source:
        return fallback
    location = (
        diagnostic.source if diagnostic.line is None else f"{diagnostic.source}:{diagnostic.line}"
    )
    # Sphinx would read a bare path as a document name.
    return location if ":" in location else f"{location}:"
