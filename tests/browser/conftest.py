"""Browser fixtures: themed builds of the interactive test site, served on loopback, and Chromium."""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ..helpers import ROOTS
from .local_site import CHROMIUM_ARGS, DEFAULT_CHROMIUM, serve

CHROMIUM = Path(os.environ.get("PUBLIST_CHROMIUM", DEFAULT_CHROMIUM))
THEMES = ("alabaster", "furo", "pydata_sphinx_theme", "sphinx_rtd_theme", "sphinx_book_theme")
SITE = ROOTS / "test-interactive"


def no_browser(reason: str) -> None:
    """Skip, or fail where a browser is required (CI sets PUBLIST_REQUIRE_BROWSER=1)."""
    if os.environ.get("PUBLIST_REQUIRE_BROWSER") == "1":
        pytest.fail(f"PUBLIST_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(f"browser tests need Chromium and Playwright: {reason}")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright, launched once per module.

    Not once per session: Playwright's sync API allows one running instance at
    a time, and other test modules launch their own.
    """
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        no_browser("playwright is not installed")
    if not CHROMIUM.exists():
        no_browser(f"{CHROMIUM} does not exist (apt-get install chromium)")
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Error as error:
            no_browser(f"{CHROMIUM} did not start: {error.message.splitlines()[0]}")
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], str]]:
    """A function giving the base URL of a site (the interactive test site unless
    another source is given) built with a theme, each built once."""
    base = tmp_path_factory.mktemp("sites")
    built: dict[str, str] = {}
    with serve(base) as origin:

        def site(
            theme: str, source: Path = SITE, builder: str = "html", suppress: tuple[str, ...] = ()
        ) -> str:
            name = "-".join([theme, *([source.name] if source != SITE else []), builder, *suppress])
            if name not in built:
                path = build_html(theme, base / name, source, builder, suppress)
                built[name] = f"{origin}/{path}/"
            return built[name]

        yield site


def build_html(
    theme: str,
    outdir: Path,
    site: Path = SITE,
    builder: str = "html",
    suppress: tuple[str, ...] = (),
) -> str:
    """Build ``site`` with ``theme`` and an HTML ``builder``; any warning not suppressed fails it."""
    from sphinx.testing.util import SphinxTestApp

    source = outdir / "src"
    shutil.copytree(site, source)
    warnings = io.StringIO()
    app = SphinxTestApp(
        builder,
        srcdir=source,
        builddir=outdir / "build",
        confoverrides={
            "html_theme": theme,
            **({"suppress_warnings": list(suppress)} if suppress else {}),
        },
        status=io.StringIO(),
        warning=warnings,
        freshenv=True,
    )
    try:
        app.build()
    finally:
        # Unregisters the nodes and directives the build added, for the next theme's build.
        app.cleanup()
    assert warnings.getvalue() == "", warnings.getvalue()
    return str(app.outdir.relative_to(outdir.parent))


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page; an uncaught script error fails the test."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})  # type: ignore[attr-defined]
    new_page = context.new_page()
    errors: list[str] = []
    new_page.on("pageerror", lambda error: errors.append(str(error)))
    yield new_page
    context.close()
    assert errors == []


LONG_LIST_SIZE = 700
WORDS = ("sampling", "energy", "graph", "flows", "memory", "fairness", "meta", "neural",
         "bayesian", "kernel", "sparse", "robust", "Ölüdeniz", "Zürich", "alignment")  # fmt: skip
NAMES = ("Swersky, Kevin", "Jacobsen, Jörn-Henrik", "Müller, Anna", "Adams, Ryan P.",
         "de la Cruz, Zoë", "Zemel, Richard")  # fmt: skip


def long_bib(size: int) -> str:
    """A deterministic bib file of ``size`` entries with colliding titles and years."""
    entries = []
    for number in range(size):
        title = " ".join(WORDS[(number * step) % len(WORDS)] for step in (1, 3, 7)).capitalize()
        authors = " and ".join(
            NAMES[(number + shift) % len(NAMES)] for shift in range(number % 3 + 1)
        )
        entries.append(
            f"@article{{long{number:04d},\n  title = {{{title}}},\n  author = {{{authors}}},\n"
            f"  journal = {{Journal {number % 11}}},\n  year = {{{1990 + number % 17}}},\n"
            f"  abstract = {{Entry {number} about {title.lower()}.}},\n}}\n"
        )
    return "\n".join(entries)


@pytest.fixture(scope="session")
def long_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sources of a site whose lists are long enough to be put in order in several chunks."""
    source = tmp_path_factory.mktemp("long-list")
    (source / "refs.bib").write_text(long_bib(LONG_LIST_SIZE), encoding="utf-8")
    (source / "conf.py").write_text('extensions = ["sphinxcontrib_publist"]\n', encoding="utf-8")
    (source / "index.rst").write_text(
        "Long list\n=========\n\n.. toctree::\n\n   grouped\n\n"
        ".. publications:: refs.bib\n   :controls: sort, search\n",
        encoding="utf-8",
    )
    (source / "grouped.rst").write_text(
        "By year\n=======\n\n.. publications:: refs.bib\n   :group-by: year\n"
        "   :controls: sort, search\n",
        encoding="utf-8",
    )
    return source


PAGED_SIZE = 45


def write_paged_site(source: Path, options: str = "") -> Path:
    """A list of ``PAGED_SIZE`` entries grouped by year, 10 to a page; the oldest stands out."""
    source.mkdir(parents=True, exist_ok=True)
    # The oldest entry, shown last, has a word of its own.
    oldest = (
        "@article{long0044,\n  title = {Xylophonic sampling},\n  author = {Adams, Ryan P.},\n"
        "  journal = {Journal 1},\n  year = {1980},\n  abstract = {Entry 44 about it.},\n}\n"
    )
    (source / "refs.bib").write_text(long_bib(PAGED_SIZE - 1) + oldest, encoding="utf-8")
    (source / "conf.py").write_text('extensions = ["sphinxcontrib_publist"]\n', encoding="utf-8")
    (source / "index.rst").write_text(
        "Papers\n======\n\n.. publications:: refs.bib\n   :group-by: year\n"
        f"   :controls: sort, search\n   :per-page: 10\n{options}",
        encoding="utf-8",
    )
    return source
