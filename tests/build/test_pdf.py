# ruff: noqa: RUF001, RUF003 (look-alike characters are what these tests are about)
"""PDF output: lists' characters and math macros reach LaTeX in a form each engine sets.

Two tests compile a real PDF (pdflatex, then xelatex) and read it back with
pdftotext; they are skipped where TeX Live or poppler is missing, except under
``PUBLIST_REQUIRE_LATEX=1``, which CI sets, where they fail instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from sphinxcontrib_publist.bib.latex import latex_to_plain
from sphinxcontrib_publist.format.pdflatex import spelling, unsettable

from ..helpers import GENERATED_CONF, build, html_of, publist_warnings

INSTALL = (
    "apt-get install make latexmk texlive-latex-recommended texlive-latex-extra "
    "texlive-fonts-recommended texlive-xetex tex-gyre fonts-freefont-otf poppler-utils"
)

MATH_LETTER = re.compile("[\U0001d400-\U0001d7ff]")


def require_latex(*tools: str) -> None:
    """Skip unless ``tools`` are installed; fail instead where CI requires them."""
    missing = [tool for tool in ("make", "latexmk", "pdftotext", *tools) if not shutil.which(tool)]
    if "xelatex" in tools and not missing and not _has_font("FreeSerif"):
        missing.append("the FreeSerif font")
    if not missing:
        return
    reason = f"{', '.join(missing)} not found ({INSTALL})"
    if os.environ.get("PUBLIST_REQUIRE_LATEX") == "1":
        pytest.fail(f"PUBLIST_REQUIRE_LATEX=1 but {reason}", pytrace=False)
    pytest.skip(f"PDF tests need TeX Live and poppler: {reason}")


def _has_font(family: str) -> bool:
    if not shutil.which("fc-list"):
        return False
    listed = subprocess.run(["fc-list", family], capture_output=True, text=True, check=False)
    return bool(listed.stdout.strip())


def compile_pdf(outdir: Path) -> str:
    """Run the LaTeX output's ``make all-pdf``, as ``make latexpdf`` does; the PDF's text."""
    made = subprocess.run(
        ["make", "all-pdf"], cwd=outdir, capture_output=True, text=True, timeout=600, check=False
    )
    logs = "".join(path.read_text(errors="replace")[-3000:] for path in outdir.glob("*.log"))
    assert made.returncode == 0, f"{made.stdout[-2000:]}\n{logs}"
    (pdf,) = outdir.glob("*.pdf")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    # One line, composed as the bib file is: lines rejoined, math italic letters
    # (𝑝, 𝛼) as the letters they are.
    text = MATH_LETTER.sub(lambda letter: unicodedata.normalize("NFKC", letter.group()), text)
    return " ".join(unicodedata.normalize("NFC", text).split())


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
TWO_LISTS = """\
.. publications:: refs.bib

Recent
------

.. publications:: refs.bib
   :filter: year >= 2021
"""
MACROS = 'publist_math_macros = {"x": r"\\mathbf{x}"}\n'


def test_pdflatex_pdf_has_every_entry_once_per_list_with_its_characters(tmp_path: Path) -> None:
    require_latex("pdflatex")
    app = build(_project(tmp_path / "src", ACCENTED_BIB, TWO_LISTS, MACROS), "latex")
    assert _warnings(app) == ""
    text = compile_pdf(Path(app.outdir))
    titles = {
        "Word embeddings for Ti": 2,  # "Tiêng Việt": ệ's dot below is text of its own
        "Bridges for naïve samplers": 2,
        "A plain ASCII title": 1,
    }
    assert {title: text.count(title) for title in titles} == titles
    abstracts = {"Quokka:": 2, "Wombat:": 2, "Numbat:": 1}
    assert {word: text.count(word) for word in abstracts} == abstracts
    assert text.count("Abstract:") == 5
    for shown in ("Tiêng", "Nguyễn", "José Müller", "Schrödinger", "≤ 10", "ℓ1", "2 ×", "∼3"):
        assert text.count(shown) >= 1, shown
    assert text.count("α-divergence") == 2
    # pdftotext reads a dot set below a letter as a full stop after it.
    assert len(re.findall(r"Vi(?:ệ|ê\.)t", text)) == 2
    assert len(re.findall(r"Th(?:ị|i\.) Lan", text)) == 2
    assert "ȳ" in text
    # \x came from publist_math_macros, inside the formula: bold x, no "\x" left.
    assert "\\x" not in text
    assert "p(x) and q(x)" in text


CYRILLIC_BIB = """
@article{ivanov2020,
  author = {Ivan Ivanov}, title = {Жук и λόγος}, journal = {J}, year = {2020},
  abstract = {Плотность: 3 ≤ 4.},
}
@article{smith2019,
  author = {Ann Smith}, title = {Plain}, journal = {J}, year = {2019},
}
"""
CYRILLIC_LISTS = """\
.. publications:: refs.bib

