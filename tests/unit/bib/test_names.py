"""Author names: tolerant matching of spellings, lookups and display formats."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist.bib.model import Person
from sphinxcontrib_publist.bib.names import (
    NameLookup,
    NameMatcher,
    display_name,
    parse_name,
    spellings,
)

MATCHING = [
    ("Kevin Swersky", "Kevin Swersky"),
    ("Kevin Swersky", "Swersky, Kevin"),
    ("Kevin Swersky", "K. Swersky"),
    ("Kevin Swersky", "Swersky, K."),
    ("Kevin Swersky", "Swersky, K"),
    ("Kevin Swersky", "Kevin J. Swersky"),
    ("Kevin Swersky", "Kevin Jordan Swersky"),
    ("Kevin Swersky", "{Swersky}, Kevin"),
    ("Kevin Swersky", "KEVIN SWERSKY"),
    ("Kevin J. Swersky", "KJ Swersky"),
    ("Jörn-Henrik Jacobsen", "Jorn-Henrik Jacobsen"),
    ("Jörn-Henrik Jacobsen", "Joern-Henrik Jacobsen"),
    ("Jörn-Henrik Jacobsen", "J.-H. Jacobsen"),
    ("Jörn-Henrik Jacobsen", 'Jacobsen, J{\\"o}rn-Henrik'),
    ("Jörn-Henrik Jacobsen", "Jörn Jacobsen"),
    ("Ørjan Bø", "Orjan Bo"),
    ("Zoë Łukasiewicz", "Zoe Lukasiewicz"),
    ("Jan van der Berg", "van der Berg, Jan"),
    ("Jan van der Berg", "J. van der Berg"),
    ("Jan van der Berg", "{van der Berg}, Jan"),
    ("Jan van der Berg", "Van der Berg, Jan"),
    ("María de la Cruz", "de la Cruz, María"),
    ("María de la Cruz", "Maria de la Cruz"),
    ("María de la Cruz", "M. de la Cruz"),
    ("Martin Luther King, Jr.", "King, Jr., Martin Luther"),
    ("Martin Luther King Jr.", "King, Jr., Martin Luther"),
    ("Martin Luther King Jr.", "M. L. King"),
    ("Jean-Luc Picard", "Picard, Jean-Luc"),
    ("王小明", "王小明"),
    ("Пётр Иванов", "Иванов, Петр"),
    ("Пётр Иванов", "П. Иванов"),
    ("Γιώργος Παπαδόπουλος", "Γιωργος Παπαδοπουλος"),
]

NOT_MATCHING = [
    ("Kevin Swersky", "Kyle Swersky"),
    ("Kevin Swersky", "Kevin Swerski"),
    ("Kevin Swersky", "Swersky, Kyle"),
    ("Jan van der Berg", "Jan Berg"),
    ("Jan van der Berg", "Jan van den Berg"),
    ("María de la Cruz", "María Cruz"),
    ("Jörn-Henrik Jacobsen", "Jan Jacobsen"),
    ("王小明", "王小红"),
    ("Пётр Иванов", "Иван Иванов"),
]


@pytest.mark.parametrize(("wanted", "seen"), MATCHING)
def test_spellings_of_one_person_match(wanted: str, seen: str) -> None:
    assert NameMatcher([wanted]).matches(parse_name(seen))
    # Configured as a variant the other way round, too.
    assert NameMatcher([seen]).matches(parse_name(wanted))


@pytest.mark.parametrize(("wanted", "seen"), NOT_MATCHING)
def test_other_people_do_not_match(wanted: str, seen: str) -> None:
    assert not NameMatcher([wanted]).matches(parse_name(seen))


def test_configured_variants_match_names_tolerance_cannot_guess() -> None:
    matcher = NameMatcher(["Kevin Swersky", "Kevin Smith-Swersky"])
    assert matcher.matches(parse_name("Smith-Swersky, K."))
    assert not NameMatcher(["Kevin Swersky"]).matches(parse_name("Smith-Swersky, K."))


def test_an_empty_matcher_matches_nobody() -> None:
    matcher = NameMatcher(["", "  "])
    assert not matcher
    assert not matcher.matches(parse_name("Kevin Swersky"))


def test_lookup_gives_the_first_matching_value() -> None:
    lookup = NameLookup([("K. Swersky", "first"), ("Kevin Swersky", "second")])
    assert lookup.get(parse_name("Kevin Swersky")) == "first"
    assert lookup.get(parse_name("Richard Zemel")) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Jörn", ("jorn", "joern")),
        ("Łukasz", ("lukasz",)),
        ("MÜLLER", ("muller", "mueller")),
        ("Straße", ("strasse",)),
        ("王", ("王",)),
    ],
)
def test_spellings(value: str, expected: tuple[str, ...]) -> None:
    assert spellings(value) == expected


JAN = Person(first="Jan", middle="Pieter", prelast="van der", last="Berg")
KING = Person(first="Martin", middle="Luther", last="King", lineage="Jr.")
LEE = Person(first="Kuan-Chieh", last="Wang")
MONONYM = Person(last="王小明")


@pytest.mark.parametrize(
    ("person", "name_format", "expected"),
    [
        (JAN, "first-last", "Jan Pieter van der Berg"),
        (JAN, "initials-last", "J. P. van der Berg"),
        (JAN, "last-initials", "van der Berg, J. P."),
        (KING, "first-last", "Martin Luther King, Jr."),
        (KING, "initials-last", "M. L. King, Jr."),
        (KING, "last-initials", "King Jr., M. L."),
        (LEE, "initials-last", "K.-C. Wang"),
        (LEE, "last-initials", "Wang, K.-C."),
        (MONONYM, "first-last", "王小明"),
        (MONONYM, "initials-last", "王小明"),
        (MONONYM, "last-initials", "王小明"),
    ],
)
def test_display_formats(person: Person, name_format: str, expected: str) -> None:
    assert display_name(person, name_format) == expected  # type: ignore[arg-type]
