"""Model stage: the LaTeX commands the converter knows, symbols taken from latexcodec."""

from __future__ import annotations

import re
import unicodedata

from latexcodec.codec import load_unicode_latex_table

from ..core.richtext import StyleName

# Commands whose one argument is shown in a style.
STYLE_COMMANDS: dict[str, StyleName] = {
    "emph": "emph",
    "textit": "emph",
    "textsl": "emph",
    "mkbibemph": "emph",
    "textbf": "strong",
    "mkbibbold": "strong",
    # Math alphabets, met outside math where a title was typed in a hurry.
    "mathbf": "strong",
    "mathit": "emph",
    "mathtt": "code",
    "texttt": "code",
    "textsc": "smallcaps",
    "textsuperscript": "sup",
    "mkbibsuperscript": "sup",
    "textsubscript": "sub",
    "underline": "underline",
}

# Font switches that style the rest of the group; None: a switch with no visible style.
DECLARATIONS: dict[str, StyleName | None] = {
    "it": "emph",
    "itshape": "emph",
    "em": "emph",
    "sl": "emph",
    "slshape": "emph",
    "bf": "strong",
    "bfseries": "strong",
    "tt": "code",
    "ttfamily": "code",
    "sc": "smallcaps",
    "scshape": "smallcaps",
    "smc": "smallcaps",
    **dict.fromkeys(
        (
            "rm",
            "cal",
            "sf",
            "ssf",
            "rmfamily",
            "sffamily",
            "normalfont",
            "upshape",
            "mdseries",
            "tiny",
            "scriptsize",
            "footnotesize",
            "small",
            "normalsize",
            "large",
            "Large",
            "LARGE",
            "huge",
            "Huge",
        )
    ),
}

# Commands whose argument is shown as it is, with the quotes given around it.
WRAPPERS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(
        (
            "mbox",
            "mathrm",
            "mathsf",
            "mathcal",
            "rlap",
            "llap",
            "smash",
            "hbox",
            "text",
            "textrm",
            "textsf",
            "textup",
            "textmd",
            "textnormal",
            "acro",
            "NoCaseChange",
            "nocase",
            "bibstring",
        ),
        ("", ""),
    ),
    "mkbibquote": ("\u201c", "\u201d"),
    "enquote": ("\u201c", "\u201d"),
    "mkbibparens": ("(", ")"),
    "mkbibbrackets": ("[", "]"),
}

# Commands whose one argument is not shown at all (sort keys, spacing, index entries).
HIDDEN_ARGUMENT = frozenset(
    (
        "noopsort",
        "SortNoop",
        "sortnoop",
        "vphantom",
        "hphantom",
        "phantom",
        "label",
        "index",
        "hspace",
        "vspace",
    )
)

