"""Entry anchors: from the key alone, distinct, free of the page's ids, order-independent."""

from __future__ import annotations

import hashlib
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_publist.nodes.anchors import key_anchors, unique_id

# What an HTML id and a URL fragment both take without escaping.
FRAGMENT_SAFE = re.compile(r"[A-Za-z0-9._:-]+")


def sha(key: str) -> str:
    return hashlib.sha1(key.encode()).hexdigest()[:8]


@pytest.mark.parametrize(
    ("keys", "taken", "anchors"),
    [
        ([], set(), []),
        (["Kumar2022Prime"], set(), ["Kumar2022Prime"]),
        # Keys from the issue: digits and punctuation first.
        (["9.8:1", "10.1:3"], set(), ["9.8:1", "10.1:3"]),
        (["2026A&A...706A..90T"], set(), ["2026A-A...706A..90T"]),
        (["key with spaces"], set(), ["key-with-spaces"]),
        (["clé2020"], set(), ["cle2020"]),
        # Two keys escaping alike both get their digest, whichever comes first.
        (["a&b", "a-b"], set(), [f"a-b-{sha('a&b')}", f"a-b-{sha('a-b')}"]),
        (["a-b", "a&b"], set(), [f"a-b-{sha('a-b')}", f"a-b-{sha('a&b')}"]),
        (["日本語"], set(), [f"key-{sha('日本語')}"]),
        # Ids taken earlier on the page (an earlier list, a section): numbered.
        (["a"], {"a", "a-2"}, ["a-3"]),
        # A numbered anchor never takes another key's own anchor.
        (["a", "a-2"], {"a"}, ["a-3", "a-2"]),
        (["a-2", "a"], {"a"}, ["a-2", "a-3"]),
        # The same key twice in one list (:keys: a, a).
        (["a", "a"], set(), ["a", "a-2"]),
    ],
)
def test_key_anchors(keys: list[str], taken: set[str], anchors: list[str]) -> None:
    assert key_anchors(keys, taken) == anchors


def test_list_id_avoids_entries_and_page() -> None:
    assert unique_id("publist-1", {"publist-1"}, {"publist-1-2"}) == "publist-1-3"
    assert unique_id("publist-1", set()) == "publist-1"


@given(
    st.lists(st.text(alphabet="aAb1-_:.é& ", min_size=1, max_size=4), max_size=12, unique=True),
    st.sets(st.sampled_from(["a", "a-2", "b", "A", "ab"])),
    st.randoms(use_true_random=False),
)
def test_anchors_are_safe_distinct_free_and_order_independent(
    keys: list[str], taken: set[str], random
) -> None:
    anchors = key_anchors(keys, taken)
    assert len(anchors) == len(keys)
    assert len(set(anchors)) == len(anchors)
    assert not set(anchors) & taken
    assert all(FRAGMENT_SAFE.fullmatch(anchor) for anchor in anchors)
    shuffled = random.sample(keys, len(keys))
    by_key = dict(zip(keys, anchors, strict=True))
    assert key_anchors(shuffled, taken) == [by_key[key] for key in shuffled]
