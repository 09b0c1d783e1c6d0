"""Whole numbers from user text, never an exception however many digits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_publist.core.numbers import whole_number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("3", 3),
        (" 3 ", 3),
        ("-3", -3),
        ("+3", 3),
        ("0", 0),
        ("007", 7),
        ("9" * 4300, int("9" * 4300)),
        ("9" * 4301, None),
        ("3.0", None),
        ("3e2", None),
        ("", None),
        ("many", None),
        ("\u00b2", None),
    ],
)
def test_whole_number(text: str, number: int | None) -> None:
    assert whole_number(text) == number


@given(st.integers(-(10**30), 10**30))
def test_every_integer_reads_back(number: int) -> None:
    assert whole_number(f" {number}\n") == number


@given(st.text())
def test_any_text_is_a_number_or_none(text: str) -> None:
    assert whole_number(text) is None or isinstance(whole_number(text), int)