# Logos and other words spelled with a command.
WORDS: dict[str, str] = {
    "TeX": "TeX",
    "LaTeX": "LaTeX",
    "LaTeXe": "LaTeX2\u03b5",
    "BibTeX": "BibTeX",
    "AllTeX": "(La)TeX",
    "AmSTeX": "AMS-TeX",
    "AmSLaTeX": "AMS-LaTeX",
    "AMS": "AMS",
    "AmS": "AMS",
    "eTeX": "\u03b5-TeX",
    "MF": "METAFONT",
    "METAFONT": "METAFONT",
    "MP": "MetaPost",
    "METAPOST": "MetaPost",
    "PS": "PostScript",
    "TUB": "TUGboat",
    "TUG": "TUG",
    "LyX": "LyX",
    "TikZ": "TikZ",
    "ConTeXt": "ConTeXt",
    "Dash": "\u2014",
    "slash": "/",
    "bs": "\\",
    "dots": "\u2026",
    "textellipsis": "\u2026",
    "textquoteleft": "\u2018",
    "textquoteright": "\u2019",
    "textquotedblleft": "\u201c",
    "textquotedblright": "\u201d",
    "textasciicircum": "^",
    "textunderscore": "_",
    "textbar": "|",
    "textless": "<",
    "textgreater": ">",
    "j": "\u0237",
    "mu": "\u03bc",
    "textmu": "\u00b5",
    "texttimes": "\u00d7",
    "textdiv": "\u00f7",
    "textminus": "\u2212",
    "textrightarrow": "\u2192",
    "textleftarrow": "\u2190",
    "to": "\u2192",
    "langle": "\u27e8",
    "rangle": "\u27e9",
    "textasciimacron": "\u00af",
    "textasciiacute": "\u00b4",
    "textasciidieresis": "\u00a8",
    # Quotation marks of babel's German and French, and textcomp's that latexcodec lacks.
    "glq": "\u201a",
    "grq": "\u2018",
    "grqq": "\u201c",
    "flq": "\u2039",
    "frq": "\u203a",
    "flqq": "\u00ab",
    "frqq": "\u00bb",
    "guilsinglleft": "\u2039",
    "guilsinglright": "\u203a",
    "quotedblbase": "\u201e",
    "quotesinglbase": "\u201a",
    "textquotesingle": "'",
    "textquotedbl": '"',
    "textexclamdown": "\u00a1",
    "textquestiondown": "\u00bf",
    "texteuro": "\u20ac",
    "euro": "\u20ac",
    "EUR": "\u20ac",
    "textdollar": "$",
    "textcent": "\u00a2",
    "textcurrency": "\u00a4",
    "textsection": "\u00a7",
    "textparagraph": "\u00b6",
    "textpilcrow": "\u00b6",
    "textdagger": "\u2020",
    "textdaggerdbl": "\u2021",
    "textperthousand": "\u2030",
    "textpertenthousand": "\u2031",
    "textonehalf": "\u00bd",
    "textonequarter": "\u00bc",
    "textthreequarters": "\u00be",
    "textcelsius": "\u2103",
    "celsius": "\u2103",
    "degree": "\u00b0",
    "textohm": "\u2126",
    "textnumero": "\u2116",
    "textordfeminine": "\u00aa",
    "textordmasculine": "\u00ba",
    "textasteriskcentered": "\u2217",
    "textbraceleft": "{",
    "textbraceright": "}",
    "textvisiblespace": "\u2423",
    "textbrokenbar": "\u00a6",
    "textlnot": "\u00ac",
    "textcopyleft": "\U0001f12f",
    "textcircledP": "\u2117",
    "textservicemark": "\u2120",
    "textreferencemark": "\u203b",
    "textinterrobang": "\u203d",
    "textestimated": "\u212e",
    "textmho": "\u2127",
    "textuparrow": "\u2191",
    "textdownarrow": "\u2193",
    "textlangle": "\u2329",
    "textrangle": "\u232a",
    "textasciigrave": "`",
    "textasciicaron": "\u02c7",
    "textasciibreve": "\u02d8",
    "textacutedbl": "\u02dd",
    "textbardbl": "\u2016",
    "textsurd": "\u221a",
    "textmusicalnote": "\u266a",
    "textbigcircle": "\u25ef",
    "textopenbullet": "\u25e6",
    "textdied": "\u2020",
    "textborn": "*",
    "textfractionsolidus": "\u2044",
    "textlira": "\u20a4",
    "textnaira": "\u20a6",
    "textpeso": "\u20b1",
    "textwon": "\u20a9",
    "textdong": "\u20ab",
    "textbaht": "\u0e3f",
    "textflorin": "\u0192",
    "textcolonmonetary": "\u20a1",
    "textguarani": "\u20b2",
    "textrecipe": "\u211e",
    "textblank": "\u2422",
    "textdiscount": "\u2052",
    "checkmark": "\u2713",
    "textthorn": "\u00fe",
    "ng": "\u014b",
    "NG": "\u014a",
    "ij": "\u0133",
    "IJ": "\u0132",
    "hbar": "\u210f",
    "cdots": "\u22ef",
    "textcompwordmark": "",
    "dash": "\u2014",
    "hyphen": "-",
    "thinspace": "\u2009",
    "enspace": "\u2002",
    "qquad": "\u2003\u2003",
    "newline": " ",
    "linebreak": " ",
    "break": " ",
    "hfil": " ",
    "hfill": " ",
    **dict.fromkeys(
        (
            "relax",
            "protect",
            "ignorespaces",
            "unskip",
            "nobreak",
            "allowbreak",
            "noindent",
            "null",
            "xspace",
        ),
        "",
    ),
}

