"""Directive options to a ``ListSpec``: good values taken, bad ones reported with a fallback."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist.config import PublistConfig
from sphinxcontrib_publist.options import parse_options


def parse(options: dict[str, str | None], **config: object):
    return parse_options(("refs.bib",), options, PublistConfig(**config), lambda name: True)


@pytest.mark.parametrize(
    ("options", "config", "expected"),
    [
        ({}, {}, (False, False, None)),
        ({}, {"bibtex": True, "download_bib": True, "max_authors": 5}, (True, True, 5)),
        ({"bibtex": None, "download-bib": ""}, {}, (True, True, None)),
        ({"bibtex": "false", "download-bib": "no"}, {"bibtex": True}, (False, False, None)),
        ({"bibtex": "Yes", "download-bib": "ON"}, {}, (True, True, None)),
        ({"max-authors": "3"}, {"max_authors": 5}, (False, False, 3)),
        ({"max-authors": "all"}, {"max_authors": 5}, (False, False, None)),
    ],
)
def test_feature_options(options, config, expected) -> None:
    spec, problems = parse(options, **config)
    assert (spec.bibtex, spec.download_bib, spec.max_authors) == expected
    assert problems == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"bibtex": "maybe"}, ":bibtex: must be true or false"),
        ({"download-bib": "2"}, ":download-bib: must be true or false"),
        ({"max-authors": "0"}, ":max-authors: must be a whole number"),
        ({"max-authors": "-2"}, ":max-authors: must be a whole number"),
        ({"max-authors": "three"}, ":max-authors: must be a whole number"),
    ],
)
def test_bad_feature_options_fall_back_with_a_warning(options, message) -> None:
    spec, problems = parse(options, bibtex=True, max_authors=4)
    assert [problem.message.startswith(message) for problem in problems] == [True]
    assert (spec.bibtex, spec.max_authors) == (True, 4)
