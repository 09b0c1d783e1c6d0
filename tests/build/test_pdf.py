"""PDF output: lists' characters and math macros reach LaTeX in a form each engine sets."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist.bib.latex import latex_to_plain

DECODED = [
    (r"Nguy\~{\^e}n", "Nguyễn"),
    (r"Nguy\~{\^{e}}n", "Nguyễn"),
    (r"Vi{\d{\^e}}t", "Việt"),
    (r"Th\d{i}", "Thị"),
    (r"\'{\i}", "í"),
    ("Mu\u0308ller", "Müller"),
]


@pytest.mark.parametrize(("latex", "text"), DECODED)
def test_accents_on_accents_and_decomposed_text_are_composed(latex: str, text: str) -> None:
    assert latex_to_plain(latex) == text
