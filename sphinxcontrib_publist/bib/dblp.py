"""Model stage: what DBLP's BibTeX means, read as it is meant.

DBLP files every arXiv preprint as ``@article`` in the journal "CoRR" with a
volume ``abs/<id>``; here it becomes the preprint it is, with its arXiv id as
the eprint, so that it is shown, filtered and exported as one. DBLP's and
BibSonomy's record-keeping fields say nothing about the work and are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Bookkeeping of the database an entry came from, never part of the publication.
NOISE_FIELDS = frozenset({"timestamp", "biburl", "bibsource"})
PREPRINT_TYPE = "preprint"
_CORR = re.compile(r"^\{*\s*CoRR\s*\}*$", re.IGNORECASE)
_ABS_VOLUME = re.compile(r"^\{*\s*abs/(\S+?)\s*\}*$", re.IGNORECASE)


def without_noise(raw_fields: Mapping[str, str]) -> dict[str, str]:
    """``raw_fields`` without the database's bookkeeping fields."""
    return {name: value for name, value in raw_fields.items() if name not in NOISE_FIELDS}


def as_published(entry_type: str, raw_fields: dict[str, str]) -> str:
    """The entry type DBLP's entry stands for; a CoRR entry's fields become an arXiv eprint's.

    ``raw_fields`` (lowercased names) is changed in place for a CoRR entry.
    """
    if not _CORR.match(raw_fields.get("journal", "").strip()):
        return entry_type
    volume = _ABS_VOLUME.match(raw_fields.get("volume", "").strip())
    if volume is None:
        return entry_type
    del raw_fields["journal"], raw_fields["volume"]
    raw_fields.setdefault("eprint", volume.group(1))
    if not raw_fields.get("archiveprefix") and not raw_fields.get("eprinttype"):
        raw_fields["archiveprefix"] = "arXiv"
    return PREPRINT_TYPE
