"""The filter expression language: operators, precedence, semantics, errors."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_publist.core.diagnostics import PublistError
from sphinxcontrib_publist.select.filters import MAX_DEPTH, Filter, parse_filter

from ..samples import ALL_KEYS, SAMPLES


def matching(expression: str) -> set[str]:
    test = parse_filter(expression)
    return {pub.key for pub in SAMPLES if test(pub)}


def all_but(*keys: str) -> set[str]:
    return set(ALL_KEYS - set(keys))


OPERATOR_CASES = [
    ("year == 2019", {"swersky2019"}),
    ('year == "2019"', {"swersky2019"}),
    ("year != 2019", all_but("swersky2019")),
    ("year < 2018", {"snoek2012"}),
    ("year <= 2018", {"snoek2012", "cruz2018"}),
    ("year > 2019", {"muller2020"}),
    ('year >= "2019"', {"swersky2019", "muller2020"}),
    ('year in (2012, "2020")', {"snoek2012", "muller2020"}),
    ("year in (2012,)", {"snoek2012"}),
    ("year in ()", set()),
    ("year not in (2012, 2020)", {"swersky2019", "cruz2018", "untitled"}),
    ("year not in ()", set(ALL_KEYS)),
    ("year == -1", set()),
    ('type == "ARTICLE"', {"swersky2019", "muller2020"}),
    ('type in ("article", "inproceedings")', {"swersky2019", "muller2020", "snoek2012"}),
    ('key == "cruz2018"', {"cruz2018"}),
    ('title contains "elan"', {"swersky2019", "cruz2018"}),
    ('title not contains "part"', {"snoek2012", "untitled", "cruz2018"}),
    ('title == "ÉLAN"', {"cruz2018"}),
    ("title == 'elan'", {"cruz2018"}),
    (r'title matches "^part \d+$"', {"muller2020"}),
    ('title matches "Élan"', {"swersky2019"}),
    ('title not matches "part"', {"snoek2012", "untitled", "cruz2018"}),
    ('title < "Part 9"', {"swersky2019", "cruz2018"}),
    ('title > "part 9"', {"muller2020", "snoek2012"}),
    ('author == "Kevin Swersky"', {"swersky2019", "snoek2012"}),
    ('author == "Swersky, Kevin"', {"swersky2019", "snoek2012"}),
    ('author == "kevin swersky"', {"swersky2019", "snoek2012"}),
    ('author contains "Swersky"', {"swersky2019", "snoek2012"}),
    ('author contains "Muller"', {"muller2020"}),
    ('author == "Jorg Müller"', {"muller2020"}),
    ('author == "Ryan P. Adams"', {"snoek2012"}),
    ('author == "Adams, Ryan P."', {"snoek2012"}),
    ('author matches "^kevin swersky$"', {"swersky2019", "snoek2012"}),
    ('author contains "Snoek Kevin"', set()),
    ('keywords contains "learning google"', set()),
    ('editor contains "x"', set()),
    ('author == "Zoe de la Cruz, Jr."', {"cruz2018"}),
    ('author == "de la Cruz, Jr., Zoë"', {"cruz2018"}),
    ('author != "Kevin Swersky"', {"muller2020", "untitled", "cruz2018"}),
    ('author in ("Swersky, Kevin", "Jörg Müller")', {"swersky2019", "snoek2012", "muller2020"}),
    ('author matches "^jasper"', {"swersky2019", "snoek2012"}),
    ('keywords contains "google"', {"swersky2019", "snoek2012"}),
    ('keywords contains "GOOG"', {"swersky2019", "snoek2012"}),
    ('keywords == "google"', {"swersky2019", "snoek2012"}),
    ('keywords == "machine learning"', {"swersky2019"}),
    ('not keywords contains "google"', {"muller2020", "untitled", "cruz2018"}),
    ('venue contains "machine"', {"swersky2019"}),
    ('abstract contains "hyper"', {"snoek2012"}),
    ('institution contains "universite de montreal"', {"cruz2018"}),
    ('pubstate == "forthcoming"', {"muller2020"}),
    ("volume > 4", {"snoek2012"}),
    ('volume < "10"', {"muller2020"}),
    ('pages contains "--"', {"swersky2019"}),
    ("month == 5", {"swersky2019"}),
    ("month >= 5", {"swersky2019", "muller2020"}),
    ('date == "2019-05-03"', {"swersky2019"}),
    ('date == "2018"', {"cruz2018"}),
    ('date contains "2020-11"', {"muller2020"}),
    ('date matches "^20(18|20)"', {"cruz2018", "muller2020"}),
    ('date < "2019"', {"snoek2012", "cruz2018"}),
    ("year contains 201", {"swersky2019", "snoek2012", "cruz2018"}),
]


@pytest.mark.parametrize(("expression", "expected"), OPERATOR_CASES)
def test_operators(expression: str, expected: set[str]) -> None:
    assert matching(expression) == expected


PRESENCE_CASES = [
    ("keywords", {"swersky2019", "snoek2012"}),
    ("abstract", {"snoek2012"}),
    ("note", {"untitled"}),
    ("not note", all_but("untitled")),
    ("month", {"swersky2019", "muller2020"}),
    ("title", all_but("untitled")),
    ("author and year", all_but("untitled")),
    ("pub-state", set()),
]


@pytest.mark.parametrize(("expression", "expected"), PRESENCE_CASES)
def test_bare_field_means_present_and_non_empty(expression: str, expected: set[str]) -> None:
    assert matching(expression) == expected


MISSING_FIELD_CASES = [
    ('nosuch == "x"', False),
    ('nosuch != "x"', True),
    ("nosuch < 3", False),
    ("nosuch <= 3", False),
    ("nosuch > 3", False),
    ("nosuch >= 3", False),
    ('nosuch in ("x", 1)', False),
    ('nosuch not in ("x", 1)', True),
    ('nosuch contains "x"', False),
    ('nosuch not contains "x"', True),
    ('nosuch matches "."', False),
    ("nosuch", False),
    ("not nosuch", True),
]


@pytest.mark.parametrize(("expression", "expected"), MISSING_FIELD_CASES)
def test_missing_field_compares_as_absent(expression: str, expected: bool) -> None:
    untitled = next(pub for pub in SAMPLES if pub.key == "untitled")
    assert parse_filter(expression)(untitled) is expected
    assert parse_filter(expression.replace("nosuch", "year"))(untitled) is expected


PRECEDENCE_CASES = [
    (
        'year > 2015 and type == "article" or key == "untitled"',
        {"swersky2019", "muller2020", "untitled"},
    ),
    ('year > 2015 and (type == "article" or key == "untitled")', {"swersky2019", "muller2020"}),
    (
        'key == "untitled" or year > 2015 and type == "article"',
        {"swersky2019", "muller2020", "untitled"},
    ),
    ('not year > 2015 and type == "misc"', {"untitled"}),
    ('not (year > 2015 and type == "misc")', set(ALL_KEYS)),
    ("not not year", all_but("untitled")),
    ("not not not year", {"untitled"}),
    ('((year == 2012)) or (((key == "cruz2018")))', {"snoek2012", "cruz2018"}),
    ('YEAR >= 2019 AND Type IN ("Article")', {"swersky2019", "muller2020"}),
    ('NOT Keywords CONTAINS "google"', {"muller2020", "untitled", "cruz2018"}),
    ("true", set(ALL_KEYS)),
    ("FALSE", set()),
    ("true and year == 2012", {"snoek2012"}),
    ("false or year == 2012", {"snoek2012"}),
    ("year==2012or year==2018", {"snoek2012", "cruz2018"}),
]


@pytest.mark.parametrize(("expression", "expected"), PRECEDENCE_CASES)
def test_precedence_and_keywords(expression: str, expected: set[str]) -> None:
    assert matching(expression) == expected


ERROR_CASES = [
    ("(year", 'expected ")" but found end of expression', 5),
    ("year = 2019", 'unknown operator "="', 5),
    ("year => 2019", 'unknown operator "=>"', 5),
    ("year && type", 'unknown operator "&&"', 5),
    ('title == "abc', "unterminated string", 9),
    ("title == 'abc\\'", "unterminated string", 9),
    ("year ==", "expected a quoted string or a number but found end of expression", 7),
    ("year == article", 'expected a quoted string or a number but found "article"', 8),
    ("year 2019", 'expected an operator after field "year" but found "2019"', 5),
    ("", "expected a field name but found end of expression", 0),
    ("   ", "expected a field name but found end of expression", 3),
    ("and year", 'expected a field name but found "and"', 0),
    ("2019 == year", 'expected a field name but found "2019"', 0),
    ("year == 1 or", "expected a field name but found end of expression", 12),
    ("year == 1 year", 'expected "and", "or" or end of expression but found "year"', 10),
    ("year == 1)", 'expected "and", "or" or end of expression but found ")"', 9),
    ("year in 2019", 'expected "(" to start a list of values but found "2019"', 8),
    ("year in (1 2)", 'expected "," or ")" but found "2"', 11),
    ("year in (1,", "expected a quoted string or a number but found end of expression", 11),
    ("year not 2019", 'expected "in", "contains" or "matches" after "not" but found "2019"', 9),
    ("title matches 3", 'expected a quoted regular expression but found "3"', 14),
    ('title matches "(x"', "invalid regular expression", 14),
    ('title matches "' + "a" * 501 + '"', "regular expression longer than 500 characters", 14),
    ("year == 3.5", 'unexpected character "."', 9),
    ('title == "x" # y', 'unexpected character "#"', 13),
    ("-year", 'unexpected character "-"', 0),
    (
        "(" * 100 + "year" + ")" * 100,
        f"expression nested deeper than {MAX_DEPTH} levels",
        MAX_DEPTH,
    ),
]


@pytest.mark.parametrize(("expression", "message", "position"), ERROR_CASES)
def test_errors_point_at_the_problem(expression: str, message: str, position: int) -> None:
    with pytest.raises(PublistError) as caught:
        parse_filter(expression)
    assert caught.value.message.startswith(message)
    assert caught.value.position == position
    assert str(caught.value).endswith(f"(at character {position + 1})")


def test_long_chains_and_many_nots_do_not_recurse() -> None:
    long_or = " or ".join(f"year == {year}" for year in range(3000))
    assert matching(long_or) == all_but("untitled")
    assert matching("not " * 1001 + "year") == {"untitled"}
    assert matching("(" * MAX_DEPTH + "year" + ")" * MAX_DEPTH) == all_but("untitled")


def test_filter_keeps_its_source_and_pickles_by_it() -> None:
    test = parse_filter('keywords contains "google"')
    assert isinstance(test, Filter)
    assert test.source == 'keywords contains "google"'
    assert test == parse_filter('keywords contains "google"')
    clone = pickle.loads(pickle.dumps(test))
    assert [clone(pub) for pub in SAMPLES] == [test(pub) for pub in SAMPLES]


def check_parses_or_fails_cleanly(expression: str) -> None:
    try:
        test = parse_filter(expression)
    except PublistError as error:
        assert error.position is not None
        assert 0 <= error.position <= len(expression)
        return
    assert all(isinstance(test(pub), bool) for pub in SAMPLES)


@settings(max_examples=300)
@given(st.text())
def test_any_text_parses_or_raises_publist_error(expression: str) -> None:
    check_parses_or_fails_cleanly(expression)


LANGUAGE_PIECES = [
    "year", "title", "author", "keywords", "nosuch", "pub-state", "and", "or", "not", "in",
    "contains", "matches", "true", "false", "==", "!=", "<", "<=", ">", ">=", "=", "!", "&&",
    "(", ")", ",", '"', "'", '"x"', "'Élan'", '"\\"', '"("', '"[a-"', '"\\d+"', "2019", "-3",
    "\\", "#", ".", " ",
]  # fmt: skip


@settings(max_examples=500)
@given(st.lists(st.sampled_from(LANGUAGE_PIECES), max_size=14), st.sampled_from([" ", ""]))
def test_token_soup_parses_or_raises_publist_error(pieces: list[str], glue: str) -> None:
    check_parses_or_fails_cleanly(glue.join(pieces))
