"""Model stage: the labelled links an entry's fields provide (PDF, code, DOI, arXiv...)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..core.diagnostics import Diagnostic, Subtype
from ..core.pickling import pickled_by_fields
from ..core.urls import arxiv_url, doi_url, has_space, is_relative, safe_url
from .model import Publication, eprint_archive

# al-folio's fields (arxiv, html, supp, blog, website...) are understood as its sites use them.
DEFAULT_LINK_FIELDS: Mapping[str, str] = {
    "url": "URL",
    "doi": "DOI",
    "eprint": "arXiv",
    "arxiv": "arXiv",
    "html": "HTML",
    "pdf": "PDF",
    "supp": "Supplementary",
    "code": "Code",
    "slides": "Slides",
    "video": "Video",
    "poster": "Poster",
    "blog": "Blog",
    "website": "Website",
    "project": "Project",
}
ARXIV_FIELDS = frozenset({"eprint", "arxiv"})
# BibBase's labelled links: url_slides, url_code, url_paper...
_BIBBASE_LINK = re.compile(r"^url_([a-z0-9]+(?:_[a-z0-9]+)*)$")


@pickled_by_fields
@dataclass(frozen=True)
class EntryLink:
    """One link: its kind (CSS class suffix), untranslated label, URL, and locality.

    ``is_local`` marks a relative URL, which may name a file in the source tree.
    """

    kind: str
    label_key: str
    url: str
    is_local: bool = False


def entry_links(publication: Publication, mapping: Mapping[str, str]) -> tuple[EntryLink, ...]:
    """The safe links of ``publication``, in ``mapping`` order, each URL once."""
    links: list[EntryLink] = []
    seen: set[str] = set()
    for field, label in with_bibbase_links(publication, mapping).items():
        name = field.lower()
        value = publication.raw_fields.get(name, "").strip()
        if not value:
            continue
        url = _link_url(publication, name, value)
        if url is None or url in seen:
            continue
        seen.add(url)
        if name == "url" and doi_url(value) == url:
            # A url that is the DOI's resolver link is the DOI, whatever resolver it names.
            links.append(EntryLink("doi", mapping.get("doi", "DOI"), url))
            continue
        links.append(EntryLink(_kind(name), label, url, is_local=is_relative(url)))
    return tuple(links)


def link_problems(publication: Publication, link_fields: Iterable[str]) -> list[Diagnostic]:
    """One ``link`` diagnostic per listed field whose value gives no safe URL."""
    problems: list[Diagnostic] = []
    for field in [*link_fields, *bibbase_fields(publication)]:
        name = field.lower()
        value = publication.raw_fields.get(name, "").strip()
        if not value or not _is_checked(publication, name):
            continue
        if _link_url(publication, name, value) is None:
            problems.append(
                Diagnostic(
                    f"entry {publication.key!r}: {name} {value!r} "
                    f"{_what_is_wrong(name, value)}; link dropped",
                    Subtype.LINK,
                    publication.source or None,
                    publication.line,
                )
            )
    return problems


def bibbase_fields(publication: Publication) -> list[str]:
    """The entry's BibBase link fields (``url_slides``...), in the entry's order."""
    return [name for name in publication.raw_fields if _BIBBASE_LINK.match(name)]


def with_bibbase_links(publication: Publication, mapping: Mapping[str, str]) -> dict[str, str]:
    """``mapping`` and, after it, the entry's BibBase links, labelled by their suffix.

    ``url_code`` is labelled as ``code`` is ("Code"); an unknown suffix is its own
    label (``url_talk_video`` → "Talk video").
    """
    extended = dict(mapping)
    for name in bibbase_fields(publication):
        if name in extended:
            continue
        suffix = name.removeprefix("url_")
        known = mapping.get(suffix) or DEFAULT_LINK_FIELDS.get(suffix)
        extended[name] = known or suffix.replace("_", " ").capitalize()
    return extended


def is_arxiv_eprint(publication: Publication) -> bool:
    """True when ``eprint`` holds an arXiv identifier, as biblatex and BibTeX mark it."""
    return eprint_archive(publication.fields).lower() == "arxiv"


def _link_url(publication: Publication, name: str, value: str) -> str | None:
    return _url_of(name, value, name == "eprint" and is_arxiv_eprint(publication))


@functools.lru_cache(maxsize=16384)
def _url_of(name: str, value: str, arxiv_eprint: bool) -> str | None:
    # Cached: each entry is checked when its file is read and again by every
    # list showing it.
    if name == "doi":
        return doi_url(value)
    if name == "url":
        # Publishers write the DOI as the url, with any of its resolvers.
        return doi_url(value) or safe_url(value)
    if name == "eprint":
        return arxiv_url(value) if arxiv_eprint else None
    if name == "arxiv":
        return arxiv_url(value)
    return safe_url(value)


def _is_checked(publication: Publication, name: str) -> bool:
    # An eprint from another archive (HAL, PubMed...) has no URL we can build,
    # which is not a problem worth a warning.
    return name != "eprint" or is_arxiv_eprint(publication)


def _what_is_wrong(name: str, value: str) -> str:
    if name not in ARXIV_FIELDS and name != "doi" and has_space(value):
        return "has a space inside"
    return f"is not {_expected(name)}"


def _expected(name: str) -> str:
    if name == "doi":
        return "a DOI"
    if name in ARXIV_FIELDS:
        return "an arXiv identifier"
    return "an http(s) or relative URL"


def _kind(name: str) -> str:
    if name in ARXIV_FIELDS:
        return "arxiv"
    suffix = name.removeprefix("url_")
    if suffix != name:
        # A BibBase link is styled as the field it names, or as any other link.
        return _kind(suffix) if suffix in DEFAULT_LINK_FIELDS else "url"
    return name
