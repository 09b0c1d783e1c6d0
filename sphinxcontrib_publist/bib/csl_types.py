"""Model stage: the CSL item type of each BibTeX type, for the CSL-JSON reader and exporter."""

from __future__ import annotations

from collections.abc import Mapping

# BibTeX and biblatex entry types → CSL 1.0 item types; anything else is an "article".
CSL_TYPES = {
    "article": "article-journal",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "book": "book",
    "mvbook": "book",
    "proceedings": "book",
    "collection": "book",
    "booklet": "pamphlet",
    "inbook": "chapter",
    "incollection": "chapter",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "manual": "report",
    "unpublished": "manuscript",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "patent": "patent",
    "dataset": "dataset",
    # CSL's "article" is a preprint or working paper.
    "preprint": "article",
}

# Where the exporter's table maps several BibTeX types to one CSL type, the usual one.
_PREFERRED = {
    "chapter": "incollection",
    "thesis": "phdthesis",
    "report": "techreport",
    "webpage": "online",
    "article": "misc",
}
_MORE_TYPES = {
    "article-magazine": "article",
    "article-newspaper": "article",
    "post": "online",
    "post-weblog": "online",
    "software": "software",
    "speech": "misc",
    "standard": "techreport",
    "entry-encyclopedia": "incollection",
    "entry-dictionary": "incollection",
    # Crossref's own types, which DOI content negotiation puts in its CSL-JSON.
    "journal-article": "article",
    "proceedings-article": "inproceedings",
    "book-chapter": "incollection",
    "edited-book": "book",
    "monograph": "book",
    "reference-entry": "incollection",
    "dissertation": "phdthesis",
    "posted-content": "preprint",
}
# CSL item types → the BibTeX types the readers give them.
BIBTEX_TYPES: Mapping[str, str] = {
    **{csl: bib for bib, csl in reversed(list(CSL_TYPES.items()))},
    **_MORE_TYPES,
    **_PREFERRED,
}
