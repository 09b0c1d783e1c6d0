"""Browser tests of the BibTeX copy button and folded author lines, in Chromium."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pybtex.database import parse_string

from ..helpers import ROOTS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(sites: Callable[..., str]) -> str:
    """The features project built to HTML and served on loopback (a secure context).

    Its bib file holds hostile links on purpose; their warnings are tested elsewhere.
    """
    return sites("alabaster", ROOTS / "test-features", suppress=("publist.link",)) + "index.html"


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
    assert more.locator("summary").inner_text().strip() == "and 3 more"
    page.evaluate("window.publistMarker = 1")
    more.locator("summary").focus()
    page.keyboard.press("Enter")
    assert names.is_visible()
    assert "Richard Zemel" in names.inner_text()
    assert page.evaluate("window.publistMarker") == 1
    # The label leaves the name line: the names read as one list.
    assert not more.locator("summary").is_visible()
    line = " ".join(page.locator("#creager2019flexibly .publist-authors").inner_text().split())
    assert line.endswith("Kevin Swersky, Marissa Weis, Toniann Pitassi, Richard Zemel"), line


def test_print_shows_the_folded_authors(page) -> None:
    page.emulate_media(media="print")
    more = page.locator("#creager2019flexibly details.publist-more-authors")
    assert more.locator(".publist-more-names").is_visible()
    assert not more.locator("summary").is_visible()


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
