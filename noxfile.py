"""Test both ends of the supported Sphinx range: ``nox`` (``--envdir`` to put venvs elsewhere)."""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "venv"
nox.options.sessions = ["compat"]

# The oldest Sphinx that pyproject.toml accepts and the newest release we test,
# each with a docutils it supports; pip picks MyST-Parser to match.
SPHINX_PINS = {
    "oldest": ("sphinx==7.3.*", "docutils<0.22"),
    "newest": ("sphinx==9.0.*", "docutils>=0.22"),
}
# sphinx.testing needs defusedxml, which Sphinx itself does not always install;
# the example project uses Furo, and its CV page the csl extra; two tests build
# beside sphinxcontrib-bibtex and sphinx-sitemap.
TEST_DEPENDENCIES = (
    "pytest>=8",
    "beautifulsoup4>=4.12",
    "hypothesis>=6.100",
    "myst-parser>=3",
    "defusedxml",
    "furo",
    "sphinxcontrib-bibtex>=2.6",
    "sphinx-sitemap>=2.6",
)


@nox.session
@nox.parametrize("sphinx", list(SPHINX_PINS))
def compat(session: nox.Session, sphinx: str) -> None:
    """The test suite, without the browser tests, against one end of the range."""
    session.install(*SPHINX_PINS[sphinx], *TEST_DEPENDENCIES, ".[csl]")
    session.run("python", "-m", "pip", "list", "--format=freeze", silent=True)
    session.run("python", "-m", "pytest", "-q", "-m", "not browser", *session.posargs)
