"""Versions of one paper across a list's files: one entry, one tab member, one chart count."""

from __future__ import annotations

import json
from pathlib import Path

from ..helpers import GENERATED_CONF, build, html_of, publist_warnings, warnings_of

PUBLISHED = """
@inproceedings{hopper2021,
  author = {Hopper, Grace and Lovelace, Ada},
  title = {Compiling the Analytical Engine},
  booktitle = {Proceedings of the Engine Conference},
  year = {2021},
  doi = {10.1000/engine.2021},
}
@article{other2019,
  author = {Turing, Alan},
  title = {Another Paper Entirely},
  journal = {Journal of Machines},
  year = {2019},
}
"""
PREPRINT = """
@misc{hopper2020arxiv,
  author = {Grace Hopper and Ada Lovelace},
  title = {Compiling the {A}nalytical {E}ngine},
  eprint = {2004.05678v2},
  archivePrefix = {arXiv},
  primaryClass = {cs.PL},
  year = {2020},
  abstract = {We compile for the engine.},
}
"""
CORR = """
@article{DBLP:journals/corr/abs-2004-05678,
  author = {Grace Hopper and Ada Lovelace},
  title = {Compiling the Analytical Engine},
  journal = {CoRR},
  volume = {abs/2004.05678},
  year = {2020},
  url = {https://arxiv.org/abs/2004.05678},
}
"""
DIRECTIVE = """Papers
======

.. publications:: published.bib preprint.bib corr.bib
   :controls: tabs, sort
   :tabs:
      All: all
      Conferences: type == "inproceedings"
   :chart: year
   :download-bib:
"""


def _project(root: Path, options: str = "") -> Path:
    root.mkdir()
    (root / "conf.py").write_text(GENERATED_CONF + 'project = "merge"\n', encoding="utf-8")
    for name, text in (("published", PUBLISHED), ("preprint", PREPRINT), ("corr", CORR)):
        (root / f"{name}.bib").write_text(text, encoding="utf-8")
    (root / "index.rst").write_text(DIRECTIVE + options, encoding="utf-8")
    return root


def test_three_versions_in_three_files_show_once(tmp_path: Path) -> None:
    app = build(_project(tmp_path / "src"), verbosity=1)
    assert publist_warnings(app) == []
    root = html_of(app).select_one(".publist")
    entries = root.select(".publist-entry")
    assert [entry["id"] for entry in entries] == ["hopper2021", "other2019"]
    merged = entries[0]
    assert "Proceedings of the Engine Conference" in merged.select_one(".publist-venue").get_text()
    assert "2021" in merged.select_one(".publist-year").get_text()
    links = {link.get_text(): link["href"] for link in merged.select(".publist-links a")}
    assert links["arXiv"] == "https://arxiv.org/abs/2004.05678"
    assert links["DOI"] == "https://doi.org/10.1000/engine.2021"
    assert "We compile for the engine." in merged.get_text()
    # Counted once: in each tab, in the sort ranks and in the chart.
    assert [entry["data-publist-tabs"].split() for entry in entries] == [["0", "1"], ["0"]]
    sorts = json.loads(root["data-publist-sorts"])
    for choice in range(len(sorts)):
        ranks = sorted(int(entry["data-publist-ranks"].split()[choice]) for entry in entries)
        assert ranks == [0, 1]
    bars = {bar["data-year"]: bar["data-count"] for bar in root.select("rect.publist-chart-bar")}
    assert bars == {"2019": "1", "2020": "0", "2021": "1"}
    # One merge, one line in verbose mode, never a warning.
    status = app._status.getvalue()  # type: ignore[attr-defined]
    lines = [line for line in status.splitlines() if "[publist.duplicate]" in line]
    assert len(lines) == 1
    assert "'hopper2020arxiv'" in lines[0]
    assert "published.bib:2" in lines[0]
    assert "WARNING" not in warnings_of(app)


def test_the_download_has_the_published_bibtex_once(tmp_path: Path) -> None:
    app = build(_project(tmp_path / "src"))
    # Without -v the merge says nothing.
    assert "publist.duplicate" not in app._status.getvalue()  # type: ignore[attr-defined]
    bibtex = (Path(app.outdir) / "_publist" / "index-1.bib").read_text(encoding="utf-8")
    assert bibtex.count("@inproceedings{hopper2021,") == 1
    assert "hopper2020arxiv" not in bibtex
    assert "CoRR" not in bibtex
    assert "eprint = {2004.05678}" in bibtex


def test_merge_none_keeps_every_version(tmp_path: Path) -> None:
    app = build(_project(tmp_path / "src", "   :merge: none\n"), verbosity=1)
    assert publist_warnings(app) == []
    ids = [entry["id"] for entry in html_of(app).select(".publist-entry")]
    assert sorted(ids) == sorted(
        ["hopper2021", "other2019", "hopper2020arxiv", "DBLP:journals-corr-abs-2004-05678"]
    )
    assert "[publist.duplicate]" not in app._status.getvalue()  # type: ignore[attr-defined]


def test_a_bad_merge_value_warns_and_merges(tmp_path: Path) -> None:
    app = build(_project(tmp_path / "src", "   :merge: sometimes\n"))
    [warning] = publist_warnings(app, "option")
    assert ":merge: must be one of versions, none" in warning
    assert len(html_of(app).select(".publist-entry")) == 2
