"""Diagnostics: problems found by the Sphinx-free stages, turned into warnings later."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Subtype(str, enum.Enum):
    """Warning subtypes, used as ``publist.<value>`` in ``suppress_warnings``."""

    BIBFILE = "bibfile"
    PARSE = "parse"
    DUPLICATE_KEY = "duplicate-key"
    # Not a warning: the versions of one paper merged, said in verbose mode.
    DUPLICATE = "duplicate"
    CROSSREF = "crossref"
    MISSING_FIELD = "missing-field"
    STYLE = "style"
    OPTION = "option"
    FILTER = "filter"
    LATEX = "latex"
    LINK = "link"
    CONFIG = "config"
    DETAILS = "details"
    REF = "ref"


@dataclass(frozen=True)
class Diagnostic:
    """One problem: a message, its subtype, and where it was found (if known)."""

    message: str
    subtype: Subtype
    source: str | None = None
    line: int | None = None


class PublistError(ValueError):
    """An error in user input (an option or expression) with the offending position."""

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position

    def __str__(self) -> str:
        if self.position is None:
            return self.message
        return f"{self.message} (at character {self.position + 1})"
