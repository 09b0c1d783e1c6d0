"""Model stage: a field's text, read in the markup its field is written in; math for indexers."""

from __future__ import annotations

import re

from . import latex_tables as tables
from .latex import Conversion, latex_to_plain, latex_to_rich
from .latex_html import HTML_FIELDS, has_html, html_to_latex
from .latex_markdown import MARKDOWN_FIELDS, markdown_to_latex

_MARKED_UP_FIELDS = HTML_FIELDS | MARKDOWN_FIELDS
_MATH_WORD = re.compile(r"\\([A-Za-z]+)")


def field_to_rich(name: str, source: str) -> Conversion:
    """Convert a field's value, read in the markup its field is written in by the tools that make it.

    Abstracts may hold JATS or HTML (Crossref, publishers' pages); al-folio's
    ``award`` is Markdown; every field is LaTeX.
    """
    if name not in _MARKED_UP_FIELDS:
        return latex_to_rich(source)
    if name in HTML_FIELDS and has_html(source):
        source = html_to_latex(source)
    elif name in MARKDOWN_FIELDS:
        source = markdown_to_latex(source)
    return latex_to_rich(source)


def math_to_plain(latex: str) -> str:
    r"""TeX math spelled in characters where it can be (``z \sim 1``: z, tilde operator, 1)."""
    # Symbols first, keeping the spaces that a command word would swallow.
    spelled = _MATH_WORD.sub(lambda word: tables.WORDS.get(word.group(1), word.group()), latex)
    return latex_to_plain(spelled)
