"""Entry anchors: each entry's id, made from its citation key alone.

An anchor is the key itself where every character is one a URL fragment and an
HTML id take as they are (ASCII letters and digits, ``-``, ``_``, ``.``, ``:``).
Accents are dropped and every other run of characters becomes one ``-``; keys
that would then share an anchor within one list each get the first eight hex
digits of their SHA-1 appended, as does a key with no letter or digit left
(``key-`` and the digest). Only an id taken by what comes before on the
page (an earlier list showing the same key, a section) makes an anchor
numbered, ``-2``, ``-3``... So anchors never depend on the order of a list, and
``page.html#key`` keeps working from build to build.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Container, Sequence

UNSAFE = re.compile(r"[^A-Za-z0-9._:-]+")


def escaped_key(key: str) -> str:
    """The key with accents dropped and each run of other unsafe characters made ``-``."""
    decomposed = unicodedata.normalize("NFKD", key)
    unaccented = "".join(char for char in decomposed if not unicodedata.combining(char))
    return UNSAFE.sub("-", unaccented)


def digested_key(key: str) -> str:
    """The escaped key and a short digest of the key, for keys that escape alike."""
    digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    escaped = escaped_key(key)
    return f"{escaped}-{digest}" if _readable(escaped) else f"key-{digest}"


def _readable(escaped: str) -> bool:
    return any(char.isalnum() for char in escaped)


def key_anchors(keys: Sequence[str], taken: Container[str]) -> list[str]:
    """An anchor for each of ``keys`` (in that order), distinct and free of ``taken``."""
    clashes = Counter(escaped_key(key) for key in set(keys))
    bases = {}
    for key in keys:
        escaped = escaped_key(key)
        alone = clashes[escaped] == 1 and _readable(escaped)
        bases[key] = escaped if alone else digested_key(key)
    # Reserved first, so that a numbered anchor never takes another key's own.
    given = set(bases.values())
    placed: set[str] = set()
    anchors = []
    for key in keys:
        anchor = base = bases[key]
        if base in taken or key in placed:
            number = 2
            while (anchor := f"{base}-{number}") in taken or anchor in given:
                number += 1
            given.add(anchor)
        placed.add(key)
        anchors.append(anchor)
    return anchors


def unique_id(base: str, *taken: Container[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... the first that none of ``taken`` holds."""
    anchor, number = base, 1
    while any(anchor in ids for ids in taken):
        number += 1
        anchor = f"{base}-{number}"
    return anchor
