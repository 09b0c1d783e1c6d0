"""The default style's venue line: each part the entry's type calls for, as asked."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist.core.richtext import plain_text
from sphinxcontrib_publist.format.venue import VENUE_PARTS, compose_venue

from ..samples import converted

(ARTICLE, THESIS, BOOK, PREPRINT) = converted(
    (
        "a",
        "article",
        {"journal": "J. Eng.", "volume": "3", "number": "2", "pages": "5-9", "year": "2020"},
    ),
    ("t", "mastersthesis", {"school": "ETH", "year": "2020"}),
    ("b", "book", {"publisher": "Wiley", "edition": "11", "year": "2020"}),
    ("p", "misc", {"eprint": "2101.00001", "archiveprefix": "arXiv", "primaryclass": "cs.LG"}),
)


@pytest.mark.parametrize(
    ("publication", "parts", "expected"),
    [
        (ARTICLE, VENUE_PARTS, "J. Eng., 3(2):5\u20139"),
        (ARTICLE, ("venue",), "J. Eng."),
        (ARTICLE, ("volume", "venue"), "J. Eng., 3(2):5\u20139"),
        (THESIS, VENUE_PARTS, "Master's thesis, ETH"),
        (THESIS, ("venue",), "ETH"),
        (BOOK, VENUE_PARTS, "11th edition, Wiley"),
        # Without its own part, a book's publisher is its venue, as before.
        (BOOK, ("venue",), "Wiley"),
        (PREPRINT, VENUE_PARTS, "arXiv:2101.00001 [cs.LG]"),
        (PREPRINT, ("venue",), "arXiv:2101.00001"),
        (ARTICLE, (), ""),
    ],
)
def test_venue_parts(publication: object, parts: tuple[str, ...], expected: str) -> None:
    assert plain_text(compose_venue(publication, parts)) == expected  # type: ignore[arg-type]
