"""fields.browser_folds: the table that makes the script fold text as fields.fold does."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Mapping

from sphinxcontrib_publist.core.folding import _TYPOGRAPHY, browser_folds, fold

# What JavaScript's \s matches: the script splits on it.
JS_SPACE = re.compile(
    r"[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+"
)
FOLDS = browser_folds()
# What fold treats specially: the Latin range, its typography table, and what
# casefold() changes beyond lower().
SPECIAL = sorted(
    {chr(code) for code in range(0x80, 0x250)}
    | set(_TYPOGRAPHY)
    | {char for char in map(chr, range(sys.maxunicode + 1)) if char.casefold() != char.lower()}
)


def script_fold(text: str, folds: Mapping[str, str] = FOLDS) -> str:
    """publist.js's fold: NFKD, toLowerCase, the table, drop \\p{Mn}, split on \\s."""
    lowered = unicodedata.normalize("NFKD", text).lower()
    replaced = "".join(folds.get(char, char) for char in lowered)
    bare = "".join(char for char in replaced if unicodedata.category(char) != "Mn")
    return " ".join(word for word in JS_SPACE.split(bare) if word)


def test_the_table_maps_single_non_ascii_characters_to_text() -> None:
    assert FOLDS
    assert all(len(char) == 1 and not char.isascii() for char in FOLDS)
    assert all(isinstance(folded, str) for folded in FOLDS.values())


def test_with_the_table_the_script_folds_every_special_character_as_python() -> None:
    differing = [
        char
        for char in [*SPECIAL, *FOLDS]
        for text in (char, f"a{char}b", f"{char.upper()}{char}")
        if script_fold(text) != fold(text)
    ]
    assert differing == []


def test_every_entry_is_needed() -> None:
    needless = [char for char in FOLDS if script_fold(f"a{char}b", {}) == fold(f"a{char}b")]
    assert needless == []


def test_known_differences_are_in_the_table() -> None:
    # Letters NFKD leaves whole, casefold's own (sharp s, final sigma, iota subscript),
    # typography, and a next-line character Python splits on and JavaScript does not.
    assert {char: FOLDS[char] for char in "øłæœßþς\u0345\u2019\u2013\x85"} == {
        "ø": "o",
        "ł": "l",
        "æ": "ae",
        "œ": "oe",
        "ß": "ss",
        "þ": "th",
        "ς": "\u03c3",  # sigma
        "\u0345": "\u03b9",  # iota
        "\u2019": "'",
        "\u2013": "-",
        "\x85": " ",
    }


def test_casefold_changes_nothing_beyond_lower_outside_the_basic_multilingual_plane() -> None:
    # browser_folds looks no further.
    beyond = range(0x10000, sys.maxunicode + 1)
    assert [code for code in beyond if chr(code).casefold() != chr(code).lower()] == []


def test_without_the_table_the_script_would_differ() -> None:
    for text in ("Søren", "Straße", "ΛΟΓΟΣ", "ᾠδή", "O\u2019Brien", "pre\u2013post"):
        assert script_fold(text, {}) != fold(text), text
        assert script_fold(text) == fold(text), text
