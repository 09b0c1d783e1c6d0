r"""Write stage: the ``publist`` LaTeX package, with the math macros and the lists' characters.

Every LaTeX document loads ``publist.sty``, written for this build's engine: it
defines ``publist_math_macros`` inside math. Under pdflatex it also reads
``publist-<job>.def`` at ``\begin{document}``: for each character beyond ASCII
in that document's lists, a ``\DeclareUnicodeCharacter`` that applies only
if nothing (a font encoding, textcomp, Sphinx, the user's preamble) has
declared the character already. Each document writes its own file from its
own doctree, so nothing is shared between documents or kept between builds.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

from ..core.diagnostics import Subtype
from ..format.pdflatex import non_ascii, spelling, unsettable
from ..log import warn
from ..nodes.elements import publist_list, publist_pending
from ..nodes.pending import expanded
from .math_macros import latex_definitions

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

PACKAGE = "publist"
# Characters a warning names before "and N more".
NAMED_CHARACTERS = 12
_ENCODING_OPTIONS = re.compile(r"\[([^\]]*)\]\s*\{fontenc\}")

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
# pdflatex: each document's characters, declared unless inputenc knows them.
CHARACTERS = r"""\newcommand\publistunsetcharacter[1]{\fbox{\ttfamily\footnotesize U+#1}}
\def\publist@declare#1#2#3{%
  \expandafter\ifx\csname u8:\detokenize{#2}\endcsname\relax
    \DeclareUnicodeCharacter{#1}{#3}%
  \fi}
\AtBeginDocument{\makeatletter\InputIfFileExists{publist-\jobname.def}{}{}\makeatother}
"""


def uses_pdflatex(app: Sphinx) -> bool:
    """Whether this build writes LaTeX for pdflatex, whose fonts cover little of Unicode."""
    return app.builder.format == "latex" and app.config.latex_engine == "pdflatex"


def add_package(app: Sphinx) -> None:
    """For LaTeX builders, write ``publist.sty`` and load it in every document."""
    if app.builder.format != "latex":
        return
    app.add_latex_package(PACKAGE)
    _write_if_changed(Path(app.builder.outdir, f"{PACKAGE}.sty"), package_text(app))


def package_text(app: Sphinx) -> str:
    """The package for this build's engine and macros."""
    text = PACKAGE_HEAD
    if app.config.publist_math_macros:
        text += MATH_MACROS % latex_definitions(app.config.publist_math_macros)
    if uses_pdflatex(app):
        text += CHARACTERS
    return text + r"\endinput" + "\n"


def declare_characters(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Under pdflatex, write the document's characters; warn of those it cannot set."""
    if not uses_pdflatex(app):
        return
    font_encodings = font_encodings_of(app.config)
    characters: set[str] = set()
    for root in doctree.findall(publist_list):
        text = list_text(root)
        characters.update(non_ascii(text))
        _warn_unsettable(unsettable(text, font_encodings), root)
    declarations = "".join(_declaration(character) for character in sorted(characters))
    for target in targets_of(app.config, docname):
        path = Path(app.builder.outdir, f"{PACKAGE}-{target}.def")
        _write_if_changed(path, "% The characters of its publication lists.\n" + declarations)


def list_text(root: nodes.Element) -> str:
    """The text a list prints, its entries expanded as the writer will expand them."""
    parts: list[str] = []
    for child in root.children:
        if isinstance(child, publist_pending):
            parts.append(expanded(child).astext())
        elif isinstance(child, nodes.Text):
            parts.append(child.astext())
        elif isinstance(child, nodes.Element):
            parts.append(list_text(child))
    return "\n".join(parts)


def font_encodings_of(config: Config) -> list[str]:
    """The font encodings ``latex_elements["fontenc"]`` loads (none given: Sphinx's T1)."""
    fontenc = config.latex_elements.get("fontenc", "")
    return [
        encoding.strip()
        for options in _ENCODING_OPTIONS.findall(fontenc)
        for encoding in options.split(",")
    ]


def targets_of(config: Config, docname: str) -> list[str]:
    """The job names of the LaTeX files that start at ``docname``."""
    return [Path(entry[1]).stem for entry in config.latex_documents if entry[0] == docname]


def _declaration(character: str) -> str:
    code = f"{ord(character):04X}"
    spelled = spelling(character) or rf"\publistunsetcharacter{{{code}}}"
    return rf"\publist@declare{{{code}}}{{{character}}}{{{spelled}}}" + "\n"


def _warn_unsettable(characters: list[str], root: publist_list) -> None:
    if not characters:
        return
    named = ", ".join(
        f"{character} (U+{ord(character):04X})" for character in characters[:NAMED_CHARACTERS]
    )
    more = len(characters) - NAMED_CHARACTERS
    if more > 0:
        named += f" and {more} more"
    warn(
        f"pdflatex cannot set these characters of the list with Sphinx's default fonts: "
        f'{named}; set latex_engine = "xelatex" or "lualatex" in conf.py',
        Subtype.LATEX,
        root,
    )


def _write_if_changed(path: Path, text: str) -> None:
    # An unchanged file keeps its time, so latexmk does not run LaTeX again for it.
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
