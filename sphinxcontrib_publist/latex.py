"""LaTeX in bib fields to rich text (placeholder until the full converter lands)."""

from __future__ import annotations

from dataclasses import dataclass

from .richtext import RichText, text


@dataclass(frozen=True)
class Conversion:
    """Converted rich text, plus what could not be converted."""

    rich: RichText
    unknown_macros: tuple[str, ...] = ()
    unsafe_links: tuple[str, ...] = ()


def latex_to_plain(source: str) -> str:
    """Plain text of ``source``."""
    return " ".join(source.replace("{", "").replace("}", "").split())


def latex_to_rich(source: str) -> Conversion:
    """Rich text of ``source``."""
    return Conversion(text(latex_to_plain(source)))
