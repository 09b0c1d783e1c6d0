"""The filter language's tokens: kinds, values, positions, string escapes."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist.select.tokens import tokenize

STRING_CASES = [
    (r'"plain"', "plain"),
    (r"'single'", "single"),
    (r'"say \"hi\""', 'say "hi"'),
    (r"'it\'s'", "it's"),
    (r'"it\'s"', "it's"),
    (r'"a\\b"', "a\\b"),
    (r'"tab\there"', "tab\there"),
    (r'"line\nbreak"', "line\nbreak"),
    (r'"\d+"', r"\d+"),
    ("\"mixed 'quotes'\"", "mixed 'quotes'"),
    ('""', ""),
]


@pytest.mark.parametrize(("source", "value"), STRING_CASES)
def test_string_literals_and_escapes(source: str, value: str) -> None:
    first, end = tokenize(source)
    assert (first.kind, first.value, first.text) == ("string", value, source)
    assert end.kind == "end"


def test_tokens_carry_kinds_and_positions() -> None:
    tokens = tokenize('pub-state >= -3 AND x_1 in ("a", 2)')
    assert [(token.kind, token.value, token.position) for token in tokens] == [
        ("identifier", "pub-state", 0),
        ("operator", ">=", 10),
        ("number", -3, 13),
        ("keyword", "and", 16),
        ("identifier", "x_1", 20),
        ("keyword", "in", 24),
        ("lparen", "(", 27),
        ("string", "a", 28),
        ("comma", ",", 31),
        ("number", 2, 33),
        ("rparen", ")", 34),
        ("end", "", 35),
    ]
