"""Screenshots of the example profile page: the README's pair and the docs' theme gallery.

Usage: python scripts/screenshots.py [--page publications] [--themes furo,alabaster]
Builds example_project/ once per theme into a temporary directory, serves it on
127.0.0.1 and photographs the page with Debian's Chromium (/usr/bin/chromium)
through Playwright: for every theme, light and dark, at a desktop (1280 px) and a
phone (390 px) width, cropped to the list, written as palette PNGs to
docs/_static/gallery/ (Pillow reduces each to 256 colours: a tenth of the size,
text still sharp). Furo's pair, uncropped, also goes to docs/_static/ for the README.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "_static"
GALLERY = OUTPUT / "gallery"
# The Chromium set-up and local server are shared with the browser tests.
sys.path.insert(0, str(ROOT))
from tests.browser.local_site import CHROMIUM_ARGS, DEFAULT_CHROMIUM, serve

THEMES = ("alabaster", "furo", "pydata_sphinx_theme", "sphinx_rtd_theme", "sphinx_book_theme")
SCHEMES = ("light", "dark")
README_THEME = "furo"


@dataclass(frozen=True)
class Width:
    """A screen the gallery shows: its viewport and the largest crop kept of it."""

    name: str
    viewport: dict[str, int]
    crop: tuple[int, int]


WIDTHS = (
    Width("desktop", {"width": 1280, "height": 900}, (1200, 900)),
    Width("phone", {"width": 390, "height": 844}, (390, 844)),
)
# Room kept around the list in a crop, in CSS pixels.
MARGIN = 16


def build_example(outdir: Path, theme: str) -> None:
    """Build the example site to HTML with ``theme``, warnings as errors."""
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-nW",
        "-q",
        "-b",
        "html",
        "-D",
        f"html_theme={theme}",
    ]
    subprocess.run([*command, str(ROOT / "example_project"), str(outdir)], check=True)


def save_png(data: bytes, target: Path) -> Path:
    """Write a screenshot as an optimised 256-colour PNG."""
    with Image.open(io.BytesIO(data)) as image:
        reduced = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
        reduced.save(target, optimize=True)
    return target


def crop_to_list(page: Any, width: Width) -> dict[str, float]:
    """The part of the viewport around the list's start, at most ``width.crop``."""
    box = page.locator(".publist").bounding_box()
    viewport = width.viewport
    left = max(0.0, box["x"] - MARGIN) if width.name == "desktop" else 0.0
    top = max(0.0, box["y"] - MARGIN) if width.name == "desktop" else 0.0
    right = min(viewport["width"], box["x"] + box["width"] + MARGIN, left + width.crop[0])
    bottom = min(viewport["height"], top + width.crop[1])
    return {"x": left, "y": top, "width": right - left, "height": bottom - top}


def open_profile(browser: Any, url: str, width: Width, scheme: str) -> Any:
    """The profile page scrolled to its list, with the first abstract open."""
    page = browser.new_page(
        viewport=width.viewport, color_scheme=scheme, device_scale_factor=1, reduced_motion="reduce"
    )
    page.goto(url)
    page.wait_for_load_state("networkidle")
    first_abstract = page.locator("details.publist-abstract summary").first
    if first_abstract.count():
        first_abstract.click()
    listing = page.locator(".publist")
    # Desktop keeps the page's heading in view; the phone starts at the list.
    top = listing.evaluate("list => list.getBoundingClientRect().top + scrollY")
    if width.name == "phone" or top > width.viewport["height"] / 2:
        page.evaluate(f"scrollTo(0, {max(0, top - MARGIN)})")
    return page


def photograph(browser: Any, base_url: str, theme: str, page_name: str) -> list[Path]:
    """The theme's gallery shots (and the README's pair for Furo); return the files written."""
    written = []
    for scheme in SCHEMES:
        for width in WIDTHS:
            page = open_profile(browser, f"{base_url}/{page_name}.html", width, scheme)
            shot = page.screenshot(clip=crop_to_list(page, width))
            target = GALLERY / f"{theme}-{scheme}-{width.name}.png"
            written.append(save_png(shot, target))
            if theme == README_THEME and width.name == "desktop":
                page.evaluate("scrollTo(0, 0)")
                readme = OUTPUT / f"screenshot-{scheme}.png"
                written.append(save_png(page.screenshot(), readme))
            page.close()
    return written


def main() -> None:
    """Build, serve and photograph every theme."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", default="publications", help="page to photograph")
    parser.add_argument("--themes", default=",".join(THEMES), help="comma-separated themes")
    arguments = parser.parse_args()
    GALLERY.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=DEFAULT_CHROMIUM, args=CHROMIUM_ARGS)
        for theme in arguments.themes.split(","):
            site = Path(temporary) / theme
            build_example(site, theme)
            with serve(site) as base_url:
                for path in photograph(browser, base_url, theme, arguments.page):
                    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KiB)")
        browser.close()


if __name__ == "__main__":
    main()