# Control symbols: a backslash and one non-letter.
SYMBOLS: dict[str, str] = {
    "\\": " ",
    " ": " ",
    "\t": " ",
    "\n": " ",
    ",": "\u2009",
    ";": " ",
    ":": " ",
    ">": " ",
    "!": "",
    "/": "",
    "-": "",
    "@": "",
    "{": "{",
    "}": "}",
    "$": "$",
    "%": "%",
    "&": "&",
    "#": "#",
    "_": "_",
}

# Accents spelled with a command letter or symbol, as combining characters.
ACCENTS: dict[str, str] = {
    "t": "\u0361",
    "b": "\u0331",
    "d": "\u0323",
    "k": "\u0328",
}

# Spacing accents, the accent alone ("\\'{}"), filled from latexcodec below.
SPACING_ACCENTS: dict[str, str] = {}

_CONTROL_SEQUENCE = re.compile(r"\\([A-Za-z]+|[^A-Za-z])")
_ACCENTED_LETTER = re.compile(r"\\([^A-Za-z]|[A-Za-z](?= ))\{?\s*([A-Za-z])\}?")


def _load_from_latexcodec() -> None:
    """Add latexcodec's symbols and accents (its decode table) to the tables above."""
    for entry in load_unicode_latex_table():
        if not entry.decode:
            continue
        if len(entry.latex) == 4 and entry.latex.endswith("{}"):
            SPACING_ACCENTS.setdefault(entry.latex[1], entry.unicode)
            continue
        symbol = _CONTROL_SEQUENCE.fullmatch(entry.latex)
        if symbol is not None:
            _add_symbol(symbol.group(1), entry.unicode)
            continue
        accented = _ACCENTED_LETTER.fullmatch(entry.latex)
        if accented is not None:
            _add_accent(accented.group(1), entry.unicode)


def _add_symbol(name: str, value: str) -> None:
    table = SYMBOLS if len(name) == 1 and not name.isalpha() else WORDS
    table.setdefault(name, value)


def _add_accent(command: str, accented: str) -> None:
    decomposed = unicodedata.normalize("NFD", accented)
    if len(decomposed) == 2:
        ACCENTS.setdefault(command, decomposed[1])


# textgreek's letters: \textalpha, \textAlpha, \textfinalsigma... spelled by their Unicode names.
_GREEK_LETTERS = [
    "alpha",
    "beta",
    "gamma",
    "delta",
    "epsilon",
    "zeta",
    "eta",
    "theta",
    "iota",
    "kappa",
    "lambda",
    "mu",
    "nu",
    "xi",
    "omicron",
    "pi",
    "rho",
    "sigma",
    "tau",
    "upsilon",
    "phi",
    "chi",
    "psi",
    "omega",
]


def _add_greek() -> None:
    for letter in _GREEK_LETTERS:
        unicode_name = "lamda" if letter == "lambda" else letter
        # latexcodec's \textmu is the micro sign, which textcomp means by it.
        WORDS.setdefault("text" + letter, unicodedata.lookup("GREEK SMALL LETTER " + unicode_name))
        WORDS.setdefault(
            "text" + letter.capitalize(),
            unicodedata.lookup("GREEK CAPITAL LETTER " + unicode_name),
        )
    for capital in (
        "Gamma",
        "Delta",
        "Theta",
        "Lambda",
        "Xi",
        "Pi",
        "Sigma",
        "Upsilon",
        "Phi",
        "Psi",
        "Omega",
    ):
        # amsmath's italic capitals, the same letters in text.
        if capital in WORDS:
            WORDS.setdefault("var" + capital, WORDS[capital])
    WORDS.setdefault("textfinalsigma", "\u03c2")
    WORDS.setdefault("textvarsigma", "\u03c2")


# Dotless i and j take the accent in place of i and j.
DOTLESS = {"i": "i", "j": "j", "\u0131": "i", "\u0237": "j"}

_load_from_latexcodec()
_add_greek()
