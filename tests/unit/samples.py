"""Publications shared by the unit tests, hand-made or converted from entries: no Sphinx."""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType

import pytest
from pybtex.database import Entry

from sphinxcontrib_publist.bib.convert import build_publications
from sphinxcontrib_publist.bib.model import Person, Publication
from sphinxcontrib_publist.bib.names import NameLookup, NameMatcher
from sphinxcontrib_publist.bib.reader import SourcedEntry
from sphinxcontrib_publist.core.richtext import Styled, Text, text
from sphinxcontrib_publist.format.entry import FormatOptions

TODAY = dt.date(2026, 1, 1)
EntrySpec = tuple[str, str, dict[str, str]]


def sourced(*specs: EntrySpec) -> list[SourcedEntry]:
    """Entries (key, type, fields) as read from ``refs.bib``, ten lines apart from line 1."""
    return [
        SourcedEntry(key, Entry(entry_type, fields=fields), "refs.bib", 1 + 10 * index)
        for index, (key, entry_type, fields) in enumerate(specs)
    ]


def converted(*specs: EntrySpec) -> list[Publication]:
    """Publications converted from entries (key, type, fields), as a bib file would give them."""
    publications, _ = build_publications(sourced(*specs), TODAY)
    return publications


def format_options(
    highlight: tuple[str, ...] = (),
    omit: tuple[str, ...] = (),
    author_links: dict[str, str] | None = None,
    **choices: object,
) -> FormatOptions:
    """A list's formatting choices, names given as text."""
    return FormatOptions(
        highlight=NameMatcher(highlight),
        omit=NameMatcher(omit),
        author_links=NameLookup(author_links.items()) if author_links else None,
        **choices,  # type: ignore[arg-type]
    )


def make_pub(
    key: str,
    entry_type: str = "article",
    *,
    year: int | None = None,
    month: int | None = None,
    day: int | None = None,
    title: str = "",
    authors: tuple[Person, ...] = (),
    venue: str = "",
    **fields: str,
) -> Publication:
    raw = dict(fields)
    if title:
        raw["title"] = title
    if year is not None:
        raw["year"] = str(year)
    return Publication(
        key=key,
        entry_type=entry_type,
        fields=MappingProxyType(raw),
        authors=authors,
        title=text(title),
        venue=text(venue),
        year=year,
        month=month,
        day=day,
    )


SWERSKY = Person(first="Kevin", last="Swersky")
SNOEK = Person(first="Jasper", last="Snoek")
ADAMS = Person(first="Ryan", middle="P.", last="Adams")
MULLER = Person(first="Jörg", last="Müller")
CRUZ = Person(first="Zoë", prelast="de la", last="Cruz", lineage="Jr.")

SAMPLES = (
    make_pub(
        "swersky2019",
        year=2019,
        month=5,
        day=3,
        title="Élan: Part 2",
        authors=(SWERSKY, SNOEK),
        venue="Journal of Machine Learning Research",
        keywords="Google, Machine Learning",
        pages="12--20",
    ),
    make_pub(
        "snoek2012",
        "inproceedings",
        year=2012,
        title="Practical Bayesian Optimization",
        authors=(SNOEK, SWERSKY, ADAMS),
        venue="NeurIPS",
        keywords="bayesian; google",
        abstract="We tune hyper-parameters.",
        volume="25",
    ),
    make_pub(
        "muller2020",
        year=2020,
        month=11,
        title="Part 10",
        authors=(MULLER,),
        venue="Zeitschrift",
        pubstate="forthcoming",
        volume="3",
    ),
    make_pub("untitled", "misc", note="to appear"),
    make_pub(
        "cruz2018",
        "techreport",
        year=2018,
        title="Elan",
        authors=(CRUZ,),
        keywords="  ",
        institution="Université de Montréal",
    ),
)

ALL_KEYS = frozenset(pub.key for pub in SAMPLES)

STYLED_TITLE = Publication(
    key="styled",
    entry_type="article",
    title=(Text("Deep "), Styled("emph", (Text("Learning"),))),
    venue=(Text("Nature"),),
)


# A lab's list, as the interactive page shows it: authors as (first, last) pairs.


def lab_pub(
    key: str,
    title: str = "",
    year: int | None = None,
    authors: tuple[tuple[str, str], ...] = (),
    keywords: str = "",
    venue: str = "",
    abstract: str = "",
) -> Publication:
    fields = {"title": title, "keywords": keywords} if keywords else {"title": title}
    return Publication(
        key=key,
        entry_type="article",
        fields=MappingProxyType(fields),
        authors=tuple(Person(first=first, last=last) for first, last in authors),
        title=text(title),
        venue=text(venue),
        abstract=text(abstract),
        year=year,
    )


JEM = lab_pub(
    "jem",
    "Your classifier is secretly an energy based model",
    2020,
    (("Will", "Grathwohl"), ("Jörn-Henrik", "Jacobsen")),
    keywords="google, ebm",
    venue="ICLR",
    abstract="We propose to reinterpret a classifier.",
)
FAIR = lab_pub(
    "fair", "Flexibly Fair Representation Learning", 2019, (("Elliot", "Creager"),), venue="ICML"
)
PRIME = lab_pub(
    "prime", "Data-Driven Offline Optimization", 2022, (("Aviral", "Kumar"),), keywords="google"
)
ALIGN = lab_pub("align", "Learning Hard Alignments", 2017, (("Dieterich", "Lawson"),))
LAB = (PRIME, JEM, FAIR, ALIGN)


def recorded_csl_renders(monkeypatch: pytest.MonkeyPatch, field: str) -> list[str]:
    """Record ``field`` of every CSL-JSON item citeproc formats (cache misses) from now on."""
    from sphinxcontrib_publist.format.csl import style as csl_style

    calls: list[str] = []
    render = csl_style._render

    def recording(style: object, item: dict[str, object]) -> str:
        calls.append(str(item[field]))
        return render(style, item)

    monkeypatch.setattr(csl_style, "_render", recording)
    return calls
