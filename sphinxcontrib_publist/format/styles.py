"""Format stage: a list's style by name: the default one, any pybtex style or a CSL style."""

from __future__ import annotations

from collections.abc import Sequence

from ..bib.model import Publication
from ..core.diagnostics import Diagnostic
from .csl.style import DEFAULT_LOCALE, format_with_csl, is_csl
from .default_style import format_default
from .entry import FormatOptions, FormattedEntry
from .pybtex_style import format_with_pybtex, pybtex_style_exists

DEFAULT_STYLE = "default"


def style_exists(name: str) -> bool:
    """Whether ``name`` is a style a list can use (a CSL style is checked when formatting)."""
    return name == DEFAULT_STYLE or is_csl(name) or pybtex_style_exists(name)


def format_entries(
    publications: Sequence[Publication],
    style: str,
    options: FormatOptions,
    locale: str = DEFAULT_LOCALE,
    cache_dir: str | None = None,
) -> tuple[list[FormattedEntry], list[Diagnostic]]:
    """Format ``publications`` (already in display order) with ``style``.

    CSL styles format in ``locale`` and keep their output in ``cache_dir``.
    """
    if style == DEFAULT_STYLE:
        return [format_default(publication, options) for publication in publications], []
    if is_csl(style):
        return format_with_csl(publications, style, options, locale, cache_dir)
    return format_with_pybtex(publications, style, options)
