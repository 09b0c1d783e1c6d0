# ruff: noqa: RUF001, RUF003 (look-alike characters are what these tests are about)
"""PDF output: lists' characters and math macros reach LaTeX in a form each engine sets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sphinxcontrib_publist.bib.latex import latex_to_plain

from ..conftest import GENERATED_CONF, build, html_of, publist_warnings


def _project(root: Path, bib: str, pages: str, conf: str = "") -> Path:
    root.mkdir()
    (root / "conf.py").write_text(
        GENERATED_CONF + 'project = "charset"\npublist_abstracts = "expanded"\n' + conf,
        encoding="utf-8",
    )
    (root / "refs.bib").write_text(bib, encoding="utf-8")
    (root / "index.rst").write_text("Papers\n======\n\n" + pages, encoding="utf-8")
    return root


def _warnings(app: Any) -> str:
    return str(app._warning.getvalue())


# Plain UTF-8 (≤, ℓ, ∼, ×, α) and LaTeX the extension decodes itself (ễ, ệ, ị, é, ü, ȳ, x̄).
ACCENTED_BIB = r"""
@article{nguyen2024,
  author = {Nguy\~{\^e}n Th\d{i} Lan and Jos{\'e} M{\"u}ller},
  title = {Word embeddings for Ti{\^e}ng Vi{\d{\^e}}t},
  journal = {Journal of Examples}, year = {2024},
  abstract = {Quokka: with ≤ 10 labels per class and an ℓ1 penalty, $\min_{\x} \|\x\|_1$
              stays within 2 × the supervised error, ∼3 points.},
}
@inproceedings{schroedinger2021,
  author = {Erwin Schr{\"o}dinger},
  title = {Bridges for {\em na{\"\i}ve} samplers},
  booktitle = {Proc. Examples}, year = {2021},
  abstract = {Wombat: the α-divergence of $p(\x)$ and $q(\x)$, means \={y} and \={x}.},
}
@misc{plain2019,
  author = {Ann Smith}, title = {A plain ASCII title}, year = {2019},
  abstract = {Numbat: nothing beyond ASCII here.},
}
"""


def test_math_macros_reach_mathjax_beside_the_users_own(tmp_path: Path) -> None:
    conf = (
        'publist_math_macros = {"x": r"\\mathbf{x}", "norm": [r"\\lVert #1 \\rVert", 1]}\n'
        'mathjax3_config = {"tex": {"macros": {"x": r"\\vec{x}"}}, "chtml": {"scale": 2}}\n'
    )
    # Math in the page's own text, so that Sphinx 7, which cannot see math in
    # entries not yet written, loads MathJax too.
    page = "Some :math:`a`.\n\n.. publications:: refs.bib\n"
    app = build(_project(tmp_path / "src", ACCENTED_BIB, page, conf))
    assert _warnings(app) == ""
    scripts = [script.string or "" for script in html_of(app).find_all("script")]
    (settings,) = [script for script in scripts if "window.MathJax" in script]
    # The user's own \x wins; their other settings stay.
    assert '"x": "\\\\vec{x}"' in settings
    assert '"norm": ["\\\\lVert #1 \\\\rVert", 1]' in settings
    assert '"chtml": {"scale": 2}' in settings


def test_math_macros_are_defined_inside_latex_math(tmp_path: Path) -> None:
    conf = 'publist_math_macros = {"x": r"\\mathbf{x}", "norm": [r"\\lVert #1 \\rVert", 1]}\n'
    app = build(_project(tmp_path / "src", ACCENTED_BIB, "", conf), "latex")
    package = (Path(app.outdir) / "publist.sty").read_text(encoding="utf-8")
    assert "\\def\\norm##1{\\lVert ##1 \\rVert}%\n  \\def\\x{\\mathbf{x}}%\n" in package
    assert "\\everymath\\expandafter{\\the\\everymath\\publist@mathmacros}" in package


def test_bad_math_macros_fall_back_with_a_warning(tmp_path: Path) -> None:
    conf = 'publist_math_macros = {"x1": "y", "z": ["w", 12]}\n'
    app = build(_project(tmp_path / "src", ACCENTED_BIB, "", conf), "latex")
    (warning,) = publist_warnings(app, "config")
    assert "publist_math_macros" in warning
    assert "publist@mathmacros" not in (Path(app.outdir) / "publist.sty").read_text()


DECODED = [
    (r"Nguy\~{\^e}n", "Nguyễn"),
    (r"Nguy\~{\^{e}}n", "Nguyễn"),
    (r"Vi{\d{\^e}}t", "Việt"),
    (r"Th\d{i}", "Thị"),
    (r"\'{\i}", "í"),
    ("Mu\u0308ller", "Müller"),
]


@pytest.mark.parametrize(("latex", "text"), DECODED)
def test_accents_on_accents_and_decomposed_text_are_composed(latex: str, text: str) -> None:
    assert latex_to_plain(latex) == text
