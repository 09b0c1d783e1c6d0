"""Read, convert and cache: bib files in, publications and diagnostics out."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import os
import pickle
import tempfile
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..core.diagnostics import Diagnostic
from .convert import Converted, build_publications
from .links import DEFAULT_LINK_FIELDS
from .model import Publication
from .reader import FileSignature, read_bibliography, signature

CACHE_SIZE = 32
DEFAULT_LINK_NAMES = tuple(DEFAULT_LINK_FIELDS)


@dataclass(frozen=True)
class Loaded:
    """Publications of some bib files, with everything found wrong while reading them."""

    publications: tuple[Publication, ...]
    diagnostics: tuple[Diagnostic, ...]
    # Each entry's conversion by fingerprint, for the next build to reuse.
    converted: dict[bytes, Converted] = field(default_factory=dict, compare=False)


# The only global mutable state: a per-process cache of converted files, keyed
# by each file's path, mtime and size, so every page listing the same files
# parses them once per build process. Never pickled into the environment.
_cache: OrderedDict[tuple[object, ...], Loaded] = OrderedDict()


def _code_digest() -> bytes:
    """A hash of the code that makes publications: the bib and core stages' sources.

    Stored loads are reused only by the code that wrote them, released or not.
    """
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for source in sorted([*package.glob("bib/**/*.py"), *package.glob("core/*.py")]):
        name = source.relative_to(package).as_posix()
        digest.update(name.encode() + b"\0" + source.read_bytes())
    return digest.digest()


CODE_DIGEST = _code_digest()


def build_date() -> dt.date:
    """Today, or ``SOURCE_DATE_EPOCH``'s day for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdecimal():
        # An epoch beyond what the platform can represent is ignored, like a malformed one.
        with contextlib.suppress(OverflowError, OSError, ValueError):
            return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def load(
    paths: Sequence[str],
    today: dt.date,
    cache_dir: str | None = None,
    link_fields: tuple[str, ...] = DEFAULT_LINK_NAMES,
) -> Loaded:
    """Publications of ``paths`` read together, from a cache when unchanged.

    In memory, files are known by path, mtime and size; across builds, a
    pickle in ``cache_dir`` is found by the hash of the files' contents.
    ``link_fields`` are checked for unsafe URLs here, so each file reports them once.
    """
    signatures: list[FileSignature | str] = [signature(path) or path for path in paths]
    key = (today, link_fields, *signatures)
    cached = _cache.get(key)
    if cached is not None:
        _cache.move_to_end(key)
        return cached
    stored = (
        StoredLoads(cache_dir, content_digest(paths, today, link_fields)) if cache_dir else None
    )
    loaded = stored.read() if stored else None
    if loaded is None:
        previous = stored.read_previous(paths) if stored else None
        converted: dict[bytes, Converted] = {}
        bibliography = read_bibliography(paths)
        publications, problems = build_publications(
            bibliography.entries,
            today,
            link_fields,
            previous=previous.converted if previous else None,
            converted=converted,
        )
        loaded = Loaded(tuple(publications), (*bibliography.diagnostics, *problems), converted)
        if stored:
            stored.write(loaded, paths)
    _cache[key] = loaded
    if len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return loaded


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a list is built.

    Building a large list allocates hundreds of thousands of objects that all
    live on, and each allocation burst makes the collector walk the whole heap
    again; about a tenth of the time for 5,000 entries.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def forget_loads() -> None:
    """Drop the in-memory cache: once every page is read, the loads only cost memory."""
    _cache.clear()


def load_key(paths: Sequence[str]) -> str:
    """What identifies a set of files in their current state, the same in every process."""
    signatures = (signature(path) for path in paths)
    return "\n".join(
        f"{item.path}\0{item.mtime_ns}\0{item.size}" if item else path
        for item, path in zip(signatures, paths, strict=True)
    )


def content_digest(
    paths: Sequence[str], today: dt.date, link_fields: Sequence[str] = DEFAULT_LINK_NAMES
) -> str:
    """A hash of everything a load depends on: the files' bytes, the date, our code."""
    digest = hashlib.sha256(CODE_DIGEST + today.isoformat().encode())
    digest.update("\0".join(link_fields).encode())
    for path in paths:
        digest.update(b"\0" + os.fsencode(path) + b"\0")
        try:
            with open(path, "rb") as stream:
                digest.update(hashlib.sha256(stream.read()).digest())
        except OSError as error:
            digest.update(str(error.errno).encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class StoredLoads:
    """One load pickled in the build's cache directory, named by its content digest."""

    directory: str
    digest: str
    keep: int = 16

    @property
    def path(self) -> str:
        """Where this load is stored."""
        return os.path.join(self.directory, f"{self.digest}.pickle")

    def read(self) -> Loaded | None:
        """The stored load, or None if absent or unreadable."""
        return _read_pickle(self.path)

    def read_previous(self, paths: Sequence[str]) -> Loaded | None:
        """The last load stored for the same files, whose entries may be reused."""
        try:
            with open(self._latest_pointer(paths), encoding="ascii") as stream:
                digest = stream.read().strip()
        except (OSError, ValueError):
            return None
        if not digest.isalnum():
            return None
        return _read_pickle(os.path.join(self.directory, f"{digest}.pickle"))

    def write(self, loaded: Loaded, paths: Sequence[str]) -> None:
        """Store ``loaded`` atomically (parallel readers never see half a file)."""
        try:
            os.makedirs(self.directory, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.directory, delete=False) as stream:
                pickle.dump(loaded, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(stream.name, self.path)
            with tempfile.NamedTemporaryFile(dir=self.directory, delete=False) as pointer:
                pointer.write(self.digest.encode("ascii"))
            os.replace(pointer.name, self._latest_pointer(paths))
            self._prune()
        except (OSError, pickle.PickleError, TypeError):
            # A cache that cannot be written only costs time on the next build.
            return

    def _latest_pointer(self, paths: Sequence[str]) -> str:
        named = hashlib.sha256("\0".join(paths).encode("utf-8", "surrogatepass")).hexdigest()
        return os.path.join(self.directory, f"latest-{named}.txt")

    def _prune(self) -> None:
        # Only pickles are pruned; a pointer to a pruned one reads as no previous load.
        stored = sorted(
            (entry for entry in os.scandir(self.directory) if entry.name.endswith(".pickle")),
            key=lambda entry: entry.stat().st_mtime_ns,
        )
        for old in stored[: -self.keep]:
            with contextlib.suppress(OSError):
                os.remove(old.path)


def _read_pickle(path: str) -> Loaded | None:
    # The pickle lives in the build's own doctree directory, trusted as Sphinx
    # trusts its environment pickle there.
    try:
        with open(path, "rb") as stream:
            loaded = pickle.load(stream)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        return None
    return loaded if isinstance(loaded, Loaded) else None
