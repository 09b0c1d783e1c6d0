r"""Format stage: how pdflatex, whose fonts lack most of Unicode, sets a list's characters.

Each character gets a LaTeX spelling: latexcodec's (``≤`` is ``$\leq$``), else
its base letter under accent commands (``ễ`` is ``\~{\^{e}}``, ``ị`` is
``\d{i}``); math spellings become ``\ensuremath`` so they work in text and
math alike. A character with no spelling, and the letters of a Greek word
(which math letters would spell one by one, without accents), need a Unicode
engine: ``unsettable`` names them.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Collection

import latexcodec  # noqa: F401 (registers the "latex" codec)

from ..bib.latex_tables import ACCENTS

# latexcodec spells these with commands LaTeX does not have, or math commands
# outside math; found by compiling every spelling it gives in Latin, Greek,
# punctuation, letterlike, arrow and operator blocks.
_OVERRIDES = {
    "\u00a2": r"\textcent",
    "\u00ac": r"\ensuremath{\neg}",
    "\u03bf": r"\ensuremath{o}",
    "\u220c": r"\ensuremath{\not\ni}",
    # Greek letters by their shape, as unicode-math pairs them: ε is \varepsilon.
    "\u03b5": r"\ensuremath{\varepsilon}",
    "\u03f5": r"\ensuremath{\epsilon}",
    "\u03c6": r"\ensuremath{\varphi}",
    "\u03d5": r"\ensuremath{\phi}",
    "\u03d1": r"\ensuremath{\vartheta}",
    "\u03c2": r"\ensuremath{\varsigma}",
    "\u03d6": r"\ensuremath{\varpi}",
    "\u03f1": r"\ensuremath{\varrho}",
    # Greek capitals that look like Latin ones have no math command of their own.
    **{chr(0x0391 + offset): rf"\ensuremath{{\mathrm{{{latin}}}}}" for offset, latin in (
        (0, "A"), (1, "B"), (4, "E"), (5, "Z"), (6, "H"), (8, "I"), (9, "K"),
        (11, "M"), (12, "N"), (14, "O"), (16, "P"), (19, "T"), (22, "X"),
    )},
}  # fmt: skip
_MARK_COMMANDS = {mark: command for command, mark in reversed(ACCENTS.items())}
_MATH = re.compile(r"\$([^$]+)\$")
_ABOVE = 230  # the canonical combining class of marks set above the letter
_GREEK_LETTER = r"[\u0370-\u03ff\u1f00-\u1fff]"
_GREEK_WORD = re.compile(rf"{_GREEK_LETTER}[\u0300-\u036f]*(?:{_GREEK_LETTER}[\u0300-\u036f]*)+")
# Scripts that Sphinx's pdflatex set-up can set once the user adds their font
# encoding to ``latex_elements["fontenc"]``.
_SCRIPT_ENCODINGS = (
    (re.compile(r"[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]"), ("T2A", "T2B", "T2C", "X2")),
    (re.compile(_GREEK_LETTER), ("LGR",)),
)  # fmt: skip


def spelling(char: str) -> str | None:
    """How LaTeX writes ``char`` without Unicode fonts, or ``None`` if it cannot."""
    if char in _OVERRIDES:
        return _OVERRIDES[char]
    try:
        spelled = codecs.encode(char, "latex").decode("ascii")
    except UnicodeError:
        return _accented(char)
    return _MATH.sub(r"\\ensuremath{\1}", spelled)


def _accented(char: str) -> str | None:
    if unicodedata.combining(char) and char in _MARK_COMMANDS:
        # A mark no letter composes with (x̄): over the end of the letter before.
        return rf"\llap{{\{_MARK_COMMANDS[char]}{{}}}}"
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if not marks or any(mark not in _MARK_COMMANDS for mark in marks):
        return None
    if base.isascii():
        # Dotless i and j under accents above: î, not a dot under the hat.
        above = unicodedata.combining(marks[0]) == _ABOVE
        spelled = f"\\{base}" if base in "ij" and above else base
    else:
        spelled_base = spelling(base)
        if spelled_base is None:
            return None
        spelled = spelled_base
    # Accents above go on the letter first: \^ needs a letter, and \d{\^{e}} is
    # ệ where \^{\d{e}} sets the circumflex beside the dotted e.
    for mark in sorted(marks, key=lambda mark: unicodedata.combining(mark) != _ABOVE):
        spelled = f"\\{_MARK_COMMANDS[mark]}{{{spelled}}}"
    return spelled


def non_ascii(text: str) -> list[str]:
    """The distinct characters of ``text`` beyond ASCII, by code point."""
    return sorted({char for char in text if not char.isascii()})


def unsettable(text: str, font_encodings: Collection[str] = ()) -> list[str]:
    """The characters of ``text`` pdflatex cannot set faithfully, by code point.

    Those with no spelling, and the letters of Greek words; a script whose font
    encoding is among ``font_encodings`` (as in ``latex_elements["fontenc"]``)
    is set by its own fonts.
    """
    in_words = {char for word in _GREEK_WORD.findall(text) for char in word}
    missing = {char for char in non_ascii(text) if spelling(char) is None} | in_words
    for script, encodings in _SCRIPT_ENCODINGS:
        if any(encoding in font_encodings for encoding in encodings):
            missing = {char for char in missing if not script.match(char)}
    return sorted(missing)
