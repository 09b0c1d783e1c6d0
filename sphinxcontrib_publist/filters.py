"""Select stage: the filter expression language, tokenised and parsed without ``eval``.

Grammar, loosest binding first::

    expression := conjunction ("or" conjunction)*
    conjunction := negation ("and" negation)*
    negation   := "not"* primary
    primary    := "(" expression ")" | "true" | "false" | field [test]
    test       := op value | ["not"] "in" "(" [value ("," value)* [","]] ")"
                | ["not"] ("contains" value | "matches" string)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from .comparisons import Predicate, compile_presence, compile_test
from .diagnostics import PublistError
from .model import Publication

Literal = str | int

KEYWORDS = frozenset({"and", "or", "not", "in", "contains", "matches", "true", "false"})
OPERATORS = frozenset({"==", "!=", "<", "<=", ">", ">="})
MAX_DEPTH = 50
MAX_PATTERN_LENGTH = 500

_IDENTIFIER = re.compile(r"[A-Za-z_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?")
_NUMBER = re.compile(r"-?[0-9]+")
_OPERATOR_RUN = re.compile(r"[=!<>&|~]+")
_SINGLE = {"(": "lparen", ")": "rparen", ",": "comma"}
_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'"}


class Token(NamedTuple):
    """One lexical unit: its kind, source text, literal value and start offset."""

    kind: str
    text: str
    value: Literal
    position: int


@dataclass(frozen=True)
class Filter:
    """A parsed filter expression: call it on a publication to test it."""

    source: str
    predicate: Predicate = field(repr=False, compare=False)

    def __call__(self, pub: Publication) -> bool:
        """Tell whether ``pub`` passes the filter."""
        return self.predicate(pub)

    def __reduce__(self) -> tuple[Callable[[str], Filter], tuple[str]]:
        # Compiled closures cannot be pickled; the source text rebuilds them.
        return (parse_filter, (self.source,))


def parse_filter(expression: str) -> Filter:
    """Parse ``expression``; raise :class:`PublistError` pointing at the first problem."""
    parser = _Parser(tokenize(expression))
    return Filter(expression, parser.parse())


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
    for pattern, kind in ((_NUMBER, "number"), (_IDENTIFIER, "identifier")):
        match = pattern.match(text, position)
        if match:
            word = match.group()
            if kind == "number":
                return Token(kind, word, int(word), position)
            lowered = word.lower()
            return Token("keyword" if lowered in KEYWORDS else kind, word, lowered, position)
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


class _Parser:
    """Recursive descent over the token list, compiling to predicates as it goes."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.index = 0
        self.depth = 0

    @property
    def current(self) -> Token:
        return self.tokens[self.index]

    def advance(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def at_keyword(self, *words: str) -> bool:
        return self.current.kind == "keyword" and self.current.value in words

    def fail(self, expected: str) -> PublistError:
        found = describe(self.current)
        return PublistError(f"expected {expected} but found {found}", self.current.position)

    def parse(self) -> Predicate:
        predicate = self.expression()
        if self.current.kind != "end":
            raise self.fail('"and", "or" or end of expression')
        return predicate

    def expression(self) -> Predicate:
        parts = [self.conjunction()]
        while self.at_keyword("or"):
            self.advance()
            parts.append(self.conjunction())
        return parts[0] if len(parts) == 1 else _any_of(tuple(parts))

    def conjunction(self) -> Predicate:
        parts = [self.negation()]
        while self.at_keyword("and"):
            self.advance()
            parts.append(self.negation())
        return parts[0] if len(parts) == 1 else _all_of(tuple(parts))

    def negation(self) -> Predicate:
        negated = False
        while self.at_keyword("not"):
            self.advance()
            negated = not negated
        predicate = self.primary()
        return _negate(predicate) if negated else predicate

    def primary(self) -> Predicate:
        token = self.current
        if token.kind == "lparen":
            return self.parenthesised()
        if self.at_keyword("true", "false"):
            self.advance()
            result = token.value == "true"
            return lambda pub: result
        if token.kind != "identifier":
            raise self.fail("a field name")
        self.advance()
        return self.test(str(token.value))

    def parenthesised(self) -> Predicate:
        if self.depth >= MAX_DEPTH:
            raise PublistError(
                f"expression nested deeper than {MAX_DEPTH} levels", self.current.position
            )
        self.depth += 1
        self.advance()
        predicate = self.expression()
        if self.current.kind != "rparen":
            raise self.fail('")"')
        self.advance()
        self.depth -= 1
        return predicate

    def test(self, name: str) -> Predicate:
        token = self.current
        if token.kind == "operator":
            self.advance()
            return compile_test(name, str(token.value), (self.value(),))
        negated = self.at_keyword("not")
        if negated:
            self.advance()
            if not self.at_keyword("in", "contains", "matches"):
                raise self.fail('"in", "contains" or "matches" after "not"')
        if self.at_keyword("in"):
            self.advance()
            return compile_test(name, "not in" if negated else "in", self.value_list())
        if self.at_keyword("contains", "matches"):
            operator = str(self.advance().value)
            operand = self.pattern() if operator == "matches" else self.value()
            predicate = compile_test(name, operator, (operand,))
            return _negate(predicate) if negated else predicate
        if token.kind in ("end", "rparen") or self.at_keyword("and", "or"):
            return compile_presence(name)
        raise self.fail(f'an operator after field "{name}"')

    def value(self) -> Literal:
        if self.current.kind not in ("string", "number"):
            raise self.fail("a quoted string or a number")
        return self.advance().value

    def value_list(self) -> tuple[Literal, ...]:
        if self.current.kind != "lparen":
            raise self.fail('"(" to start a list of values')
        self.advance()
        values: list[Literal] = []
        while self.current.kind != "rparen":
            values.append(self.value())
            if self.current.kind == "comma":
                self.advance()
            elif self.current.kind != "rparen":
                raise self.fail('"," or ")"')
        self.advance()
        return tuple(values)

    def pattern(self) -> re.Pattern[str]:
        token = self.current
        if token.kind != "string":
            raise self.fail("a quoted regular expression")
        self.advance()
        source = str(token.value)
        if len(source) > MAX_PATTERN_LENGTH:
            message = f"regular expression longer than {MAX_PATTERN_LENGTH} characters"
            raise PublistError(message, token.position)
        try:
            return re.compile(source, re.IGNORECASE)
        except re.error as error:
            raise PublistError(f"invalid regular expression: {error.msg}", token.position) from None


def _negate(predicate: Predicate) -> Predicate:
    return lambda pub: not predicate(pub)


def _all_of(parts: tuple[Predicate, ...]) -> Predicate:
    def every(pub: Publication) -> bool:
        return all(part(pub) for part in parts)

    return every


def _any_of(parts: tuple[Predicate, ...]) -> Predicate:
    def some(pub: Publication) -> bool:
        return any(part(pub) for part in parts)

    return some
