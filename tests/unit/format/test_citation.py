"""The short citation a ``pub`` reference shows."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist.format.citation import short_citation

from ..samples import converted


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"author": "Swersky, Kevin", "year": "2020"}, "Swersky 2020"),
        ({"author": "Swersky, Kevin and Zemel, Richard", "year": "2020"}, "Swersky & Zemel 2020"),
        (
            {"author": "Swersky, K. and Zemel, R. and Snoek, J.", "year": "2020"},
            "Swersky et al. 2020",
        ),
        ({"author": "Swersky, Kevin and others", "year": "2020"}, "Swersky et al. 2020"),
        ({"author": "van der Berg, Jan", "year": "1999"}, "van der Berg 1999"),
        ({"author": "Swersky, Kevin"}, "Swersky"),
        ({"editor": "Doe, Jane", "title": "Edited", "year": "2001"}, "Doe 2001"),
        ({"title": "A Report {Nobody} Signed", "year": "2019"}, "A Report Nobody Signed"),
        ({"year": "2019"}, "anon"),
    ],
)
def test_short_citation(fields: dict[str, str], expected: str) -> None:
    (publication,) = converted(("anon", "misc", fields))
    assert short_citation(publication) == expected


def test_et_al_is_the_callers_word() -> None:
    (publication,) = converted(("k", "misc", {"author": "A, B and C, D and E, F", "year": "2002"}))
    assert short_citation(publication, et_al="u. a.") == "A u. a. 2002"
