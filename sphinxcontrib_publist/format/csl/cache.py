"""Format stage: citeproc's output per entry, kept across builds in the build's cache directory.

citeproc-py takes 15-50 ms an entry; a rebuild after editing one entry
formats that one. One pickle per style and locale maps a digest of each entry's
CSL-JSON (with the code that made it) to citeproc's output. Parallel readers
each write the union of what is stored and what they formatted, atomically;
one losing the race only costs the next build some time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

KEEP = 50_000


def _code_digest() -> bytes:
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for source in sorted([*here.glob("*.py"), here.parent / "csl_json.py"]):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.digest()


CODE_DIGEST = _code_digest()


def entry_digest(item: Mapping[str, Any]) -> str:
    """What identifies one entry's output within a style and locale: its CSL-JSON."""
    encoded = json.dumps(item, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return hashlib.sha256(encoded).hexdigest()


@dataclass(frozen=True)
class StoredOutputs:
    """The outputs of one style (by its file's digest) in one locale."""

    directory: str
    style_digest: str
    locale: str

    @property
    def path(self) -> str:
        """Where the outputs are stored."""
        name = hashlib.sha256(
            CODE_DIGEST + self.style_digest.encode() + b"\0" + self.locale.encode()
        ).hexdigest()
        return os.path.join(self.directory, f"csl-{name}.pickle")

    def read(self) -> dict[str, str]:
        """The stored outputs, or none if absent or unreadable."""
        # The pickle lives in the build's own doctree directory, trusted as
        # Sphinx trusts its environment pickle there.
        try:
            with open(self.path, "rb") as stream:
                stored = pickle.load(stream)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
            return {}
        return stored if isinstance(stored, dict) else {}

    def add(self, outputs: Mapping[str, str]) -> None:
        """Store ``outputs`` with what is stored already, the newest ``KEEP`` kept."""
        if not outputs:
            return
        merged = self.read()
        for digest in outputs:
            merged.pop(digest, None)
        merged.update(outputs)
        if len(merged) > KEEP:
            merged = dict(list(merged.items())[-KEEP:])
        try:
            os.makedirs(self.directory, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.directory, delete=False) as stream:
                pickle.dump(merged, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(stream.name, self.path)
        except (OSError, pickle.PickleError):
            # A cache that cannot be written only costs time on the next build.
            with contextlib.suppress(OSError, UnboundLocalError):
                os.remove(stream.name)
