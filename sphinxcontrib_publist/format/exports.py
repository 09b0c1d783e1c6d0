"""Export stage: a list's entries as BibTeX, RIS and CSL-JSON files for reference managers.

Each file holds the entries as the bib data gives them, without what only the
site uses: its links to slides, code or PDFs, its badges and al-folio's
display switches. The abstract follows ``publist_bibtex_exclude``, which
leaves it out by default: it is long, and publishers often hold its rights.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..bib.model import Publication
from .bibtex import bibliography_to_bibtex
from .csl_json import CslItem, csl_item
from .ris import bibliography_to_ris
from .scholar import readable

# Fields a site shows or switches on, which mean nothing to a reference manager
# (al-folio's and BibBase's conventions, DBLP's bookkeeping).
SITE_ONLY_FIELDS = frozenset(
    {
        "pdf", "slides", "code", "html", "supp", "poster", "video", "blog", "website",
        "project", "preview", "abbr", "selected", "award", "bibtex_show", "altmetric",
        "dimensions", "google_scholar_id", "inspirehep_id", "badges", "file",
        "citations", "timestamp", "biburl", "bibsource",
    }
)  # fmt: skip
# Fields that identify the work itself rather than a page of the site.
IDENTIFYING_LINKS = frozenset({"url", "doi", "eprint", "arxiv"})


@dataclass(frozen=True)
class ExportSettings:
    """What the exports keep: BibTeX's chosen fields, and the site's own link fields."""

    bibtex_fields: Collection[str] | None
    bibtex_exclude: Collection[str]
    link_fields: Collection[str] = ()

    @property
    def dropped(self) -> frozenset[str]:
        """Every field left out of the BibTeX file."""
        links = {name.lower() for name in self.link_fields} - IDENTIFYING_LINKS
        return SITE_ONLY_FIELDS | links | {name.lower() for name in self.bibtex_exclude}

    @property
    def with_abstract(self) -> bool:
        """Whether abstracts are exported: only when ``abstract`` is not excluded."""
        return "abstract" not in self.dropped and (
            self.bibtex_fields is None or "abstract" in self.bibtex_fields
        )


def bibtex_export(
    publications: Sequence[Publication], settings: ExportSettings, items: Sequence[CslItem]
) -> str:
    """The BibTeX file: each entry's own fields but the site's."""
    fields = settings.bibtex_fields
    exclude = settings.dropped | {
        name for name in _all_fields(publications) if name.startswith("url_")
    }
    return bibliography_to_bibtex(publications, fields, exclude)


def ris_export(
    publications: Sequence[Publication], settings: ExportSettings, items: Sequence[CslItem]
) -> str:
    """The RIS file, one record per entry."""
    return bibliography_to_ris(publications, settings.with_abstract, items)


def csl_json_export(
    publications: Sequence[Publication], settings: ExportSettings, items: Sequence[CslItem]
) -> str:
    """The CSL-JSON file: an array of items, one per entry, each on its own line."""
    lines = []
    for publication, shared in zip(publications, items, strict=True):
        item = dict(shared)
        if publication.title:
            item["title"] = readable(publication.title)
        if not settings.with_abstract:
            item.pop("abstract", None)
        # Without indent, json uses its C encoder: several times faster on long lists.
        lines.append(json.dumps(item, ensure_ascii=False))
    return "[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n"


def _all_fields(publications: Iterable[Publication]) -> set[str]:
    return {name.lower() for publication in publications for name in publication.raw_fields}


@dataclass(frozen=True)
class ExportFormat:
    """One export format: its file suffix, media type, and writer."""

    name: str
    suffix: str
    media_type: str
    # Writers get the entries' CSL-JSON items too, made once for every format.
    write: Callable[[Sequence[Publication], ExportSettings, Sequence[CslItem]], str]


EXPORT_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("BibTeX", ".bib", "application/x-bibtex", bibtex_export),
    ExportFormat("RIS", ".ris", "application/x-research-info-systems", ris_export),
    ExportFormat("CSL-JSON", ".json", "application/vnd.citationstyles.csl+json", csl_json_export),
)


def unique_entries(lists: Iterable[Sequence[Publication]]) -> list[Publication]:
    """The entries of several lists, each key once, in the order they first appear."""
    seen: dict[str, Publication] = {}
    for publications in lists:
        for publication in publications:
            seen.setdefault(publication.key, publication)
    return list(seen.values())


def export_files(
    publications: Sequence[Publication], settings: ExportSettings
) -> Mapping[ExportFormat, str]:
    """Every format's file text for ``publications``."""
    items = [csl_item(publication) for publication in publications]
    return {export: export.write(publications, settings, items) for export in EXPORT_FORMATS}
