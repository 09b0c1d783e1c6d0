"""Read, convert and cache: bib files in, publications and diagnostics out."""

from __future__ import annotations

import datetime
import os
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from .convert import build_publications
from .diagnostics import Diagnostic
from .model import Publication
from .source import FileSignature, read_bibliography, signature

CACHE_SIZE = 32


@dataclass(frozen=True)
class Loaded:
    """Publications of some bib files, with everything found wrong while reading them."""

    publications: tuple[Publication, ...]
    diagnostics: tuple[Diagnostic, ...]


# The only global mutable state: a per-process cache of converted files, keyed
# by each file's path, mtime and size, so every page listing the same files
# parses them once per build process. Never pickled into the environment.
_cache: OrderedDict[tuple[object, ...], Loaded] = OrderedDict()
# Which loads' diagnostics this build has reported, so a file listed on many
# pages warns once; reset when a build starts.
_reported: set[int] = set()


def build_date() -> datetime.date:
    """Today, or ``SOURCE_DATE_EPOCH``'s day for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return datetime.date.today()


def load(paths: Sequence[str], today: datetime.date) -> Loaded:
    """Publications of ``paths`` read together, from the cache when unchanged."""
    signatures: list[FileSignature | str] = [signature(path) or path for path in paths]
    key = (today, *signatures)
    cached = _cache.get(key)
    if cached is not None:
        _cache.move_to_end(key)
        return cached
    bibliography = read_bibliography(paths)
    publications, problems = build_publications(bibliography.entries, today)
    loaded = Loaded(tuple(publications), (*bibliography.diagnostics, *problems))
    _cache[key] = loaded
    if len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return loaded


def unreported(loaded: Loaded) -> tuple[Diagnostic, ...]:
    """``loaded``'s diagnostics the first time this build asks, then nothing."""
    if id(loaded) in _reported:
        return ()
    _reported.add(id(loaded))
    return loaded.diagnostics


def start_build() -> None:
    """Forget what was reported, so every build reports its files' problems."""
    _reported.clear()
