"""Model stage: LaTeX in bib fields to rich text (accents, styles, math, links).

The converter is a single left-to-right scan with explicit stacks, so it never
recurses, stays linear in the input, and never raises: whatever LaTeX it does not
know is reported (``unknown_macros``) and its argument kept as plain text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..core.richtext import (
    Break,
    DisplayMath,
    Inline,
    Link,
    Listing,
    Math,
    RichText,
    Styled,
    StyleName,
    Text,
    plain_text,
)
from ..core.urls import safe_url
from . import latex_tables as tables
from .latex_blocks import BLANK_LINE, BlockScan, tidy_blocks
from .latex_scan import (
    ARGUMENT,
    DECLARATION,
    GROUP,
    ITEM,
    LIST,
    WRAPPER,
    Builder,
    Finder,
    match_braces,
    skip_blanks,
    starts_line,
    strip_leading_blanks,
    strip_trailing_blanks,
    typeset,
)


@dataclass(frozen=True)
class Conversion:
    """Rich text converted from LaTeX, and what could not be converted faithfully."""

    rich: RichText
    unknown_macros: tuple[str, ...] = ()
    unsafe_links: tuple[str, ...] = ()


def latex_to_rich(source: str) -> Conversion:
    """Convert a bib field's LaTeX to rich text, composed (NFC) as the web expects; never raises."""
    # Decomposed text (u + combining diaeresis, as some systems paste it) becomes
    # the one character (ü) that fonts and LaTeX's input encodings know.
    source = unicodedata.normalize("NFC", source)
    # A line break may start a paragraph; bib values have none, pybtex squeezes them.
    if "\n" not in source and not _NEEDS_PARSING.search(source):
        value = _squeeze_spaces(source).strip(" ")
        return Conversion((Text(value),) if value else ())
    return _Converter(source).run()


def latex_to_plain(source: str) -> str:
    """Convert to the text a reader sees, math kept as TeX (for names, sort keys, search)."""
    return plain_text(latex_to_rich(source).rich)


_NEEDS_PARSING = re.compile(r"[\\{}$~\-`'%]")
_SPACES = re.compile(r" [ \t\n\r\f\v]+|[\t\n\r\f\v][ \t\n\r\f\v]*")
_TOKEN = re.compile(
    r"(?P<text>[^\\{}$%]+)|\\(?P<word>[A-Za-z]+)[ \t\n\r]*|\\(?P<symbol>[^A-Za-z])"
    r"|(?P<open>\{)|(?P<close>\})|(?P<math>\$\$?)|(?P<percent>%)|(?P<backslash>\\)",
    re.DOTALL,
)
# A doubly braced argument, \'{{U}}, is what pybtex leaves of \'{\~{U}} once it
# decoded the inner accent itself.
_ACCENT_ARGUMENT = re.compile(
    r"\s*(?:\{\s*\{(?P<double_text>[^\\{}$%]*)\}\s*\}"
    r"|\{(?:\s*\\(?P<braced_word>[A-Za-z]+)\s*|(?P<braced_text>[^\\{}$%]*))\}"
    r"|\\(?P<word>[A-Za-z]+)(?![A-Za-z])\s*|(?P<char>[^\\{}\s$%]))"
)
# An accent whose argument is another accent: \~{\^e}, Vietnamese's ễ.
_NESTED_ACCENT = re.compile(r"\s*(?P<brace>\{)?\s*\\(?P<command>[^A-Za-z]|[A-Za-z]+(?![A-Za-z]))")
_CHAR_CODE = re.compile(
    r"\s*(?:`\\?(?P<char>.)|\"(?P<hex>[0-9A-Fa-f]{1,6})|'(?P<oct>[0-7]{1,7})|(?P<dec>\d{1,7}))"
)
_DIMENSION = re.compile(
    r"\s*[-+]?\s*(?:\d+(?:\.\d*)?|\.\d+)\s*(?:em|ex|pt|pc|in|cm|mm|bp|dd|cc|sp|mu) ?", re.IGNORECASE
)
_SINGLE_TOKEN = re.compile(r"\s*(?:\\[A-Za-z]+|\\.|[^\s{}])", re.DOTALL)
_ACRONYM = re.compile(r"[A-Z]{2,}")
_LINE_END_COMMENT = re.compile(r"%[ \t]*\r?\n[ \t]*")
# Styled nodes nest at most this deep, so later recursive walks stay far from limits.
_MAX_NESTING = 32
# \path|...| and \verb|...| are short; a longer search would make many unclosed ones slow.
_MAX_VERBATIM = 2000
_ORDINAL_SUFFIXES = {"1": "st", "2": "nd", "3": "rd"}
_INVERTED = {"?": "\u00bf", "!": "\u00a1"}