.. publications:: refs.bib
   :filter: year < 2020

.. publications:: refs.bib
   :filter: year == 2020
"""


def test_pdflatex_warns_once_per_list_of_what_it_cannot_set(tmp_path: Path) -> None:
    app = build(_project(tmp_path / "src", CYRILLIC_BIB, CYRILLIC_LISTS), "latex")
    warnings = publist_warnings(app, "latex")
    # The first and third lists show ivanov2020; the second does not.
    assert [warning.split(": WARNING")[0].rsplit("/", 1)[-1] for warning in warnings] == [
        "index.rst:4",
        "index.rst:9",
    ]
    for warning in warnings:
        assert "Ж (U+0416)" in warning
        assert "λ (U+03BB)" in warning  # a Greek word, not a lone letter
        assert 'latex_engine = "xelatex" or "lualatex"' in warning
    definitions = (Path(app.outdir) / "publist-charset.def").read_text(encoding="utf-8")
    assert r"\publist@declare{0416}{Ж}{\publistunsetcharacter{0416}}" in definitions
    assert r"\publist@declare{2264}{≤}{\ensuremath{\leq}}" in definitions
    assert r"\usepackage{publist}" in (Path(app.outdir) / "charset.tex").read_text()


def test_a_font_encoding_for_a_script_silences_its_warning(tmp_path: Path) -> None:
    fontenc = 'latex_elements = {"fontenc": r"\\usepackage[T2A,T1]{fontenc}"}\n'
    src = _project(tmp_path / "src", CYRILLIC_BIB, ".. publications:: refs.bib\n", fontenc)
    (warning,) = publist_warnings(build(src, "latex"), "latex")
    assert "λ (U+03BB)" in warning
    assert "U+04" not in warning


def test_xelatex_pdf_sets_other_scripts_without_declarations(tmp_path: Path) -> None:
    require_latex("xelatex")
    src = _project(tmp_path / "src", CYRILLIC_BIB, CYRILLIC_LISTS, 'latex_engine = "xelatex"\n')
    app = build(src, "latex")
    assert _warnings(app) == ""
    outdir = Path(app.outdir)
    assert not list(outdir.glob("publist-*.def"))
    assert "DeclareUnicodeCharacter" not in (outdir / "publist.sty").read_text()
    text = compile_pdf(outdir)
    assert text.count("Жук и λόγος") == 2
    assert text.count("Плотность: 3 ≤ 4.") == 2
    assert text.count("Plain") == 2


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


SPELLINGS = [
    ("≤", r"\ensuremath{\leq}"),
    ("ℓ", r"\ensuremath{\ell}"),
    ("∼", r"\ensuremath{\sim}"),
    ("ị", r"\d{i}"),
    ("ễ", r"\~{\^{e}}"),
    ("ệ", r"\d{\^{e}}"),
    ("ǟ", r"\={\"{a}}"),
    ("ȳ", r"\={y}"),
    ("\u0304", r"\llap{\={}}"),
    ("í", r"\'\i"),
    ("α", r"\ensuremath{\alpha}"),
    ("ε", r"\ensuremath{\varepsilon}"),
    ("Α", r"\ensuremath{\mathrm{A}}"),
    ("Ж", None),
    ("中", None),
]


@pytest.mark.parametrize(("character", "spelled"), SPELLINGS)
def test_spelling(character: str, spelled: str | None) -> None:
    assert spelling(character) == spelled


UNSETTABLE = [
    ("a lone α and ≤", (), []),
    ("the word λόγος", (), ["γ", "λ", "ο", "ς", "ό"]),
    ("Жук", (), ["Ж", "к", "у"]),
    ("Жук", ("T2A", "T1"), []),
    ("λόγος", ("LGR", "T1"), []),
    ("日本", ("T2A",), ["日", "本"]),
]


@pytest.mark.parametrize(("text", "encodings", "expected"), UNSETTABLE)
def test_unsettable(text: str, encodings: tuple[str, ...], expected: list[str]) -> None:
    assert unsettable(text, encodings) == expected


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
