"""Records pickled by their fields come back equal, nested rich text included."""

from __future__ import annotations

import pickle

from sphinxcontrib_publist.bib.model import Person, Publication
from sphinxcontrib_publist.core.richtext import Link, Math, Name, Styled, Text
from sphinxcontrib_publist.format.entry import FormattedEntry
from sphinxcontrib_publist.nodes.entry import EntryExtras


def test_records_survive_a_pickle_round_trip_unchanged() -> None:
    title = (
        Text("On "),
        Styled("emph", (Text("deep"), Math("x^2"))),
        Link("https://a.example", (Text("nets"),)),
    )
    publication = Publication(
        key="k",
        entry_type="article",
        fields={"title": "On deep x^2 nets"},
        raw_persons={"author": ("Doe, Jane",)},
        authors=(Person(first="Jane", last="Doe", lineage="Jr."),),
        title=title,
        year=2024,
        forthcoming=True,
        line=7,
    )
    entry = FormattedEntry(key="k", title=title, authors=(Name("Jane Doe", True, None, True),))
    extras = EntryExtras(anchor="k", max_authors=3, ranks=(0, 1), tabs=(1,))
    for record in (publication, entry, extras):
        clone = pickle.loads(pickle.dumps(record, pickle.HIGHEST_PROTOCOL))
        assert clone == record
        assert type(clone) is type(record)
    assert pickle.loads(pickle.dumps(publication)).fields == {"title": "On deep x^2 nets"}
