"""Select stage: the tokens of the filter expression language."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..core.diagnostics import PublistError
from ..core.numbers import whole_number

Literal = str | int

KEYWORDS = frozenset({"and", "or", "not", "in", "contains", "matches", "true", "false"})
OPERATORS = frozenset({"==", "!=", "<", "<=", ">", ">="})
IDENTIFIER = re.compile(r"[A-Za-z_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?")
"""A field name: letters, digits, ``_`` and inner hyphens (``pub-state``)."""

_NUMBER = re.compile(r"-?[0-9]+")
# Runs of operator characters are read whole so "=>" or "&&" is reported as one.
_OPERATOR_RUN = re.compile(r"[=!<>&|~]+")
_SINGLE = {"(": "lparen", ")": "rparen", ",": "comma"}
_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'"}


class Token(NamedTuple):
    """One lexical unit: its kind, source text, literal value and start offset.

    Kinds: ``identifier`` and ``keyword`` (value lowercased), ``string``, ``number``,
    ``operator``, ``lparen``, ``rparen``, ``comma`` and the final ``end``.
    """

    kind: str
    text: str
    value: Literal
    position: int


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens, ending with an ``end`` token."""
    tokens: list[Token] = []
    position = 0
    while position < len(text):
        char = text[position]
        if char.isspace():
            position += 1
            continue
        token = _next_token(text, position)
        tokens.append(token)
        position += len(token.text)
    tokens.append(Token("end", "", "", len(text)))
    return tokens


def _next_token(text: str, position: int) -> Token:
    char = text[position]
    if char in _SINGLE:
        return Token(_SINGLE[char], char, char, position)
    if char in "\"'":
        return _string_token(text, position)
    number = _NUMBER.match(text, position)
    if number:
        value = whole_number(number.group())
        if value is None:
            raise PublistError("number too long", position)
        return Token("number", number.group(), value, position)
    word = IDENTIFIER.match(text, position)
    if word:
        lowered = word.group().lower()
        kind = "keyword" if lowered in KEYWORDS else "identifier"
        return Token(kind, word.group(), lowered, position)
    match = _OPERATOR_RUN.match(text, position)
    if match:
        if match.group() not in OPERATORS:
            raise PublistError(f'unknown operator "{match.group()}"', position)
        return Token("operator", match.group(), match.group(), position)
    raise PublistError(f'unexpected character "{char}"', position)


def _string_token(text: str, start: int) -> Token:
    quote = text[start]
    chars: list[str] = []
    position = start + 1
    while position < len(text):
        char = text[position]
        if char == quote:
            return Token("string", text[start : position + 1], "".join(chars), start)
        if char == "\\" and position + 1 < len(text):
            following = text[position + 1]
            # Unknown escapes keep their backslash so regexes like "\d+" survive.
            chars.append(_ESCAPES.get(following, "\\" + following))
            position += 2
            continue
        chars.append(char)
        position += 1
    raise PublistError("unterminated string", start)


def describe(token: Token) -> str:
    """How an error message names ``token``."""
    if token.kind == "end":
        return "end of expression"
    text = token.text if len(token.text) <= 30 else token.text[:27] + "..."
    return text if token.kind == "string" else f'"{text}"'
