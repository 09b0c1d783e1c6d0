"""Tabbed lists outside HTML: partitioning tabs become sections, any others print once."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinxcontrib_publist.select.tabs import printed_tabs

from ..conftest import GENERATED_CONF, build

BIB = r"""
@article{alpha2021,
  title = {Alpha Article Title}, author = {Ann Smith}, journal = {J. Tests},
  year = {2021}, keywords = {open}, abstract = {Alphaabstract words.}
}
@inproceedings{beta2020,
  title = {Beta Conference Title}, author = {Bo Lee}, booktitle = {Conf. Tests},
  year = {2020}, keywords = {open}, abstract = {Betaabstract words.}
}
@article{gamma2019,
  title = {Gamma Journal Title}, author = {Cy Wu}, journal = {J. Tests},
  year = {2019}, abstract = {Gammaabstract words.}
}
@misc{delta2018,
  title = {Delta Preprint Title}, author = {Di Roe}, year = {2018},
  abstract = {Deltaabstract words.}
}
"""
TITLES = [
    "Alpha Article Title",
    "Beta Conference Title",
    "Gamma Journal Title",
    "Delta Preprint Title",
]
ABSTRACTS = ["Alphaabstract", "Betaabstract", "Gammaabstract", "Deltaabstract"]

# "Journal articles" and "Open access" share alpha2021; delta2018 is in neither.
OVERLAPPING = """\
      Everything: all
      Journal articles: type == "article"
      Open access: keywords contains "open"
"""
# Besides "Everything", each entry is in exactly one tab.
PARTITIONING = """\
      Everything: all
      Journal articles: type == "article"
      Other work: type != "article"
"""
HEADINGS = ["Everything", "Journal articles", "Open access", "Other work"]


def _project(root: Path, tabs: str) -> Path:
    root.mkdir()
    (root / "conf.py").write_text(
        GENERATED_CONF + 'project = "tabs"\npublist_abstracts = "expanded"\n', encoding="utf-8"
    )
    (root / "refs.bib").write_text(BIB, encoding="utf-8")
    (root / "index.rst").write_text(
        "Papers\n======\n\n.. publications:: refs.bib\n   :controls: tabs\n   :tabs:\n" + tabs,
        encoding="utf-8",
    )
    return root


def _output(tmp_path: Path, tabs: str, builder: str) -> str:
    app = build(_project(tmp_path / "src", tabs), builder)
    assert app._warning.getvalue() == ""
    written = {"text": "index.txt", "man": "tabs.1", "latex": "tabs.tex"}[builder]
    return (Path(app.outdir) / written).read_text(encoding="utf-8")


def _heading(label: str, builder: str) -> str:
    return {"text": f"-[ {label} ]-", "man": label, "latex": rf"\subsubsection*{{{label}}}"}[
        builder
    ]


@pytest.mark.parametrize("builder", ["latex", "text", "man"])
def test_overlapping_tabs_print_the_list_once_without_headings(
    tmp_path: Path, builder: str
) -> None:
    output = _output(tmp_path, OVERLAPPING, builder)
    assert [output.count(title) for title in TITLES] == [1, 1, 1, 1]
    assert [output.count(abstract) for abstract in ABSTRACTS] == [1, 1, 1, 1]
    assert [_heading(label, builder) in output for label in HEADINGS] == [False] * 4
    # Newest first, as the list is sorted, with no tab reordering it.
    positions = [output.index(title) for title in TITLES]
    assert positions == sorted(positions)


@pytest.mark.parametrize("builder", ["latex", "text", "man"])
def test_partitioning_tabs_become_sections_each_entry_once(tmp_path: Path, builder: str) -> None:
    output = _output(tmp_path, PARTITIONING, builder)
    assert [output.count(title) for title in TITLES] == [1, 1, 1, 1]
    assert [output.count(abstract) for abstract in ABSTRACTS] == [1, 1, 1, 1]
    journals, other = (output.index(_heading(label, builder)) for label in HEADINGS[1::2])
    # The tab listing every entry says nothing on paper: no heading of its own.
    assert _heading("Everything", builder) not in output
    assert journals < output.index("Alpha Article Title") < output.index("Gamma Journal Title")
    assert output.index("Gamma Journal Title") < other < output.index("Beta Conference Title")
    assert output.index("Beta Conference Title") < output.index("Delta Preprint Title")


# Per entry, the indices of the tabs listing it; tab 0 is "all" in most rows.
PRINTED_TABS = [
    pytest.param([(0, 1), (0, 2), (0, 1)], 3, (1, 2), id="all-then-a-partition"),
    pytest.param([(0,), (1,), (1,)], 2, (0, 1), id="a-partition"),
    pytest.param([(0, 1), (0, 1, 2), (0,)], 3, (), id="overlap"),
    pytest.param([(0, 1), (0,), (0,)], 2, (), id="one-tab-misses-entries"),
    pytest.param([(0,), (0,)], 1, (), id="only-all"),
    pytest.param([(0, 1), (0, 2)], 4, (1, 2), id="an-empty-tab-is-left-out"),
    pytest.param([], 2, (), id="no-entries"),
]


@pytest.mark.parametrize(("memberships", "tab_count", "expected"), PRINTED_TABS)
def test_printed_tabs(memberships: list[tuple[int, ...]], tab_count: int, expected: tuple) -> None:
    assert printed_tabs(memberships, tab_count) == expected
