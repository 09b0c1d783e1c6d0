"""The values filters, sort keys and groups see: derived fields, names, plain text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_publist.bib.model import Person, Publication
from sphinxcontrib_publist.select import parse_filter
from sphinxcontrib_publist.select.fields import FieldValue, field_value, full_name

from ..samples import SAMPLES, STYLED_TITLE, converted

BY_KEY = {pub.key: pub for pub in SAMPLES}

FIELD_VALUE_CASES = [
    ("swersky2019", "year", 2019),
    ("swersky2019", "month", 5),
    ("swersky2019", "day", 3),
    ("swersky2019", "date", "2019-05-03"),
    ("muller2020", "date", "2020-11"),
    ("cruz2018", "date", "2018"),
    ("untitled", "date", None),
    ("untitled", "year", None),
    ("snoek2012", "type", "inproceedings"),
    ("snoek2012", "key", "snoek2012"),
    ("snoek2012", "author", ("Jasper Snoek", "Kevin Swersky", "Ryan P. Adams")),
    ("cruz2018", "author", ("Zoë de la Cruz, Jr.",)),
    ("untitled", "author", None),
    ("untitled", "editor", None),
    ("swersky2019", "title", "Élan: Part 2"),
    ("untitled", "title", None),
    ("swersky2019", "venue", "Journal of Machine Learning Research"),
    ("snoek2012", "abstract", "We tune hyper-parameters."),
    ("swersky2019", "abstract", None),
    ("swersky2019", "keywords", ("Google", "Machine Learning")),
    ("snoek2012", "keywords", ("bayesian", "google")),
    ("cruz2018", "keywords", None),
    ("cruz2018", "Institution", "Université de Montréal"),
    ("muller2020", "pubstate", "forthcoming"),
    ("muller2020", "nosuch", None),
]


@pytest.mark.parametrize(("key", "name", "expected"), FIELD_VALUE_CASES)
def test_field_values(key: str, name: str, expected: FieldValue) -> None:
    assert field_value(BY_KEY[key], name) == expected


@given(
    st.builds(
        Person,
        first=st.sampled_from(["", "Kevin", "Zoë Ann"]),
        middle=st.sampled_from(["", "P.", "J. R."]),
        prelast=st.sampled_from(["", "de la", "van"]),
        last=st.sampled_from(["", "Cruz", "Müller"]),
        lineage=st.sampled_from(["", "Jr."]),
    )
)
def test_full_name_matches_the_model(person: Person) -> None:
    assert full_name(person) == person.full_name()


def test_rich_text_fields_are_plain_text() -> None:
    assert field_value(STYLED_TITLE, "title") == "Deep Learning"
    assert field_value(STYLED_TITLE, "venue") == "Nature"


@pytest.mark.parametrize(
    ("expression", "keys"),
    [
        ("selected", ["field", "keyword"]),
        ("not selected", ["declined", "plain"]),
        ('selected == "yes"', ["field", "keyword"]),
        ("selected and year > 2020", ["keyword"]),
    ],
)
def test_the_filter_language_sees_selected_entries(expression: str, keys: list[str]) -> None:
    publications = [
        Publication(key="field", entry_type="misc", fields={"selected": "true"}, year=2019),
        Publication(key="keyword", entry_type="misc", fields={"keywords": "selected"}, year=2021),
        Publication(key="declined", entry_type="misc", fields={"selected": "no"}, year=2022),
        Publication(key="plain", entry_type="misc", year=2022),
    ]
    chosen = parse_filter(expression)
    assert [pub.key for pub in publications if chosen(pub)] == keys


def test_and_others_is_no_author_to_filter_on() -> None:
    (scholar,) = converted(
        ("scholar", "book", {"title": "T", "author": "Madelung, Otfried and others"})
    )
    assert field_value(scholar, "author") == ("Otfried Madelung",)
    assert not parse_filter('author contains "others"')(scholar)
    assert parse_filter('author contains "Madelung"')(scholar)


def test_a_marked_author_is_found_by_name() -> None:
    (marked,) = converted(("marked", "article", {"title": "T", "author": "Einstein*, A."}))
    assert field_value(marked, "author") == ("A. Einstein",)
