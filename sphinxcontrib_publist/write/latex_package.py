r"""Write stage: the ``publist`` LaTeX package, with the math macros.

Every LaTeX document loads ``publist.sty``, written at each build: it defines
``publist_math_macros`` inside math.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .math_macros import latex_definitions

if TYPE_CHECKING:
    from sphinx.application import Sphinx

PACKAGE = "publist"

PACKAGE_HEAD = r"""\NeedsTeXFormat{LaTeX2e}
\ProvidesPackage{publist}[2025/01/01 publication lists by sphinxcontrib-publist]
% Written by sphinxcontrib-publist at each build; edits are overwritten.
"""
# publist_math_macros, defined in each formula as MathJax defines them; at
# \begin{document}, so that a package setting \everymath later keeps them.
MATH_MACROS = r"""\def\publist@mathmacros{%%
%s}
\AtBeginDocument{%%
  \everymath\expandafter{\the\everymath\publist@mathmacros}%%
  \everydisplay\expandafter{\the\everydisplay\publist@mathmacros}}
"""


def add_package(app: Sphinx) -> None:
    """For LaTeX builders, write ``publist.sty`` and load it in every document."""
    if app.builder.format != "latex":
        return
    app.add_latex_package(PACKAGE)
    _write_if_changed(Path(app.builder.outdir, f"{PACKAGE}.sty"), package_text(app))


def package_text(app: Sphinx) -> str:
    """The package for this build's macros."""
    text = PACKAGE_HEAD
    if app.config.publist_math_macros:
        text += MATH_MACROS % latex_definitions(app.config.publist_math_macros)
    return text + r"\endinput" + "\n"


def _write_if_changed(path: Path, text: str) -> None:
    # An unchanged file keeps its time, so latexmk does not run LaTeX again for it.
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
