"""Select stage: the versions of one paper (preprint, published, CoRR record) as one entry.

Two entries are versions of one paper when they share a DOI, an arXiv identifier
(from ``eprint``, an ``arxiv`` field, an arXiv URL, a DataCite ``10.48550/arXiv.…``
DOI or a DBLP ``CoRR`` volume ``abs/…``, version suffix ignored), or a title
(case, accents and punctuation folded) and first author's family name. Entries
sharing an identifier must also share their first author or title (else the
identifier is a book's DOI on its chapters, or a slip); a title alone joins a
preprint to another version, never two published entries or two published
DOIs.

The version shown is the published one: an entry is a preprint when its type is
``unpublished``/``preprint``, its venue is an archive (arXiv, CoRR, bioRxiv...),
its DOI is arXiv's, or it has an arXiv identifier and no venue. Between two
published versions (or two preprints) the later one wins, then the one with
more fields, then the first read. The winner's fields are kept as they are; the
fields it lacks among ``FILLED`` come from the other versions, and the arXiv
identifier becomes its ``eprint`` (so its link and BibTeX), unless it has one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from ..bib.convert import venue_field
from ..bib.links import is_arxiv_eprint
from ..bib.model import Publication
from ..core.diagnostics import Diagnostic, Subtype
from ..core.folding import fold
from ..core.urls import arxiv_url, doi_url

MERGE_MODES = ("versions", "none")
# Fields a winner without them takes from another version: what a reader gains, never a venue.
FILLED = (
    "abstract",
    "keywords",
    "award",
    "pdf",
    "code",
    "slides",
    "video",
    "poster",
    "supp",
    "html",
    "blog",
    "website",
    "project",
)
_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(.+)$", re.IGNORECASE)
_CORR_VOLUME = re.compile(r"^abs/(.+)$", re.IGNORECASE)
_VERSION = re.compile(r"v\d+$")
_ARCHIVE_VENUE = re.compile(
    r"\b(?:corr|arxiv|biorxiv|medrxiv|chemrxiv|ssrn|preprints?|e-?prints?)\b", re.IGNORECASE
)
_PREPRINT_TYPES = frozenset({"unpublished", "preprint"})
_NOT_WORD = re.compile(r"[\W_]+")
T = TypeVar("T")


@dataclass(frozen=True)
class Merged:
    """Each paper once, the merged keys' new key, and one ``duplicate`` note per merge."""

    publications: list[Publication]
    aliases: Mapping[str, str] = field(default_factory=dict)
    notes: tuple[Diagnostic, ...] = ()


def arxiv_id(publication: Publication) -> str | None:
    """The entry's arXiv identifier without its version suffix, lowercased, if it names one."""
    raw = publication.raw_fields
    candidates = [raw.get("arxiv", ""), raw.get("url", "")]
    if is_arxiv_eprint(publication):
        candidates.insert(0, raw.get("eprint", ""))
    doi = _ARXIV_DOI.match(raw.get("doi", "").strip())
    if doi is not None:
        candidates.append(doi.group(1))
    volume = _CORR_VOLUME.match(raw.get("volume", "").strip())
    if volume is not None and fold(raw.get("journal", "")) == "corr":
        candidates.append(volume.group(1))
    for candidate in candidates:
        url = arxiv_url(candidate) if candidate.strip() else None
        if url is not None:
            return _VERSION.sub("", url.rsplit("/abs/", 1)[1]).lower()
    return None


def published_doi(publication: Publication) -> str | None:
    """The entry's DOI, normalised, unless it is arXiv's (which names the preprint)."""
    value = publication.raw_fields.get("doi", "").strip()
    url = doi_url(value) if value else None
    if url is None or _ARXIV_DOI.match(url.removeprefix("https://doi.org/")):
        return None
    return url.lower()


def is_preprint(publication: Publication) -> bool:
    """True for a preprint: its type, its archive venue, arXiv's DOI, or arXiv and no venue."""
    if publication.entry_type in _PREPRINT_TYPES:
        return True
    if _ARXIV_DOI.match(publication.raw_fields.get("doi", "").strip()):
        return True
    venue = venue_field(publication.raw_fields)
    if venue is None:
        return arxiv_id(publication) is not None
    return _ARCHIVE_VENUE.search(publication.fields.get(venue, "")) is not None


def title_key(publication: Publication) -> str | None:
    """Folded title words and first author's family name, or None without both."""
    words = _NOT_WORD.sub(" ", fold(publication.fields.get("title", ""))).split()
    family = _first_family(publication)
    return f"{' '.join(words)}\0{family}" if len(words) > 1 and family else None