class _Converter(BlockScan):
    """One conversion: the scan position, the mark and builder stacks, the findings."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.pos = 0
        self.builders = [Builder()]
        self.marks: list[tuple[int, str]] = []
        self.after_space = True
        self.unknown: dict[str, None] = {}
        self.unsafe: dict[str, None] = {}
        self.link_depth = 0
        self._brace_pairs: dict[int, int] | None = None
        self._finders: dict[str, Finder] = {}
        self.has_blocks = False

    def run(self) -> Conversion:
        source, length = self.source, len(self.source)
        while self.pos < length:
            match = _TOKEN.match(source, self.pos)
            if match is None:  # pragma: no cover - the pattern matches any character
                break
            self.pos = match.end()
            kind = match.lastgroup
            if kind == "text":
                run = typeset(match.group())
                if "\n" in run and BLANK_LINE.search(run):
                    self.text_with_paragraphs(run)
                else:
                    self.emit(run)
            elif kind == "word":
                self.command(match.group("word"))
            elif kind == "symbol":
                self.symbol(match.group("symbol"))
            elif kind == "open":
                self.marks.append((GROUP, ""))
            elif kind == "close":
                self.close_group()
            elif kind == "math":
                self.dollar_math(match.start(), match.group())
            elif kind == "percent":
                self.percent(match.start())
        while self.marks:
            self.pop_mark()
        rich = self.builders[0].finish()
        if self.has_blocks:
            rich = tidy_blocks(rich)
        rich = strip_leading_blanks(strip_trailing_blanks(rich))
        return Conversion(rich, tuple(self.unknown), tuple(self.unsafe))

    def convert(self, source: str) -> RichText:
        return _Converter(source).run().rich

    # Output.

    def emit(self, value: str) -> None:
        value = _squeeze_spaces(value)
        if self.after_space and value.startswith(" "):
            value = value[1:]
        if value:
            self.builders[-1].pieces.append(value)
            self.after_space = value.endswith(" ")

    def add(self, node: Inline) -> None:
        if isinstance(node, (Break, DisplayMath, Listing)):
            self.has_blocks = True
        self.builders[-1].add(node)
        self.after_space = False

    def open_builder(
        self, mark: int, style: StyleName | None = None, link: str | None = None
    ) -> None:
        self.builders.append(Builder(style=style, link=link))
        self.marks.append((mark, ""))
        if link is not None:
            self.link_depth += 1

    def close_builder(self) -> None:
        builder = self.builders.pop()
        children = builder.finish()
        if builder.link is not None:
            self.link_depth -= 1
            url = safe_url(builder.link)
            if url is not None:
                self.builders[-1].add(Link(url, children or (Text(url),)))
                return
        elif builder.style is not None and children:
            self.builders[-1].add(Styled(builder.style, children))
            return
        parent = self.builders[-1]
        for child in children:
            if isinstance(child, Text):
                parent.pieces.append(child.value)
            else:
                parent.add(child)

    def pop_mark(self) -> None:
        mark, suffix = self.marks.pop()
        if mark == GROUP:
            return
        if mark in (ARGUMENT, DECLARATION):
            self.close_builder()
        elif mark == WRAPPER:
            self.emit(suffix)
        elif mark == ITEM:
            self.close_item()
        elif mark == LIST:
            self.close_list()

    def close_group(self) -> None:
        while self.marks and self.marks[-1][0] == DECLARATION:
            self.pop_mark()
        if self.marks:
            self.pop_mark()

    def can_nest(self) -> bool:
        return len(self.builders) <= _MAX_NESTING

    # Commands.

    def command(self, name: str) -> None:
        if name in tables.STYLE_COMMANDS:
            self.styled_argument(tables.STYLE_COMMANDS[name])
        elif name in tables.DECLARATIONS:
            style = tables.DECLARATIONS[name]
            if style is not None and self.can_nest():
                self.open_builder(DECLARATION, style)
        elif name in tables.WRAPPERS:
            self.wrapped_argument(*tables.WRAPPERS[name])
        elif name in tables.HIDDEN_ARGUMENT:
            self.skip_argument()
        elif name in _SPECIAL_COMMANDS:
            _SPECIAL_COMMANDS[name](self)
        elif name in tables.ACCENTS:
            self.accent(name)
        elif name in tables.WORDS:
            self.emit(tables.WORDS[name])
        elif "TeX" in name or _ACRONYM.fullmatch(name):
            # Logos (\XeLaTeX) and acronyms (\PDF) defined in a preamble spell their name.
            self.emit(name)
        else:
            self.unknown.setdefault("\\" + name)

    def symbol(self, char: str) -> None:
        pieces = self.builders[-1].pieces
        if char == "`" and pieces and pieces[-1].endswith(("?", "!")):
            # ?\` and !\`, the ligatures' spelling by some exports: ¿ and ¡.
            pieces[-1] = pieces[-1][:-1] + _INVERTED[pieces[-1][-1]]
        elif char in tables.ACCENTS:
            self.accent(char)
        elif char == "(":
            self.delimited_math(self.pos, "\\)")
        elif char == "[":
            self.delimited_math(self.pos, "\\]", display=True)
        elif char in tables.SYMBOLS:
            self.emit(tables.SYMBOLS[char])
        else:
            self.unknown.setdefault("\\" + char)

    def styled_argument(self, style: StyleName) -> None:
        if not self.at_open_brace():
            self.styled_single_character(style)
        elif self.can_nest():
            self.open_builder(ARGUMENT, style)
        else:
            self.marks.append((GROUP, ""))

    def styled_single_character(self, style: StyleName) -> None:
        match = _SINGLE_TOKEN.match(self.source, self.pos)
        if match is None or match.group().lstrip().startswith("\\"):
            return
        self.pos = match.end()
        self.add(Styled(style, (Text(typeset(match.group().lstrip())),)))

    def wrapped_argument(self, prefix: str, suffix: str) -> None:
        if self.at_open_brace():
            self.emit(prefix)
            self.marks.append((WRAPPER, suffix))

    def at_open_brace(self) -> bool:
        """Skip blanks; if a ``{`` follows, consume it."""
        position = skip_blanks(self.source, self.pos)
        if position < len(self.source) and self.source[position] == "{":
            self.pos = position + 1
            return True
        return False

    def skip_argument(self) -> None:
        if self.verbatim_argument() is not None:
            return
        match = _SINGLE_TOKEN.match(self.source, self.pos)
        if match is not None:
            self.pos = match.end()

    def verbatim_argument(self) -> str | None:
        """Consume a balanced ``{...}`` argument and return its raw text (None if there is none)."""
        position = skip_blanks(self.source, self.pos)
        close = self.brace_pairs().get(position)
        if close is None:
            return None
        self.pos = close + 1
        return self.source[position + 1 : close]

    def brace_pairs(self) -> dict[int, int]:
        if self._brace_pairs is None:
            self._brace_pairs = match_braces(self.source)
        return self._brace_pairs

    def accent(self, command: str) -> None:
        marks = [tables.ACCENTS[command]]
        while (nested := _NESTED_ACCENT.match(self.source, self.pos)) is not None:
            if nested.group("command") not in tables.ACCENTS:
                break
            self.pos = nested.end()
            marks.append(tables.ACCENTS[nested.group("command")])
            if nested.group("brace"):
                # Its closing brace ends the group as any other does.
                self.marks.append((GROUP, ""))
        match = _ACCENT_ARGUMENT.match(self.source, self.pos)
        if match is None:
            return
        self.pos = match.end()
        word = match.group("braced_word") or match.group("word")
        base = (
            match.group("braced_text") or match.group("double_text") or match.group("char") or ""
        ).strip()
        if word is not None:
            base = tables.WORDS.get(word)
            if base is None:
                self.unknown.setdefault("\\" + word)
                return
        if not base:
            self.emit(tables.SPACING_ACCENTS.get(command, ""))
            return
        base = tables.DOTLESS.get(base, base)
        # The innermost accent's mark first; NFC orders marks above and below.
        composed = base[0] + "".join(reversed(marks)) + base[1:]
        self.emit(unicodedata.normalize("NFC", composed))

    def open_guillemet(self) -> None:
        # babel-french's \og and \fg space their guillemets themselves, unbreakably.
        self.emit("\u00ab\u00a0")
        self.after_space = True

    def close_guillemet(self) -> None:
        pieces = self.builders[-1].pieces
        if pieces:
            pieces[-1] = pieces[-1].rstrip(" ")
        self.emit("\u00a0\u00bb")

    def url(self) -> None:
        raw = self.verbatim_argument()
        if raw is None:
            return
        url = safe_url(raw) if self.link_depth == 0 else None
        if url is None:
            self.reject_link(raw)
            self.emit(raw.replace("\\", ""))
        else:
            self.add(Link(url, (Text(url),)))

    def href(self) -> None:
        raw = self.verbatim_argument()
        if raw is None:
            return
        url = safe_url(raw)
        if url is None or self.link_depth > 0 or not self.can_nest():
            self.reject_link(raw)
            if self.at_open_brace():
                self.marks.append((GROUP, ""))
        elif self.at_open_brace():
            self.open_builder(ARGUMENT, link=raw)
        else:
            self.add(Link(url, (Text(url),)))

    def reject_link(self, raw: str) -> None:
        if safe_url(raw) is None:
            self.unsafe.setdefault(raw)

    def verbatim_code(self) -> None:
        r"""Show ``\path|...|`` and ``\verb|...|`` as code, up to the closing delimiter."""
        braced = self.verbatim_argument()
        if braced is not None:
            self._add_code(braced)
            return
        if self.pos >= len(self.source):
            return
        delimiter = self.source[self.pos]
        end = self.source.find(delimiter, self.pos + 1, self.pos + 1 + _MAX_VERBATIM)
        if delimiter.isspace() or delimiter.isalpha() or end == -1:
            return
        self._add_code(self.source[self.pos + 1 : end])
        self.pos = end + 1

    def _add_code(self, content: str) -> None:
        # Spaces at a code span's edges would be styled spaces the text's trimming cannot see.
        code = _squeeze_spaces(content).strip()
        if code:
            self.add(Styled("code", (Text(code),)))

    def ensure_math(self) -> None:
        content = self.verbatim_argument()
        if content is not None and content.strip():
            self.add(Math(content.strip()))

    def character_code(self) -> None:
        match = _CHAR_CODE.match(self.source, self.pos)
        if match is None:
            return
        self.pos = match.end()
        if match.group("char") is not None:
            self.emit(match.group("char"))
            return
        code = int(
            match.group("hex") or match.group("oct") or match.group("dec"), _char_base(match)
        )
        if code < 0x110000 and not 0xD800 <= code < 0xE000:
            self.emit(chr(code))

    def skip_dimension(self) -> None:
        match = _DIMENSION.match(self.source, self.pos)
        if match is not None:
            self.pos = match.end()

    def ordinal(self) -> None:
        number = self.verbatim_argument()
        if number is not None:
            teen = number[-2:-1] == "1"
            self.emit(number + ("th" if teen else _ORDINAL_SUFFIXES.get(number[-1:], "th")))

    # Math and comments.

    def dollar_math(self, start: int, opener: str) -> None:
        close = self.finder(opener).find(self.pos)
        if close == -1:
            self.emit(opener)
            return
        self.pos = close + len(opener)
        content = self.source[start + len(opener) : close].strip()
        if opener == "$$":
            self.display_math(content)
        elif content:
            self.add(Math(content))

    def delimited_math(self, start: int, closer: str, display: bool = False) -> None:
        close = self.finder(closer).find(start)
        if close == -1:  # an unclosed \( or \[ is dropped, like a stray backslash
            return
        self.pos = close + len(closer)
        content = self.source[start:close].strip()
        if display:
            self.display_math(content)
        elif content:
            self.add(Math(content))

    def finder(self, target: str) -> Finder:
        if target not in self._finders:
            pattern = r"\\." if target.startswith("\\") else r"\\.|" + re.escape(target)
            self._finders[target] = Finder(self.source, pattern, target)
        return self._finders[target]

    def percent(self, start: int) -> None:
        # bib values mean "50%" far more often than a comment: only a "%" ending its
        # line, or starting one, is taken as LaTeX would take it.
        line_end = _LINE_END_COMMENT.match(self.source, start)
        if line_end is not None:
            self.pos = line_end.end()
            return
        if starts_line(self.source, start):
            newline = self.source.find("\n", start)
            if newline != -1:
                self.pos = skip_blanks(self.source, newline + 1)
                return
        self.emit("%")


_SPECIAL_COMMANDS = {
    "url": _Converter.url,
    "href": _Converter.href,
    "path": _Converter.verbatim_code,
    "verb": _Converter.verbatim_code,
    "ensuremath": _Converter.ensure_math,
    "char": _Converter.character_code,
    "kern": _Converter.skip_dimension,
    "hskip": _Converter.skip_dimension,
    "nth": _Converter.ordinal,
    "begin": _Converter.begin,
    "end": _Converter.end,
    "item": _Converter.item,
    "par": _Converter.paragraph_break,
    "og": _Converter.open_guillemet,
    "fg": _Converter.close_guillemet,
}


def _squeeze_spaces(value: str) -> str:
    """Turn each run of ASCII whitespace into one space (no-break spaces stay)."""
    # Substring tests run at memchr speed, ten times faster than the substitution,
    # and most runs of text need none.
    if (
        "  " in value
        or "\n" in value
        or "\t" in value
        or "\r" in value
        or "\f" in value
        or "\v" in value
    ):
        return _SPACES.sub(" ", value)
    return value


def _char_base(match: re.Match[str]) -> int:
    if match.group("hex") is not None:
        return 16
    return 8 if match.group("oct") is not None else 10
