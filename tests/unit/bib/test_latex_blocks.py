"""Blocks in abstracts: paragraphs, display-math environments and lists, from real abstracts."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist.bib.latex import latex_to_plain, latex_to_rich
from sphinxcontrib_publist.core.richtext import (
    Break,
    DisplayMath,
    Listing,
    Math,
    Styled,
    Text,
)

# An arXiv abstract pasted with its displayed equation.
ALIGN_ABSTRACT = r"""We minimise the loss
\begin{align*}
L(X,Y) &= \sum_{j} x_j \\
 &= 0
\end{align*}
over all $X$."""


def test_an_align_environment_is_display_math_without_its_name() -> None:
    conversion = latex_to_rich(ALIGN_ABSTRACT)
    assert conversion.rich == (
        Text("We minimise the loss"),
        DisplayMath("L(X,Y) &= \\sum_{j} x_j \\\\\n &= 0", "align*"),
        Text("over all "),
        Math("X"),
        Text("."),
    )
    assert conversion.unknown_macros == ()
    assert "align" not in latex_to_plain(ALIGN_ABSTRACT)


@pytest.mark.parametrize(
    ("source", "environment"),
    [
        (r"\begin{equation}E=mc^2\end{equation}", "equation*"),
        (r"\begin{equation*}E=mc^2\end{equation*}", "equation*"),
        (r"\begin{gather}E=mc^2\end{gather}", "gather*"),
        (r"\begin{multline}E=mc^2\end{multline}", "multline*"),
        (r"\begin{eqnarray}E&=&mc^2\end{eqnarray}", "eqnarray*"),
        (r"\begin{align}E&=mc^2\end{align}", "align*"),
        ("$$E=mc^2$$", ""),
        (r"\[E=mc^2\]", ""),
    ],
)
def test_every_display_math_form_is_unnumbered_display_math(source: str, environment: str) -> None:
    (node,) = latex_to_rich(source).rich
    assert isinstance(node, DisplayMath)
    assert node.environment == environment
    assert "mc^2" in node.latex


def test_an_unclosed_environment_keeps_its_text() -> None:
    assert latex_to_plain(r"\begin{align*} x = 1") == "x = 1"


def test_itemize_is_a_list_of_its_items() -> None:
    source = r"Contributions: \begin{itemize} \item one \item \emph{two}" "\n" r"\end{itemize} done"
    assert latex_to_rich(source).rich == (
        Text("Contributions:"),
        Listing(((Text("one"),), (Styled("emph", (Text("two"),)),))),
        Text("done"),
    )
    assert "itemize" not in latex_to_plain(source)


def test_enumerate_is_numbered_and_a_description_shows_its_terms() -> None:
    (numbered,) = latex_to_rich(r"\begin{enumerate}\item a\item b\end{enumerate}").rich
    assert numbered == Listing(((Text("a"),), (Text("b"),)), ordered=True)
    (described,) = latex_to_rich(r"\begin{description}\item[Data] 10 sets\end{description}").rich
    assert described == Listing(((Styled("strong", (Text("Data"),)), Text(" 10 sets")),))


def test_a_list_left_open_ends_with_the_field_and_stray_items_are_paragraphs() -> None:
    assert latex_to_rich(r"\begin{itemize}\item a").rich == (Listing(((Text("a"),),)),)
    assert latex_to_rich(r"x \item y").rich == (Text("x"), Break(), Text("y"))


@pytest.mark.parametrize(
    "source",
    [
        "Background.\n\nMethods.",
        "Background.\n  \t\n\n   Methods.",
        "Background.\r\n\r\nMethods.",
        r"Background.\par Methods.",
        r"Background. \par\par Methods.",
    ],
)
def test_blank_lines_and_par_end_paragraphs(source: str) -> None:
    assert latex_to_rich(source).rich == (Text("Background."), Break(), Text("Methods."))


def test_breaks_at_the_edges_or_inside_a_style_are_not_paragraphs() -> None:
    assert latex_to_rich("\n\nA\n\n").rich == (Text("A"),)
    assert latex_to_rich(r"\emph{a \par b}").rich == (Styled("emph", (Text("a b"),)),)


def test_other_environments_show_their_text_and_only_unknown_ones_are_reported() -> None:
    assert latex_to_rich(r"\begin{center}hi\end{center}").rich == (Text("hi"),)
    assert latex_to_rich(r"\begin{wibble}hi\end{wibble}").unknown_macros == ("\\begin{wibble}",)