class _Clusters:
    """Union-find over entry positions; each cluster knows its published DOIs."""

    def __init__(self, dois: Sequence[str | None]) -> None:
        self._parent = list(range(len(dois)))
        self._dois = [{doi} if doi else set() for doi in dois]

    def root(self, index: int) -> int:
        while self._parent[index] != index:
            self._parent[index] = self._parent[self._parent[index]]
            index = self._parent[index]
        return index

    def join(self, first: int, second: int, by_title: bool) -> None:
        one, other = self.root(first), self.root(second)
        if one == other:
            return
        if (
            by_title
            and self._dois[one]
            and self._dois[other]
            and not self._dois[one] & self._dois[other]
        ):
            return
        one, other = min(one, other), max(one, other)
        self._parent[other] = one
        self._dois[one] |= self._dois[other]


def merge_versions(publications: Sequence[Publication]) -> Merged:
    """Each paper once: the versions of one paper merged into its published one."""
    identifiers = [
        (published_doi(publication), arxiv_id(publication), title_key(publication))
        for publication in publications
    ]
    # A preprint's DOI (bioRxiv's, SSRN's) names the preprint: no conflict with the journal's.
    clusters = _Clusters(
        [
            None if is_preprint(publication) else doi
            for publication, (doi, _, _) in zip(publications, identifiers, strict=True)
        ]
    )
    for kind, by_title in enumerate((False, False, True)):
        first_with: dict[str, int] = {}
        for index, publication in enumerate(publications):
            identifier = identifiers[index][kind]
            if identifier is None:
                continue
            first = first_with.setdefault(identifier, index)
            if first != index and _versions(publications[first], publication, by_title):
                clusters.join(first, index, by_title)
    members: dict[int, list[Publication]] = {}
    for index, publication in enumerate(publications):
        members.setdefault(clusters.root(index), []).append(publication)
    result: list[Publication] = []
    aliases: dict[str, str] = {}
    notes: list[Diagnostic] = []
    for versions in members.values():
        if len(versions) == 1:
            result.append(versions[0])
            continue
        winner, *others = sorted(versions, key=_rank(versions))
        result.append(_combined(winner, others))
        aliases.update((other.key.lower(), winner.key) for other in others)
        notes.append(_note(winner, others))
    return Merged(result, aliases, tuple(notes))


def _versions(one: Publication, other: Publication, by_title: bool) -> bool:
    """Whether two entries sharing an identifier (or a title) are versions of one paper."""
    if by_title:
        # Two published entries of one title are editions, reprints or a
        # conference paper and its journal version: separate publications.
        return is_preprint(one) or is_preprint(other)
    # A DOI or arXiv id shared by different papers is a book's DOI on its
    # chapters, or a copying slip: versions keep their first author or title.
    return _first_family(one) == _first_family(other) or title_key(one) == title_key(other)


def _first_family(publication: Publication) -> str | None:
    if not publication.authors:
        return None
    return _NOT_WORD.sub("", fold(publication.authors[0].family)) or None


def _note(winner: Publication, others: Sequence[Publication]) -> Diagnostic:
    merged = ", ".join(repr(other.key) for other in others)
    message = f"entry {winner.key!r}: merged with {merged}, versions of the same paper"
    return Diagnostic(message, Subtype.DUPLICATE, winner.source or None, winner.line)


_Rank = tuple[bool, tuple[int, int, int], int, int]


def _rank(versions: Sequence[Publication]) -> Callable[[Publication], _Rank]:
    """Published first, then the latest, the most complete, the first read."""
    order = {id(publication): index for index, publication in enumerate(versions)}

    def key(publication: Publication) -> _Rank:
        year, month, day = publication.date_key
        filled = sum(1 for value in publication.raw_fields.values() if value.strip())
        return (is_preprint(publication), (-year, -month, -day), -filled, order[id(publication)])

    return key


def _first(values: Iterable[T]) -> T | None:
    return next(filter(None, values), None)


def _combined(winner: Publication, others: Sequence[Publication]) -> Publication:
    raw = dict(winner.raw_fields)
    plain = dict(winner.fields)
    for name in FILLED:
        donor = next((other for other in others if other.raw_fields.get(name, "").strip()), None)
        if donor is not None and not raw.get(name, "").strip():
            raw[name] = donor.raw_fields[name]
            plain[name] = donor.fields.get(name, "")
    identifier = _first(map(arxiv_id, others))
    if identifier is not None and arxiv_id(winner) is None:
        # An eprint from another archive (HAL...) stays; al-folio's field names the arXiv one.
        extra = (
            {"arxiv": identifier}
            if raw.get("eprint", "").strip()
            else {"eprint": identifier, "archiveprefix": "arXiv"}
        )
        raw.update(extra)
        plain.update(extra)
    versions = (winner, *others)
    return replace(
        winner,
        raw_fields=raw,
        fields=plain,
        abstract=_first(version.abstract for version in versions) or winner.abstract,
        award=_first(version.award for version in versions) or winner.award,
        url=_first(version.url for version in versions),
    )
