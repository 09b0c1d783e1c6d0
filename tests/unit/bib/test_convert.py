"""Converting parsed entries to ``Publication`` records: never an exception, only diagnostics."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from pybtex.database import Entry

from sphinxcontrib_publist.bib.convert import build_publications
from sphinxcontrib_publist.bib.reader import SourcedEntry

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
