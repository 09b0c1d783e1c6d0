"""Property tests of the CSL-JSON and RIS readers: no input crashes them, valid records round-trip."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_publist.bib.convert import build_publications
from sphinxcontrib_publist.bib.csl_reader import read_csl_json
from sphinxcontrib_publist.bib.model import Publication
from sphinxcontrib_publist.bib.ris_reader import read_ris
from sphinxcontrib_publist.core.diagnostics import Diagnostic

TODAY = dt.date(2026, 1, 1)
KEYS = st.from_regex(r"[A-Za-z][A-Za-z0-9_:.-]{0,20}", fullmatch=True)
# Any printable text but quotes, which TeX's typography curls as it does in a .bib file.
TITLES = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="'`\x85"),
    min_size=1,
    max_size=40,
).filter(lambda title: title.strip() != "")
YEARS = st.integers(min_value=1000, max_value=2999)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "type", "title", "author", "issued", "page", "DOI", "x"]),
            children,
            max_size=6,
        )
    ),
    max_leaves=20,
)


def _publications(
    read: tuple[list[object], list[Diagnostic]],
) -> tuple[list[Publication], list[Diagnostic]]:
    entries, problems = read
    publications, more = build_publications(entries, TODAY)  # type: ignore[arg-type]
    return publications, [*problems, *more]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_read_as_csl_json_gives_entries_or_diagnostics(text: str) -> None:
    publications, problems = _publications(read_csl_json(text, "refs.json", set()))
    assert all(isinstance(problem, Diagnostic) for problem in problems)
    assert all(publication.source == "refs.json" for publication in publications)


@settings(max_examples=60, deadline=None)
@given(JSON_VALUES)
def test_any_json_read_as_csl_json_gives_entries_or_diagnostics(value: object) -> None:
    publications, _ = _publications(read_csl_json(json.dumps(value), "refs.json", set()))
    assert len({publication.key.lower() for publication in publications}) == len(publications)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_read_as_ris_gives_entries_or_diagnostics(text: str) -> None:
    publications, problems = _publications(read_ris(text, "refs.ris", set()))
    assert all(isinstance(problem, Diagnostic) for problem in problems)
    assert len(publications) <= text.count("TY")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["TY", "ER", "AU", "TI", "PY", "DA", "ID", "KW", "SP"]), max_size=12),
    st.lists(st.text(max_size=15), min_size=12, max_size=12),
)
def test_any_sequence_of_ris_tags_gives_entries_or_diagnostics(
    tags: list[str], values: list[str]
) -> None:
    text = "\n".join(f"{tag}  - {value}" for tag, value in zip(tags, values, strict=False))
    publications, _ = _publications(read_ris(text, "refs.ris", set()))
    # At most one entry a record, each with its own key.
    assert len(publications) <= tags.count("TY")
    assert len({item.key.lower() for item in publications}) == len(publications)


def _same_text(shown: str, written: str) -> bool:
    # Compared as the converter gives text: NFC, whitespace runs as one space.
    return shown.split() == unicodedata.normalize("NFC", written).split()


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(KEYS, TITLES, YEARS),
        min_size=1,
        max_size=4,
        unique_by=lambda item: item[0].lower(),
    )
)
def test_valid_csl_json_items_keep_their_key_title_and_year(
    items: list[tuple[str, str, int]],
) -> None:
    text = json.dumps(
        [
            {
                "id": key,
                "type": "article-journal",
                "title": title,
                "issued": {"date-parts": [[year]]},
            }
            for key, title, year in items
        ]
    )
    publications, problems = _publications(read_csl_json(text, "refs.json", set()))
    assert problems == []
    assert [(item.key, item.year) for item in publications] == [
        (key, year) for key, _, year in items
    ]
    assert all(
        _same_text(item.fields["title"], title)
        for item, (_, title, _) in zip(publications, items, strict=True)
    )


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(KEYS, TITLES, YEARS),
        min_size=1,
        max_size=4,
        unique_by=lambda item: item[0].lower(),
    )
)
def test_valid_ris_records_keep_their_key_title_and_year(items: list[tuple[str, str, int]]) -> None:
    # An RIS value is one line.
    items = [(key, " ".join(title.split()), year) for key, title, year in items]
    text = "".join(
        f"TY  - JOUR\nID  - {key}\nTI  - {title}\nPY  - {year}\nER  - \n\n"
        for key, title, year in items
    )
    publications, problems = _publications(read_ris(text, "refs.ris", set()))
    assert problems == []
    assert [(item.key, item.year) for item in publications] == [
        (key, year) for key, _, year in items
    ]
    assert all(
        _same_text(item.fields["title"], title)
        for item, (_, title, _) in zip(publications, items, strict=True)
    )
