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

from ..bib.model import Publication
from ..core.diagnostics import PublistError
from .comparisons import Predicate, compile_presence, compile_test
from .tokens import Literal, Token, describe, tokenize

MAX_DEPTH = 50
MAX_PATTERN_LENGTH = 500


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
