"""Text commands real exports use: babel quotes, guillemets, textcomp and textgreek, ¿ and ¡."""

# The expected values are typographic characters on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import pytest

from sphinxcontrib_publist.bib.latex import latex_to_plain, latex_to_rich

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("source", "plain"),
    [
        # A German title as JabRef writes it: \glqq worked, \grqq did not.
        (r"Die \glqq Wende\grqq{} von 1989", "Die „Wende“ von 1989"),
        (r"\glq{}So\grq{} gesagt", "‚So‘ gesagt"),
        (r"\flqq{}Zitat\frqq{}", "«Zitat»"),
        # babel-french's guillemets bring their own unbreakable spaces.
        (r"Le \og Grand Paris \fg{} en débat", f"Le «{NBSP}Grand Paris{NBSP}» en débat"),
        (r"\og{} Bonjour\fg.", f"«{NBSP}Bonjour{NBSP}»."),
        (r"Co{\^u}t de 5\,\texteuro{} par an", "Coût de 5\u2009€ par an"),
        (r"\euro 10", "€10"),
        (r"\textalpha-synuclein", "α-synuclein"),
        (r"\textOmega{} and \textlambda", "Ω and λ"),
        (r"Spin-\textbeta{} decay", "Spin-β decay"),
        # ?` and !` are TeX's ligatures for ¿ and ¡; some exports escape the quote.
        (r"?`Qu\'e es la ciencia?", "¿Qué es la ciencia?"),
        (r"?\`Qu\'e es?", "¿Qué es?"),
        (r"!`Viva!", "¡Viva!"),
        (r"!\`Hola!", "¡Hola!"),
        (r"\`a la carte", "à la carte"),
        (r"0.5\textperthousand", "0.5‰"),
        (r"25\textcelsius", "25℃"),
        (r"\textonehalf", "½"),
        (r"\textsection 3", "§3"),
        (r"\textquestiondown{}Por qu\'e?", "¿Por qué?"),
        # Math commands outside math, as in tugboat.bib.
        (r"the \varGamma{} function", "the Γ function"),
        (r"{\cal L}-functions", "L-functions"),
        (r"\mathcal{O}(n)", "O(n)"),
    ],
)
def test_text_commands(source: str, plain: str) -> None:
    conversion = latex_to_rich(source)
    assert conversion.unknown_macros == ()
    assert latex_to_plain(source) == plain
