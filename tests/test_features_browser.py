"""Browser tests of the BibTeX copy button and folded author lines, in Chromium."""

from __future__ import annotations

import io
import os
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pybtex.database import parse_string

from .conftest import ROOTS

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("PUBLIST_CHROMIUM", "/usr/bin/chromium"))


def no_browser(reason: str) -> None:
    """Skip, or fail where a browser is required (CI sets PUBLIST_REQUIRE_BROWSER=1)."""
    if os.environ.get("PUBLIST_REQUIRE_BROWSER") == "1":
        pytest.fail(f"PUBLIST_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(f"browser tests need Chromium and Playwright: {reason}")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The features project built to HTML and served on loopback (a secure context)."""
    from sphinx.testing.util import SphinxTestApp

    base = tmp_path_factory.mktemp("features-site")
    shutil.copytree(ROOTS / "test-features", base / "src")
    app = SphinxTestApp(
        "html", srcdir=base / "src", status=io.StringIO(), warning=io.StringIO(), freshenv=True
    )
    try:
        app.build()
    finally:
        app.cleanup()
    handler = partial(_QuietHandler, directory=str(app.outdir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        no_browser("playwright is not installed")
    if not CHROMIUM.exists():
        no_browser(f"{CHROMIUM} does not exist (apt-get install chromium)")
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
            )
        except Error as error:
            no_browser(f"{CHROMIUM} did not start: {error.message.splitlines()[0]}")
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object, site: str) -> Iterator[object]:
    """The features page, with clipboard access; an uncaught script error fails the test."""
    context = browser.new_context()  # type: ignore[attr-defined]
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    new_page = context.new_page()
    errors: list[str] = []
    new_page.on("pageerror", lambda error: errors.append(str(error)))
    new_page.goto(site)
    yield new_page
    context.close()
    assert errors == []


def test_copy_button_copies_the_entry_by_keyboard_and_announces_it(page) -> None:
    block = page.locator("#grathwohl2020jem details.publist-bibtex")
    summary = block.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert block.get_attribute("open") is not None
    button = block.locator("button.publist-copy")
    assert button.inner_text() == "Copy"
    page.keyboard.press("Tab")
    assert button.evaluate("node => node === document.activeElement")
    status = block.locator(".publist-copy-status")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text() == ""
    page.keyboard.press("Enter")
    page.wait_for_function(
        "node => node.textContent === 'BibTeX copied to the clipboard'",
        arg=status.element_handle(),
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.rstrip("\n") == block.locator("pre").inner_text().rstrip("\n")
    entry = parse_string(copied, "bibtex").entries["grathwohl2020jem"]
    assert entry.fields["doi"] == "10.48550/arXiv.1912.03263"


def test_every_bibtex_block_gets_one_button(page) -> None:
    blocks = page.locator("details.publist-bibtex")
    assert blocks.count() == 4
    assert page.locator("details.publist-bibtex button.publist-copy").count() == 4


def test_folded_authors_expand_without_reload(page) -> None:
    more = page.locator("#creager2019flexibly details.publist-more-authors")
    names = more.locator(".publist-more-names")
    assert not names.is_visible()
    assert more.locator("summary").inner_text() == "and 3 more"
    page.evaluate("window.publistMarker = 1")
    more.locator("summary").focus()
    page.keyboard.press("Enter")
    assert names.is_visible()
    assert "Richard Zemel" in names.inner_text()
    assert page.evaluate("window.publistMarker") == 1
    page.keyboard.press("Enter")
    assert not names.is_visible()


def test_folded_authors_expand_without_javascript(browser: object, site: str) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(site)
        more = page.locator("#creager2019flexibly details.publist-more-authors")
        more.locator("summary").click()
        assert more.locator(".publist-more-names").is_visible()
        assert page.locator("button.publist-copy").count() == 0
    finally:
        context.close()
