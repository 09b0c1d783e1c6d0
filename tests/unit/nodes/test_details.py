"""Details page names: stable, readable, safe in a URL and one per key."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_publist.nodes.details import page_name


@given(st.text(min_size=1), st.text(min_size=1))
def test_page_names_are_safe_and_distinct(first: str, second: str) -> None:
    name = page_name("publications", first)
    folder, slug = name.split("/")
    assert folder == "publications"
    assert slug and all(char.isascii() and (char.isalnum() or char in "-_") for char in slug)
    assert (name == page_name("publications", second)) == (first == second)


def test_page_names_are_stable_and_readable() -> None:
    assert page_name("publications", "kumar2022prime") == "publications/kumar2022prime"
    odd = page_name("publications", "key:with/odd.chars")
    assert odd.startswith("publications/key-with-odd-chars-")
    assert odd == page_name("publications", "key:with/odd.chars")
    assert page_name("publications", "a:b") != page_name("publications", "a/b")
