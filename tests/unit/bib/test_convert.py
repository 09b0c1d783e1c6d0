"""Converting parsed entries to ``Publication`` records: never an exception, only diagnostics."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pybtex.database import Entry

from sphinxcontrib_publist.bib.convert import Converted, build_publications
from sphinxcontrib_publist.bib.model import Person, Publication
from sphinxcontrib_publist.bib.reader import SourcedEntry
from sphinxcontrib_publist.core.diagnostics import Subtype
from sphinxcontrib_publist.core.richtext import Styled, Text, plain_text

from ..samples import TODAY, EntrySpec, sourced


def convert(
    *specs: EntrySpec,
) -> tuple[dict[str, Publication], list[tuple[Subtype, int | None, str]]]:
    publications, diagnostics = build_publications(sourced(*specs), TODAY)
    problems = [(problem.subtype, problem.line, problem.message) for problem in diagnostics]
    assert all(problem.source == "refs.bib" for problem in diagnostics)
    return {publication.key: publication for publication in publications}, problems


def one(fields: dict[str, str], entry_type: str = "article") -> tuple[Publication, list[str]]:
    """A single entry with ``fields``; its problems as "subtype: message"."""
    publications, problems = convert(("k", entry_type, fields))
    return publications["k"], [f"{subtype.value}: {message}" for subtype, _, message in problems]


DATED = {"title": "T", "year": "2020"}


def test_fields_are_lowercased_plain_text_and_the_source_is_kept() -> None:
    publication, problems = one(
        {"Title": "A \\emph{B}", "YEAR": "2020", "Journal": 'J. {\\"O}'}, "ARTICLE"
    )
    assert problems == []
    assert publication.entry_type == "article"
    assert publication.fields == {"title": "A B", "year": "2020", "journal": "J. Ö"}
    assert publication.raw_fields == {
        "title": "A \\emph{B}",
        "year": "2020",
        "journal": 'J. {\\"O}',
    }
    assert publication.title == (Text("A "), Styled("emph", (Text("B"),)))
    assert (publication.source, publication.line) == ("refs.bib", 1)


# Crossrefs.

PARENT_BOOK = (
    "parent",
    "book",
    {
        "title": "The Book",
        "year": "2001",
        "publisher": "P",
        "editor": "Itor, Ed",
        "abstract": "Not inherited.",
        "keywords": "not, inherited",
        "ids": "alias",
    },
)


def test_a_child_inherits_its_parents_fields_the_title_as_booktitle() -> None:
    publications, problems = convert(
        ("child", "incollection", {"crossref": "parent", "title": "Chapter", "author": "Doe, J."}),
        PARENT_BOOK,
    )
    child = publications["child"]
    assert problems == []
    assert child.fields == {
        "crossref": "parent",
        "title": "Chapter",
        "author": "Doe, J.",
        "booktitle": "The Book",
        "year": "2001",
        "publisher": "P",
        "editor": "Itor, Ed",
    }
    assert (plain_text(child.title), plain_text(child.venue), child.year) == (
        "Chapter",
        "The Book",
        2001,
    )
    assert child.editors == (Person(first="Ed", last="Itor"),)
    # The parent is an entry of its own, untouched.
    assert publications["parent"].fields["title"] == "The Book"


@pytest.mark.parametrize("target", ["PARENT", "alias", " alias "])
def test_a_crossref_finds_its_parent_in_any_case_or_by_an_ids_alias(target: str) -> None:
    publications, problems = convert(
        ("child", "inproceedings", {"crossref": target, "title": "T"}), PARENT_BOOK
    )
    assert problems == []
    assert publications["child"].year == 2001


def test_the_childs_own_fields_win_and_a_chain_is_followed() -> None:
    publications, problems = convert(
        ("a", "misc", {"crossref": "b", "title": "A"}),
        ("b", "misc", {"crossref": "c", "title": "B", "year": "2002"}),
        ("c", "misc", {"title": "C", "year": "2003", "publisher": "From C"}),
    )
    assert problems == []
    assert (publications["a"].year, publications["a"].fields["publisher"]) == (2002, "From C")
    # The nearest parent's title, as booktitle.
    assert publications["a"].fields["booktitle"] == "B"


def test_an_unknown_target_is_reported_once_by_the_entry_naming_it() -> None:
    publications, problems = convert(
        ("a", "misc", {"crossref": "b", **DATED}),
        ("b", "misc", {"crossref": "nobody", **DATED}),
    )
    assert problems == [(Subtype.CROSSREF, 11, "entry 'b': crossref to unknown key 'nobody'")]
    # What can be inherited still is.
    assert publications["a"].fields["booktitle"] == "T"


def test_a_cycle_is_one_problem_and_every_member_still_converts() -> None:
    publications, problems = convert(
        ("b", "misc", {"crossref": "c", **DATED}),
        ("a", "misc", {"crossref": "b", **DATED}),
        ("c", "misc", {"crossref": "a", **DATED}),
    )
    assert problems == [(Subtype.CROSSREF, 11, "entry 'a': crossref cycle a -> b -> c -> a")]
    assert sorted(publications) == ["a", "b", "c"]


# Names.


def test_names_are_split_and_decoded() -> None:
    publication, problems = one(
        {
            **DATED,
            "author": 'M{\\"u}ller, J{\\"o}rg and de la Cruz, Jr., Zo{\\"e} and Ryan P. Adams',
            "editor": "Itor, Ed",
        }
    )
    assert problems == []
    assert publication.authors == (
        Person(first="Jörg", last="Müller"),
        Person(first="Zoë", prelast="de la", last="Cruz", lineage="Jr."),
        Person(first="Ryan", middle="P.", last="Adams"),
    )
    assert publication.editors == (Person(first="Ed", last="Itor"),)
    # The LaTeX source of each name, for export and pybtex styles.
    assert publication.raw_persons == {
        "author": ('M{\\"u}ller, J{\\"o}rg', 'de la Cruz, Jr., Zo{\\"e}', "Ryan P. Adams"),
        "editor": ("Itor, Ed",),
    }


def test_a_name_pybtex_complains_about_is_a_parse_problem() -> None:
    publication, problems = one({**DATED, "author": "a, b, c, d and Doe, Jane"})
    assert problems == ["parse: entry 'k': name 'a, b, c, d': Too many commas in 'a, b, c, d'"]
    assert len(publication.authors) == 2


def test_and_others_is_not_an_author() -> None:
    publication, _ = one({**DATED, "author": "Madelung, O. and others"})
    assert [person.last for person in publication.authors] == ["Madelung"]
    assert publication.more_authors
    assert not publication.more_editors
    # The source keeps it, for the BibTeX export and pybtex styles.
    assert publication.raw_persons["author"] == ("Madelung, O.", "others")


@pytest.mark.parametrize("others", ["others", "Others", "{others}", "et al.", "et~al.", "{et al.}"])
def test_and_others_in_editors_too(others: str) -> None:
    # Google Scholar's export: "author = {Smith, J and Doe, A and others}".
    publication, _ = one({**DATED, "editor": f"Smith, J and Doe, A and {others}"})
    assert [person.last for person in publication.editors] == ["Smith", "Doe"]
    assert publication.more_editors
    assert not publication.authors


def test_a_person_named_others_inside_the_list_is_a_name() -> None:
    publication, _ = one({**DATED, "author": "Others, Olga and Doe, Jane"})
    assert [person.last for person in publication.authors] == ["Others", "Doe"]
    assert not publication.more_authors


@pytest.mark.parametrize(
    ("name", "last", "marks"),
    [
        # al-folio's sample data and hand-written lab files.
        ("Einstein*, A.", "Einstein", "*"),
        ("Albert Einstein*", "Einstein", "*"),
        ("Poon†, Hoifung", "Poon", "†"),
        ("Hoifung Poon‡", "Poon", "‡"),
        ("Lee§, Kim", "Lee", "§"),
        ("Lee\\textsuperscript{*}, Kim", "Lee", "*"),
        ("Kim Lee^*", "Lee", "*"),
        ("Kim Lee$^\\dagger$", "Lee", "†"),
        ("Kim Lee$^{*\\dagger}$", "Lee", "*†"),
        ("*Pang, Ce", "Pang", "*"),
        ("Qiu, Chenxi and \u2217Yadav, Sourabh", "Yadav", "*"),
        ("Kim Lee", "Lee", ""),
        ("Thomas {\\v S}uster", "Šuster", ""),
        ("Star, Ringo", "Star", ""),
    ],
)
def test_author_marks_are_kept_apart_from_the_name(name: str, last: str, marks: str) -> None:
    publication, problems = one({**DATED, "author": name})
    assert problems == []
    person = publication.authors[-1]
    assert (person.last, person.marks) == (last, marks)
    assert "*" not in person.full_name()


# Dates.


@pytest.mark.parametrize(
    ("fields", "date"),
    [
        ({"year": "2020"}, (2020, None, None)),
        ({"year": "circa 2019"}, (2019, None, None)),
        ({"date": "2019-05-03"}, (2019, 5, 3)),
        ({"date": "2019-5"}, (2019, 5, None)),
        ({"date": "2019"}, (2019, None, None)),
        ({"year": "2021", "date": "2019-05-03"}, (2021, 5, 3)),
        ({"year": "2020", "month": "may"}, (2020, 5, None)),
        ({"year": "2020", "month": "Sept."}, (2020, 9, None)),
        ({"year": "2020", "month": "5"}, (2020, 5, None)),
        ({"year": "2020", "month": "13"}, (2020, None, None)),
        ({"year": "2020", "month": "\u00b2"}, (2020, None, None)),
        ({"date": "2020-02", "month": "jun"}, (2020, 6, None)),
        ({"year": "unknown", "month": "may"}, (None, 5, None)),
        # A year is only ever one the data holds: four digits standing alone.
        ({"year": "901968"}, (None, None, None)),
        ({"date": "901968"}, (None, None, None)),
        # xampl.bib's sorting tricks print "1981" and "1968--90".
        ({"year": "{\\noopsort{1973c}}1981"}, (1981, None, None)),
        ({"year": "{\\noopsort{1973a}}{\\switchargs{--90}{1968}}"}, (1968, None, None)),
    ],
)
def test_dates(fields: dict[str, str], date: tuple[int | None, int | None, int | None]) -> None:
    publication, _ = one({"title": "T", **fields})
    assert (publication.year, publication.month, publication.day) == date


@pytest.mark.parametrize(
    ("fields", "missing"),
    [
        ({"year": "2020"}, ["title"]),
        ({"title": "  ", "year": "2020"}, ["title"]),
        ({"title": "T"}, ["year or date"]),
        ({"title": "T", "year": "unknown"}, ["year or date (year 'unknown' is not one)"]),
        ({}, ["title", "year or date"]),
        ({"title": "T", "date": "2020-01"}, []),
        ({"title": "T", "year": "901968"}, ["year or date (year '901968' is not one)"]),
        # "in press" is a state, not a missing year.
        ({"title": "T", "year": "in press"}, []),
    ],
)
def test_missing_title_or_year_is_reported_at_the_entry(
    fields: dict[str, str], missing: list[str]
) -> None:
    _, problems = convert(("first", "misc", DATED), ("k", "misc", fields))
    assert problems == [(Subtype.MISSING_FIELD, 11, f"entry 'k' has no {what}") for what in missing]


# Forthcoming work.


@pytest.mark.parametrize(
    ("fields", "forthcoming"),
    [
        ({}, False),
        ({"pubstate": "forthcoming"}, True),
        ({"pubstate": "In Press"}, True),
        ({"pubstate": "inpress"}, True),
        ({"pubstate": "accepted"}, True),
        ({"pubstate": "submitted"}, True),
        ({"pubstate": "accepted for publication"}, True),
        ({"pubstate": "published"}, False),
        ({"note": "To appear in Nature"}, True),
        ({"note": "forthcoming"}, True),
        ({"note": "appears in the proceedings"}, False),
        ({"year": str(TODAY.year + 1)}, True),
        ({"year": str(TODAY.year)}, False),
        ({"year": "in press"}, True),
        ({"year": "In Press"}, True),
        ({"year": "{forthcoming}"}, True),
        ({"year": "submitted"}, True),
        ({"year": "to appear"}, True),
        ({"year": "accepted"}, True),
        ({"year": "unknown"}, False),
    ],
)
def test_forthcoming(fields: dict[str, str], forthcoming: bool) -> None:
    publication, _ = one({**DATED, **fields})
    assert publication.forthcoming is forthcoming


# The venue.


@pytest.mark.parametrize(
    ("fields", "venue"),
    [
        ({"journal": "J", "booktitle": "B"}, "J"),
        ({"journaltitle": "JT", "journal": "J"}, "JT"),
        ({"booktitle": "B", "publisher": "P"}, "B"),
        ({"eventtitle": "E", "school": "S"}, "E"),
        ({"school": "S", "institution": "I"}, "S"),
        ({"institution": "I", "publisher": "P"}, "I"),
        ({"organization": "O", "publisher": "P"}, "O"),
        ({"publisher": "P", "howpublished": "H"}, "P"),
        ({"howpublished": "H"}, "H"),
        ({"journal": "  ", "publisher": "P"}, "P"),
        ({"eprint": "2101.00001", "archiveprefix": "arXiv"}, "arXiv:2101.00001"),
        ({"eprint": "2101.00001", "eprinttype": "ArXiv"}, "arXiv:2101.00001"),
        ({"eprint": "hal-01234", "eprinttype": "HAL"}, "HAL:hal-01234"),
        ({"eprint": "123"}, "Preprint:123"),
        ({"journal": "J", "eprint": "2101.00001"}, "J"),
        ({}, ""),
    ],
)
def test_venue_is_the_first_venue_field_given(fields: dict[str, str], venue: str) -> None:
    publication, _ = one({**DATED, **fields})
    assert plain_text(publication.venue) == venue


def test_the_venue_keeps_its_markup() -> None:
    publication, _ = one({**DATED, "journal": "\\emph{Nature}"})
    assert publication.venue == (Styled("emph", (Text("Nature"),)),)


# The main URL, which the title links to.


@pytest.mark.parametrize(
    ("fields", "url", "problems"),
    [
        ({"url": "https://a.org/x"}, "https://a.org/x", []),
        ({"url": "papers/a.pdf"}, "papers/a.pdf", []),
        ({"url": "https://a.org/x; https://b.org/y"}, "https://a.org/x", []),
        ({"url": "see https://b.org/y and more"}, "https://b.org/y", []),
        ({"url": "ftp://a.org/x https://b.org/z"}, "https://b.org/z", []),
        ({"doi": "10.1000/xyz"}, "https://doi.org/10.1000/xyz", []),
        ({"url": "https://a.org/x", "doi": "10.1000/xyz"}, "https://a.org/x", []),
        (
            {"url": "javascript:alert(1)", "doi": "10.1000/xyz"},
            "https://doi.org/10.1000/xyz",
            ["link: entry 'k': url 'javascript:alert(1)' is not http(s) or relative; dropped"],
        ),
        (
            {"url": "javascript:alert(1)"},
            None,
            ["link: entry 'k': url 'javascript:alert(1)' is not http(s) or relative; dropped"],
        ),
        ({"doi": "nonsense"}, None, ["link: entry 'k': doi 'nonsense' is not a DOI; link dropped"]),
        ({}, None, []),
    ],
)
def test_main_url(fields: dict[str, str], url: str | None, problems: list[str]) -> None:
    publication, found = one({**DATED, **fields})
    assert publication.url == url
    assert found == problems


def test_latex_and_links_in_shown_fields_are_reported_per_field() -> None:
    _, problems = one(
        {
            "title": "\\frob{x} and \\frob{y}",
            "year": "2020",
            "abstract": "\\href{javascript:alert(1)}{click}",
            # Not shown, so not checked.
            "note": "\\zap",
        }
    )
    assert problems == [
        "latex: entry 'k', field 'title': unknown LaTeX command \\frob",
        "link: entry 'k', field 'abstract': unsafe link 'javascript:alert(1)' dropped",
    ]


# Reuse across builds.


def test_an_unchanged_entry_is_reused_at_its_new_line() -> None:
    first_build: dict[bytes, Converted] = {}
    entries = [("a", "misc", DATED), ("untitled", "misc", {"year": "2020"})]
    before, _ = build_publications(sourced(*entries), TODAY, converted=first_build)
    moved = [
        SourcedEntry(item.key, item.entry, item.source, (item.line or 0) + 2)
        for item in sourced(*entries)
    ]
    second_build: dict[bytes, Converted] = {}
    after, problems = build_publications(moved, TODAY, previous=first_build, converted=second_build)
    assert after == [replace(before[0], line=3), replace(before[1], line=13)]
    # The reused entry's problem moved with it.
    assert [(problem.line, problem.message) for problem in problems] == [
        (13, "entry 'untitled' has no title")
    ]
    assert set(second_build) == set(first_build)


def test_a_changed_entry_is_converted_again() -> None:
    previous: dict[bytes, Converted] = {}
    build_publications(sourced(("a", "misc", DATED)), TODAY, converted=previous)
    edited = sourced(("a", "misc", {**DATED, "title": "Edited"}))
    converted: dict[bytes, Converted] = {}
    (publication,), _ = build_publications(edited, TODAY, previous=previous, converted=converted)
    assert publication.fields["title"] == "Edited"
    assert set(converted).isdisjoint(previous)


FIELD_NAMES = st.sampled_from(
    [
        "title",
        "author",
        "editor",
        "journal",
        "booktitle",
        "year",
        "date",
        "month",
        "url",
        "doi",
        "abstract",
        "crossref",
        "pubstate",
        "note",
        "eprint",
        "eprinttype",
        "ids",
        "x",
    ]
)
LATEXISH = st.text(
    alphabet=st.sampled_from(list("ab {}\\$^_~&%#-'`\"<>,.0123456789é\n")) | st.characters(),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(
    entries=st.lists(
        st.tuples(
            st.sampled_from(["article", "book", "misc", "inproceedings", "weird_type"]),
            st.dictionaries(FIELD_NAMES, LATEXISH, max_size=8),
        ),
        max_size=4,
    )
)
def test_conversion_never_raises(entries: list[tuple[str, dict[str, str]]]) -> None:
    sourced = []
    for number, (entry_type, fields) in enumerate(entries):
        entry = Entry(entry_type, fields=fields)
        sourced.append(SourcedEntry(f"key{number}", entry, "random.bib", number + 1))
    publications, diagnostics = build_publications(sourced, dt.date(2026, 1, 1))
    assert [publication.key for publication in publications] == [s.key for s in sourced]
    for diagnostic in diagnostics:
        assert diagnostic.source == "random.bib"


def test_a_tilde_in_a_url_stays_a_tilde() -> None:
    # DocumenterCitations' refs.bib: in LaTeX "~" is a non-breaking space, not in a URL.
    publication, problems = one(
        {**DATED, "url": "https://math.berkeley.edu/~evans/control.course.pdf"}
    )
    assert problems == []
    assert publication.url == "https://math.berkeley.edu/~evans/control.course.pdf"
