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

from ..bib.model import Publication
from ..core.folding import fold, natural_key
from ..core.numbers import whole_number
from .fields import NAME_FIELDS, value_getter

Predicate = Callable[[Publication], bool]
Operand = str | int | re.Pattern[str]
Scalar = str | int
ScalarTest = Callable[[Scalar], bool]
ValueTest = Callable[[Scalar | tuple[str, ...]], bool]

_NUMBER_TEXT = re.compile(r"\s*[+-]?[0-9]+\s*")
_ORDERINGS: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}
_NEGATED = {"!=": "==", "not in": "in"}
# Joins list elements for one substring search; folded text never holds it.
_ELEMENT_SEPARATOR = "\x00"


def compile_presence(name: str) -> Predicate:
    """Build a predicate true when field ``name`` is present and non-empty."""
    getter = value_getter(name)
    return lambda pub: getter(pub) is not None


def compile_test(name: str, op: str, operands: Sequence[Operand]) -> Predicate:
    """Build a predicate applying ``op`` (``==``, ``in``, ``contains``...) to field ``name``."""
    getter = value_getter(name)
    negated = op in _NEGATED
    op = _NEGATED.get(op, op)
    if name.lower() in NAME_FIELDS and op in ("==", "in", "contains"):
        operands = _with_display_order(operands)
    value_test = (
        _contains(operands) if op == "contains" else _any_element(_scalar_test(op, operands))
    )

    def predicate(pub: Publication) -> bool:
        value = getter(pub)
        if value is None:
            return negated
        return value_test(value) != negated

    return predicate


def as_number(value: Scalar) -> int | None:
    """``value`` as an integer when it is one or spells one, else ``None``."""
    if isinstance(value, int):
        return value
    if not _NUMBER_TEXT.fullmatch(value):
        return None
    return whole_number(value)


def _with_display_order(operands: Sequence[Operand]) -> list[Operand]:
    """Add "First Last" for each "Last, First" (and "First Last, Jr" for "Last, Jr, First")."""
    result = list(operands)
    for operand in operands:
        if isinstance(operand, str) and "," in operand:
            parts = [part.strip() for part in operand.split(",")]
            if len(parts) == 2:
                result.append(f"{parts[1]} {parts[0]}")
            elif len(parts) == 3:
                result.append(f"{parts[2]} {parts[0]}, {parts[1]}")
    return result


def _literals(operands: Sequence[Operand]) -> list[Scalar]:
    return [operand for operand in operands if not isinstance(operand, re.Pattern)]


def _contains(operands: Sequence[Operand]) -> ValueTest:
    needles = [fold(str(literal)) for literal in _literals(operands)]
    joinable = not any(_ELEMENT_SEPARATOR in needle for needle in needles)

    def contains(value: Scalar | tuple[str, ...]) -> bool:
        if isinstance(value, tuple):
            if not joinable:
                return any(contains(element) for element in value)
            value = _ELEMENT_SEPARATOR.join(value)
        haystack = fold(str(value))
        return any(needle in haystack for needle in needles)

    return contains


def _any_element(test: ScalarTest) -> ValueTest:
    def any_element(value: Scalar | tuple[str, ...]) -> bool:
        return any(map(test, value)) if isinstance(value, tuple) else test(value)

    return any_element


def _scalar_test(op: str, operands: Sequence[Operand]) -> ScalarTest:
    if op == "matches":
        patterns = [operand for operand in operands if isinstance(operand, re.Pattern)]
        return lambda value: any(pattern.search(str(value)) for pattern in patterns)
    literals = _literals(operands)
    if op in ("==", "in"):
        tests = [_equals(literal) for literal in literals]
        return lambda value: any(test(value) for test in tests)
    return _ordering(_ORDERINGS[op], literals[0])


def _equals(literal: Scalar) -> ScalarTest:
    number = as_number(literal)
    folded = fold(str(literal))

    def equals(value: Scalar) -> bool:
        if number is not None:
            value_number = as_number(value)
            if value_number is not None:
                return value_number == number
        return fold(str(value)) == folded

    return equals


def _ordering(compare: Callable[[Any, Any], bool], literal: Scalar) -> ScalarTest:
    number = as_number(literal)
    key = natural_key(str(literal))

    def ordered(value: Scalar) -> bool:
        if number is not None:
            value_number = as_number(value)
            if value_number is not None:
                return compare(value_number, number)
        return compare(natural_key(str(value)), key)

    return ordered
