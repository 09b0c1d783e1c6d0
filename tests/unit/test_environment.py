"""The ``publist`` domain's records on plain dicts: noted, cleared, merged, reported once."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_publist import environment
from sphinxcontrib_publist.core.diagnostics import Diagnostic, Subtype
from sphinxcontrib_publist.environment import ENV_VERSION, PublistDomain
from sphinxcontrib_publist.role import ListedEntry, find_target

DUPLICATE = Diagnostic("duplicate entry key 'a'", Subtype.DUPLICATE_KEY, "/src/a.bib", 3)
MISSING = Diagnostic("entry 'b' has no title", Subtype.MISSING_FIELD, "/src/a.bib", 9)
OTHER = Diagnostic("entry 'c' has no year", Subtype.MISSING_FIELD, "/src/b.bib", 1)


def domain(domaindata: dict[str, object] | None = None) -> PublistDomain:
    """A domain on an environment that holds nothing but its domain data."""
    return PublistDomain(SimpleNamespace(domaindata={} if domaindata is None else domaindata))


def test_a_new_environment_gets_empty_records_of_this_version() -> None:
    data: dict[str, object] = {}
    publist = domain(data)
    assert data["publist"] is publist.data
    assert publist.data == {
        "details": {},
        "problems": {},
        "listed": {},
        "citing": {},
        "lists_changed": False,
        "read_now": set(),
        "version": ENV_VERSION,
    }
    # The initial records are copies: two environments share nothing.
    publist.note_details("index", 7, ["a"])
    assert domain().details_documents == {}


def test_records_of_another_version_are_refused() -> None:
    stale = {"publist": {"details": {}, "problems": {}, "version": ENV_VERSION - 1}}
    with pytest.raises(OSError, match="out of date"):
        domain(stale)


def test_noting_details_and_problems() -> None:
    publist = domain()
    publist.note_details("people/ada", 7, ["a", "b"])
    publist.note_details("people/ada", 7, ["c"])
    publist.note_problems("people/ada", "a.bib", [DUPLICATE, MISSING])
    publist.note_problems("people/ada", "b.bib", [])
    assert publist.details_documents == {"people/ada": ((7, "a"), (7, "b"), (7, "c"))}
    # Files without problems leave no record.
    assert publist.problems == {"people/ada": {"a.bib": (DUPLICATE, MISSING)}}


def test_clear_doc_forgets_one_document_only() -> None:
    publist = domain()
    for docname in ("index", "other"):
        publist.note_details(docname, 7, ["a"])
        publist.note_problems(docname, "a.bib", [DUPLICATE])
    publist.clear_doc("index")
    publist.clear_doc("never-read")
    assert publist.details_documents == {"other": ((7, "a"),)}
    assert publist.problems == {"other": {"a.bib": (DUPLICATE,)}}


def test_merge_takes_the_records_of_the_documents_the_reader_read() -> None:
    main = domain()
    main.note_details("kept", 7, ["k"])
    main.note_details("reread", 7, ["old"])
    reader = domain()
    reader.note_details("reread", 7, ["new"])
    reader.note_details("not-mine", 7, ["x"])
    reader.note_problems("reread", "a.bib", [MISSING])
    main.merge_domaindata({"reread"}, reader.data)
    assert main.details_documents == {"kept": ((7, "k"),), "reread": ((7, "new"),)}
    assert main.problems == {"reread": {"a.bib": (MISSING,)}}


DOCUMENTS = st.dictionaries(
    st.sampled_from(["index", "a", "b", "c", "people/d"]),
    st.tuples(
        st.lists(st.sampled_from(["k1", "k2", "k3"]), max_size=3),
        st.lists(st.sampled_from([DUPLICATE, MISSING, OTHER]), max_size=3),
    ),
)


@given(DOCUMENTS, st.sets(st.sampled_from(["index", "a", "b", "c", "people/d"])))
def test_reading_in_parallel_gives_the_records_of_reading_serially(
    documents: dict[str, tuple[list[str], list[Diagnostic]]], in_worker: set[str]
) -> None:
    def read(publist: PublistDomain, docname: str) -> None:
        keys, problems = documents[docname]
        publist.note_details(docname, 7, keys)
        publist.note_problems(docname, "files", problems)

    serial = domain()
    for docname in documents:
        read(serial, docname)
    main, worker = domain(), domain()
    for docname in documents:
        read(worker if docname in in_worker else main, docname)
    main.merge_domaindata(in_worker & documents.keys(), worker.data)
    assert main.details_documents == serial.details_documents
    assert main.problems == serial.problems


def test_problems_are_reported_once_for_the_documents_read_in_this_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reported: list[tuple[Diagnostic, str]] = []
    monkeypatch.setattr(
        environment,
        "warn_diagnostic",
        lambda diagnostic, where: reported.append((diagnostic, where)),
    )
    publist = domain()
    # Two pages list a.bib (one with b.bib too); a third, not re-read, lists b.bib alone.
    publist.note_problems("people/zoe", "a.bib", [DUPLICATE, MISSING])
    publist.note_problems("group", "a.bib b.bib", [DUPLICATE, MISSING, OTHER])
    publist.note_problems("untouched", "b.bib", [OTHER])
    publist.data["read_now"] = {"people/zoe", "group", "index"}
    publist.report_problems()
    # In document order, each problem at the first document that loaded it.
    assert reported == [(DUPLICATE, "group"), (MISSING, "group"), (OTHER, "group")]
    assert publist.data["read_now"] == set()
    reported.clear()
    publist.report_problems()
    assert reported == []


SWERSKY = ListedEntry("swersky2020", "swersky2020", "Swersky et al. 2020")


def test_listed_entries_are_cleared_merged_and_make_citing_pages_rewritten() -> None:
    main = domain()
    main.data["citing"]["cite"] = True
    assert main.pages_to_rewrite() == []
    main.note_listed("lab", [SWERSKY])
    assert main.pages_to_rewrite() == ["cite"]
    assert main.pages_to_rewrite() == []
    main.clear_doc("lab")
    assert main.listed == {}
    assert main.pages_to_rewrite() == ["cite"]
    worker = domain()
    worker.note_listed("lab", [SWERSKY])
    main.merge_domaindata({"lab"}, worker.data)
    assert main.listed == {"lab": (SWERSKY,)}
    assert main.pages_to_rewrite() == ["cite"]


def test_a_key_goes_to_the_referring_page_then_the_first_document_then_its_details_page() -> None:
    again = ListedEntry("swersky2020", "swersky2020-2", "Swersky et al. 2020")
    listed = {"people/kevin": (SWERSKY, again), "lab": (SWERSKY,)}
    first = find_target("swersky2020", "cite", listed, None)
    assert first is not None
    assert (first.docname, first.anchor) == ("lab", "swersky2020")
    own = find_target("swersky2020", "people/kevin", listed, None)
    assert own is not None
    assert (own.docname, own.anchor) == ("people/kevin", "swersky2020")
    page = find_target("swersky2020", "cite", listed, "publications/swersky2020")
    assert page is not None
    assert (page.docname, page.anchor) == ("publications/swersky2020", "")
    assert find_target("nosuchkey", "cite", listed, None) is None
