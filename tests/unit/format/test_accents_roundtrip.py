"""Latin Extended Additional, spelled in LaTeX by latexcodec, decodes back in every style."""

from __future__ import annotations

import codecs
import unicodedata

import latexcodec  # noqa: F401 (registers the "latex" codec)
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_publist.bib.latex import latex_to_plain
from sphinxcontrib_publist.core.richtext import plain_text
from sphinxcontrib_publist.format.pdflatex import spelling
from sphinxcontrib_publist.format.styles import format_entries

from ..samples import converted, format_options

BLOCK = [chr(code) for code in range(0x1E00, 0x1F00) if unicodedata.category(chr(code))[0] == "L"]
# Letters with a one-letter lowercase (ẞ lowercases to ß, ẖ has no capital).
LETTERS = st.text(st.sampled_from(BLOCK), min_size=1, max_size=4)


def latex_of(text: str) -> str:
    """latexcodec's spelling where it has one (``\\d d``), else its parts under accents."""
    return "".join("{" + _spelled(char) + "}" for char in text)


def _spelled(char: str) -> str:
    return _latexcodec(char) or spelling(char) or char


def _latexcodec(char: str) -> str | None:
    try:
        return codecs.encode(char, "latex").decode("ascii")
    except UnicodeError:
        return None


def test_every_letter_of_the_block_decodes_back() -> None:
    wrong = {
        char: latex_of(char)
        for char in BLOCK
        if unicodedata.normalize("NFC", latex_to_plain(latex_of(char))) != char
    }
    assert wrong == {}


def test_latexcodec_spellings_without_braces_decode_back() -> None:
    known = {char: _latexcodec(char) for char in BLOCK}
    spelled = {char: latex for char, latex in known.items() if latex is not None}
    assert spelled, "latexcodec spells none of the block"
    assert {char: latex_to_plain(f"x{latex} x") for char, latex in spelled.items()} == {
        char: f"x{char} x" for char in spelled
    }


@settings(max_examples=40, deadline=None)
@given(title=LETTERS, first=LETTERS, last=LETTERS, abstract=LETTERS)
def test_titles_names_and_abstracts_decode_in_every_style(
    title: str, first: str, last: str, abstract: str
) -> None:
    (publication,) = converted(
        (
            "key",
            "article",
            {
                "author": f"{latex_of(last)}, {latex_of(first)}",
                "title": f"Title {latex_of(title)}",
                "journal": "Journal",
                "year": "2020",
                "abstract": latex_of(abstract),
            },
        )
    )
    for style in ("default", "plain", "alpha"):
        (entry,), _ = format_entries([publication], style, format_options())
        shown = plain_text(entry.reference) if entry.reference else plain_text(entry.title)
        names = plain_text(entry.reference) if entry.reference else entry.authors[0].text
        names = names.replace("\u00a0", " ")  # pybtex ties first and last names
        # pybtex's styles set titles in sentence case.
        assert f"Title {title}".lower() in unicodedata.normalize("NFC", shown).lower()
        assert f"{first} {last}" in unicodedata.normalize("NFC", names)
        assert plain_text(entry.abstract) == abstract
