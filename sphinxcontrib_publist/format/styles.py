"""Format stage: a list's style by name, the default one or any pybtex style."""

from __future__ import annotations

from collections.abc import Sequence

from ..bib.model import Publication
from ..core.diagnostics import Diagnostic
from .default_style import format_default
from .entry import FormatOptions, FormattedEntry
from .pybtex_style import format_with_pybtex, pybtex_style_exists

DEFAULT_STYLE = "default"


def style_exists(name: str) -> bool:
    """Whether ``name`` is a style a list can use."""
    return name == DEFAULT_STYLE or pybtex_style_exists(name)


def format_entries(
    publications: Sequence[Publication], style: str, options: FormatOptions
) -> tuple[list[FormattedEntry], list[Diagnostic]]:
    """Format ``publications`` (already in display order) with ``style``."""
    if style == DEFAULT_STYLE:
        return [format_default(publication, options) for publication in publications], []
    return format_with_pybtex(publications, style, options)
