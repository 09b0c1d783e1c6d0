"""Folding text for comparison (case, accents, ligatures) and natural sort keys."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist.core.folding import fold, natural_key

FOLD_CASES = [
    ("Ångström Œuvre", "angstrom oeuvre"),
    ("Straße", "strasse"),
    ("Łódź  Ørsted\tÆsir", "lodz orsted aesir"),
    ("  Zoë\n", "zoe"),
    ("e\u0301lan", "elan"),
    ("ΣΊΣΥΦΟΣ", "σισυφοσ"),
    ("ﬁx²", "fix2"),
    ("plain ASCII", "plain ascii"),
]


@pytest.mark.parametrize(("text", "folded"), FOLD_CASES)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_natural_key_orders_numbers_by_value() -> None:
    assert natural_key("Part 10") > natural_key("part 2") > natural_key("Part 1b")
    assert natural_key("Élan") == natural_key("elan")
    assert natural_key("2") < natural_key("a") < natural_key("b3")
