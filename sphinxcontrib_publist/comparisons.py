"""Select stage: what each filter operator means on field values, missing ones included.

A missing field is absent, never an error: every test on it is false except the
negated ones (``!=``, ``not in``). On a list value (authors, keywords) a test holds
when it holds for any element; ``!=`` and ``not in`` when it holds for none.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Sequence
from typing import Any

from .fields import comparable_getter, fold, natural_key
from .model import Publication

Predicate = Callable[[Publication], bool]
Operand = str | int | re.Pattern[str]
ElementTest = Callable[[str | int], bool]

_NUMBER_TEXT = re.compile(r"\s*[+-]?[0-9]+\s*")
_ORDERINGS: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}
_NEGATED = {"!=": "==", "not in": "in"}


def compile_presence(name: str) -> Predicate:
    """Build a predicate true when field ``name`` is present and non-empty."""
    getter = comparable_getter(name)
    return lambda pub: getter(pub) is not None


def compile_test(name: str, op: str, operands: Sequence[Operand]) -> Predicate:
    """Build a predicate applying ``op`` (``==``, ``in``, ``contains``...) to field ``name``."""
    getter = comparable_getter(name)
    negated = op in _NEGATED
    element_test = _element_test(_NEGATED.get(op, op), operands)

    def predicate(pub: Publication) -> bool:
        value = getter(pub)
        if value is None:
            return negated
        if isinstance(value, tuple):
            return any(map(element_test, value)) != negated
        return element_test(value) != negated

    return predicate


def as_number(value: str | int) -> int | None:
    """``value`` as an integer when it is one or spells one, else ``None``."""
    if isinstance(value, int):
        return value
    return int(value) if _NUMBER_TEXT.fullmatch(value) else None


def _element_test(op: str, operands: Sequence[Operand]) -> ElementTest:
    if op == "matches":
        pattern = operands[0]
        assert isinstance(pattern, re.Pattern)
        return lambda value: pattern.search(str(value)) is not None
    literals = [operand for operand in operands if not isinstance(operand, re.Pattern)]
    if op == "contains":
        needle = fold(str(literals[0]))
        return lambda value: needle in fold(str(value))
    if op in ("==", "in"):
        tests = [_equals(literal) for literal in literals]
        return lambda value: any(test(value) for test in tests)
    return _ordering(_ORDERINGS[op], literals[0])


def _equals(literal: str | int) -> ElementTest:
    number = as_number(literal)
    folded = fold(str(literal))

    def equals(value: str | int) -> bool:
        if number is not None:
            value_number = as_number(value)
            if value_number is not None:
                return value_number == number
        return fold(str(value)) == folded

    return equals


def _ordering(compare: Callable[[Any, Any], bool], literal: str | int) -> ElementTest:
    number = as_number(literal)
    key = natural_key(str(literal))

    def ordered(value: str | int) -> bool:
        if number is not None:
            value_number = as_number(value)
            if value_number is not None:
                return compare(value_number, number)
        return compare(natural_key(str(value)), key)

    return ordered
