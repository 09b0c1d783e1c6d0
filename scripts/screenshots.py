"""Screenshots of the example profile page, light and dark, for the README and docs.

Usage: python scripts/screenshots.py [--page publications]
Builds example_project/ into a temporary directory, serves it on 127.0.0.1 and
photographs the page with Debian's Chromium (/usr/bin/chromium) through Playwright.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "_static"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def build_example(outdir: Path) -> None:
    """Build the example site to HTML, warnings as errors."""
    command = [sys.executable, "-m", "sphinx", "-nW", "-q", "-b", "html"]
    subprocess.run([*command, str(ROOT / "example_project"), str(outdir)], check=True)


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free loopback port for as long as the block runs."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def photograph(base_url: str, page_name: str) -> list[Path]:
    """Take one screenshot per colour scheme; return the files written."""
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for scheme in ("light", "dark"):
            page = browser.new_page(
                viewport={"width": 1100, "height": 900}, color_scheme=scheme, device_scale_factor=1
            )
            page.goto(f"{base_url}/{page_name}.html")
            page.wait_for_load_state("networkidle")
            first_abstract = page.locator("details.publist-abstract summary").first
            if first_abstract.count():
                first_abstract.click()
            target = OUTPUT / f"screenshot-{scheme}.png"
            page.screenshot(path=str(target))
            written.append(target)
            page.close()
        browser.close()
    return written


def main() -> None:
    """Build, serve and photograph."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", default="publications", help="page to photograph")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        site = Path(temporary) / "html"
        build_example(site)
        with serve(site) as base_url:
            for path in photograph(base_url, arguments.page):
                print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
