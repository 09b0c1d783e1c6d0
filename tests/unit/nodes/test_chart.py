"""The chart's counts: publications per year, empty years shown unless the span is huge."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist.bib.model import Publication
from sphinxcontrib_publist.nodes.chart import MAX_SPAN, year_counts


def publications(*years: int | None) -> list[Publication]:
    return [
        Publication(key=f"k{index}", entry_type="misc", year=year)
        for index, year in enumerate(years)
    ]


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        ((), []),
        ((None,), []),
        ((2020,), [(2020, 1)]),
        ((2020, 2018, 2020, None), [(2018, 1), (2019, 0), (2020, 2)]),
        ((1900, 1900 + MAX_SPAN), [(1900, 1), (1900 + MAX_SPAN, 1)]),
    ],
)
def test_year_counts(years: tuple[int | None, ...], expected: list[tuple[int, int]]) -> None:
    assert year_counts(publications(*years)) == expected
