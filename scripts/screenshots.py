"""Screenshots of the example profile page, light and dark, for the README and docs.

Usage: python scripts/screenshots.py [--page publications]
Builds example_project/ into a temporary directory, serves it on 127.0.0.1 and
photographs the page with Debian's Chromium (/usr/bin/chromium) through Playwright.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "_static"
# The Chromium set-up and local server are shared with the browser tests.
sys.path.insert(0, str(ROOT))
from tests.browser.local_site import CHROMIUM_ARGS, DEFAULT_CHROMIUM, serve


def build_example(outdir: Path) -> None:
    """Build the example site to HTML, warnings as errors."""
    command = [sys.executable, "-m", "sphinx", "-nW", "-q", "-b", "html"]
    subprocess.run([*command, str(ROOT / "example_project"), str(outdir)], check=True)


def photograph(base_url: str, page_name: str) -> list[Path]:
    """Take one screenshot per colour scheme; return the files written."""
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=DEFAULT_CHROMIUM, args=CHROMIUM_ARGS)
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
