"""Relative links to files: found inside the source tree only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sphinxcontrib_publist.bib.local_files import source_file


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    for name in ("bib/papers/a.pdf", "pages/b.pdf", "c.pdf", "pages/space name.pdf"):
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_bytes(b"%PDF")
    (tmp_path / "outside.pdf").write_bytes(b"secret")
    os.symlink(tmp_path / "outside.pdf", src / "link.pdf")
    return src


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("papers/a.pdf", "/bib/papers/a.pdf"),
        ("./papers/a.pdf", "/bib/papers/a.pdf"),
        ("b.pdf", "/pages/b.pdf"),
        ("space%20name.pdf", "/pages/space name.pdf"),
        ("/c.pdf", "/c.pdf"),
        ("../c.pdf", "/c.pdf"),
        ("papers/a.pdf#page=2", None),
        ("papers/a.pdf?download=1", None),
        ("missing.pdf", None),
        ("papers", None),
        ("../../outside.pdf", None),
        ("../../../../../../../../etc/hostname", None),
        ("/../outside.pdf", None),
        ("/link.pdf", None),
    ],
)
def test_source_file_finds_files_inside_the_source_tree_only(
    tree: Path, url: str, expected: str | None
) -> None:
    found = source_file(url, str(tree / "bib" / "refs.bib"), str(tree), str(tree / "pages"))
    assert found == expected
