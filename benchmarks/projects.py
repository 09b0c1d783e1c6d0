"""Sphinx projects that show one bibliography three ways, plus an empty reference.

Every project has the same root page (a toctree to ``pubs`` and ``other``), the same
unrelated page ``other.rst`` and differs only in ``conf.py`` and ``pubs.rst``, so
Sphinx's own work on the root page is the same for all and rebuilds of the list page
are not dominated by it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from floor import write_floor_page

TOOLS = ("ours", "csl", "bibtex", "floor")
OUR_EXTENSION = "sphinxcontrib_publist"
# Options tried in this order; each is dropped if the extension rejects it.
OUR_OPTIONS = {"controls": "sort, search", "abstracts": "collapsed"}
# "csl" is ours with a CSL style (citeproc-py, the csl extra), measured at one size only.
CSL_STYLE = "csl:apa"
CSL_DATASET = "synthetic 1,000"

INDEX_RST = """\
Benchmark
=========

.. toctree::

   pubs
   other
"""
OTHER_RST = """\
Other page
==========

A page that has nothing to do with the bibliography.
"""
EMPTY_PUBS_RST = "Publications\n============\n\nNothing here.\n"
CONF_PY = 'project = "publist-benchmark"\nextensions = {extensions!r}\n{extra}'


def our_pubs_rst(options: dict[str, str]) -> str:
    lines = ["Publications", "============", "", ".. publications:: refs.bib"]
    lines += [f"   :{name}: {value}" for name, value in options.items()]
    return "\n".join(lines) + "\n"


BIBTEX_PUBS_RST = """\
Publications
============

.. bibliography::
   :all:
   :list: bullet
"""


def write_common(src: Path) -> None:
    src.mkdir(parents=True, exist_ok=True)
    (src / "index.rst").write_text(INDEX_RST, encoding="utf-8")
    (src / "other.rst").write_text(OTHER_RST, encoding="utf-8")


def write_conf(src: Path, extensions: list[str], extra: str = "") -> None:
    text = CONF_PY.format(extensions=extensions, extra=extra)
    (src / "conf.py").write_text(text, encoding="utf-8")


def write_project(
    tool: str, src: Path, bib: Path, floor_rst: Path, options: dict[str, str]
) -> None:
    """Create the ``tool`` project for the bibliography ``bib`` in ``src``.

    ``floor_rst`` is the pre-generated static page (generated once per data set,
    since converting tens of thousands of entries is harness time, not build time).
    """
    if src.exists():
        shutil.rmtree(src)
    write_common(src)
    if tool == "floor":
        write_conf(src, [])
        shutil.copyfile(floor_rst, src / "pubs.rst")
        return
    shutil.copyfile(bib, src / "refs.bib")
    if tool == "bibtex":
        write_conf(src, ["sphinxcontrib.bibtex"], 'bibtex_bibfiles = ["refs.bib"]\n')
        (src / "pubs.rst").write_text(BIBTEX_PUBS_RST, encoding="utf-8")
    else:
        write_conf(src, [OUR_EXTENSION])
        styled = {**options, "style": CSL_STYLE} if tool == "csl" else options
        (src / "pubs.rst").write_text(our_pubs_rst(styled), encoding="utf-8")


def write_empty_project(src: Path) -> None:
    """The reference project: same pages, no bibliography, no extension."""
    if src.exists():
        shutil.rmtree(src)
    write_common(src)
    write_conf(src, [])
    (src / "pubs.rst").write_text(EMPTY_PUBS_RST, encoding="utf-8")


def prepare_floor(bib: Path, floor_rst: Path) -> None:
    """Generate the static page for ``bib`` unless it is already up to date."""
    if floor_rst.exists() and floor_rst.stat().st_mtime >= bib.stat().st_mtime:
        return
    write_floor_page(str(bib), str(floor_rst))


TITLE_FIELD = re.compile(r"^\s*title\s*=\s*[{\"]", re.IGNORECASE | re.MULTILINE)
BULLET = re.compile(r"^\* ", re.MULTILINE)


def insert_at_middle_match(path: Path, pattern: re.Pattern[str], marker: str) -> None:
    text = path.read_text(encoding="utf-8", errors="surrogateescape")
    matches = list(pattern.finditer(text))
    end = matches[len(matches) // 2].end()
    path.write_text(text[:end] + marker + text[end:], encoding="utf-8", errors="surrogateescape")


def edit_one_entry(tool: str, src: Path) -> None:
    """Change the title of one entry in the middle of the list.

    In the floor the list is the page itself, so the same edit goes into ``pubs.rst``.
    """
    if tool == "floor":
        insert_at_middle_match(src / "pubs.rst", BULLET, "Edited ")
    else:
        insert_at_middle_match(src / "refs.bib", TITLE_FIELD, "Edited ")
