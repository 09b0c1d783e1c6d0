"""How fast publist.js lists appear and answer in Chromium, at several list sizes.

For each size the script writes a deterministic bib file, builds one site with
the extension (a flat page with tabs and a page grouped by year, both with
facet chips and, with ``--per-page N``, split into pages of N entries), serves
it on 127.0.0.1 and drives Debian's Chromium through Playwright in a 1200x900
viewport. Per size and page it measures:

- **first contentful paint**, from the moment the HTML has arrived: the paint
  entry's ``startTime`` minus the navigation entry's ``responseEnd``, median of
  ``--loads`` loads, each in a fresh browser context (no cache). Target: < 1 s.
  Chromium paints a long document before its last byte has arrived, and then
  the figure is negative; the progress line also gives it from ``responseStart``.
- **HTML ratio**: the document's size in bytes divided by the size of the part
  of it the browser must parse before it can show the first screen. That part
  is the document's prefix up to the end of the last entry of the first
  screen: of the ``.publist-entry`` elements that are rendered and whose top
  lies inside the viewport once the page has loaded, the one whose ``</li>``
  comes last in the raw HTML (found from its ``id`` attribute, counting nested
  ``<li>``). 1.0 means the document holds nothing beyond the first screen.
  Target: <= 1.3.
- **time to the next frame** of every sort option, the slowest keystroke of a
  typed query, clearing the query, each tab, and picking then unpicking the
  first facet chip: from the event to the end of style and layout in the
  next animation frame, which is what the reader waits for. Target: < 100 ms.
  A paged list first loads its other entries in the background: the actions are
  measured once the list root has ``data-publist-loaded`` (only a list with
  ``data-publist-chunks`` is waited for), and how long that took is reported.

Per action a progress line also gives the handler alone, the handler plus the
layout it causes and, for sorting, the time until the whole list is in order
(the script orders what is on screen first, the rest in chunks). At the end one
markdown table lists every figure with its target; the exit status is 1 if any
target is missed. Options this checkout's directive does not know (say
``:per-page:`` before it exists) are dropped, and the script says so.

Usage: python benchmarks/browser_speed.py [--entries 1000,5000,20000] [--per-page 5]
       [--loads 3] [--chromium PATH]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
# The Chromium set-up and local server are shared with the browser tests.
sys.path.insert(0, str(ROOT))
from sphinxcontrib_publist.options import OPTION_SPEC
from tests.browser.local_site import CHROMIUM_ARGS, DEFAULT_CHROMIUM, serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, ViewportSize

FRAME_TARGET_MS = 100.0
PAINT_TARGET_MS = 1000.0
HTML_RATIO_TARGET = 1.3
VIEWPORT: ViewportSize = {"width": 1200, "height": 900}
LOADED_TIMEOUT_MS = 120_000
QUERY = "learning neural"

WORDS = ("learning", "neural", "networks", "bayesian", "optimization", "sampling", "energy",
         "models", "graph", "flows", "hardware", "accelerators", "prefetching", "memory",
         "fairness", "representation", "meta", "few-shot", "classification", "variational",
         "inference", "attention", "alignment", "discrete", "gradients", "scalable", "robust",
         "efficient", "deep", "generative", "adversarial", "transfer", "structured", "kernel")  # fmt: skip
FAMILY = ("Swersky", "Grathwohl", "Jacobsen", "Müller", "Snoek", "Adams", "Zemel", "Duvenaud",
          "Kumar", "Hashemi", "Łukasz")  # fmt: skip
GIVEN = ("Kevin", "Will", "Jörn-Henrik", "Anna", "Jasper", "Ryan", "Richard", "David", "Aviral",
         "Milad", "Zoë")  # fmt: skip
CONFERENCES = (
    "International Conference on Learning Representations",
    "Advances in Neural Information Processing Systems",
    "International Conference on Machine Learning",
    "ASPLOS",
)
JOURNAL = "Journal of Machine Learning Research"
TABS = """
Authored Publications: all
Google Publications: keywords contains "google"
Other Publications: not keywords contains "google\""""
# Page name -> (title, directive options); :per-page: is added from the command line.
PAGES: dict[str, tuple[str, dict[str, str]]] = {
    "index": ("Profile", {"controls": "tabs, sort, search", "tabs": TABS, "facets": "year, type"}),
    "grouped": (
        "Grouped by year",
        {"group-by": "year", "controls": "sort, search", "facets": "year, type"},
    ),
}

MEASURE = """async ([selector, property, value, eventName]) => {
    const control = document.querySelector(selector);
    const root = control.closest('.publist');
    let arranged = null;
    root.addEventListener('publist:arranged', () => { arranged = performance.now(); }, {once: true});
    const start = performance.now();
    control[property] = value;
    control.dispatchEvent(new Event(eventName, {bubbles: true}));
    const handled = performance.now();
    document.body.offsetHeight;
    const laidOut = performance.now();
    // The next frame's style and layout, measured before any later chunk runs.
    await new Promise(resolve => requestAnimationFrame(() => {
        document.body.offsetHeight;
        resolve();
    }));
    const frame = performance.now();
    if (eventName !== 'change') return [handled - start, laidOut - start, frame - start, null];
    while (arranged === null && performance.now() - start < TIMEOUT) {
        await new Promise(resolve => setTimeout(resolve, 5));
    }
    if (arranged === null) return [handled - start, laidOut - start, frame - start, null];
    await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return [handled - start, laidOut - start, frame - start, performance.now() - start];
}""".replace("TIMEOUT", str(LOADED_TIMEOUT_MS))
CLICK = """async ([selector, index]) => {
    const target = document.querySelectorAll(selector)[index];
    const start = performance.now();
    target.click();
    const handled = performance.now();
    document.body.offsetHeight;
    const laidOut = performance.now();
    await new Promise(resolve => requestAnimationFrame(() => {
        document.body.offsetHeight;
        resolve();
    }));
    return [handled - start, laidOut - start, performance.now() - start, null];
}"""
# Milliseconds from responseEnd and from responseStart to first-contentful-paint; null if
# none within 10 s. A long document is painted before its last byte: the first is negative.
FIRST_PAINT = """() => new Promise(resolve => {
    const [navigation] = performance.getEntriesByType('navigation');
    setTimeout(() => resolve(null), 10000);
    new PerformanceObserver((list, observer) => {
        const [paint] = list.getEntriesByName('first-contentful-paint');
        if (paint) {
            observer.disconnect();
            resolve([paint.startTime - navigation.responseEnd,
                     paint.startTime - navigation.responseStart]);
        }
    }).observe({type: 'paint', buffered: true});
})"""
FIRST_SCREEN = """() => Array.from(document.querySelectorAll('.publist-entry')).filter(entry => {
    const top = entry.getBoundingClientRect().top;
    return entry.checkVisibility() && top >= 0 && top < innerHeight;
}).map(entry => entry.id)"""
# Milliseconds from responseEnd until every list with chunks has loaded them, or null.
ALL_LOADED = """(timeout) => new Promise(resolve => {
    const [navigation] = performance.getEntriesByType('navigation');
    const waiting = () => document.querySelector(
        '.publist[data-publist-chunks]:not([data-publist-loaded])');
    const check = () => {
        if (!waiting()) resolve(performance.now() - navigation.responseEnd);
        else if (performance.now() - navigation.responseEnd > timeout) resolve(null);
        else setTimeout(check, 20);
    };
    check();
})"""
LI_TAG = re.compile(rb"<(/?)li[\s>]")
COUNT = re.compile(r"\s*\(\d+\)$")


@dataclass(frozen=True)
class Figure:
    """One measured value with its target (``limit``, None for information only)."""

    entries: int
    page: str
    name: str
    value: float | None
    unit: str
    limit: float | None

    @property
    def passed(self) -> bool:
        if self.limit is None:
            return True
        if self.value is None:
            return False
        return self.value <= self.limit if self.unit == "x" else self.value < self.limit

    def row(self) -> str:
        if self.value is None:
            measured = "n/a"
        else:
            measured = f"{self.value:.2f}x" if self.unit == "x" else f"{self.value:.0f} ms"
        if self.limit is None:
            target, result = "", ""
        else:
            target = f"≤ {self.limit}x" if self.unit == "x" else f"< {self.limit:.0f} ms"
            result = "PASS" if self.passed else "FAIL"
        cells = (f"{self.entries:,}", self.page, self.name, measured, target, result)
        return "| " + " | ".join(cells) + " |"


def entry(rng: random.Random, number: int) -> str:
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 10))).capitalize()
    authors = " and ".join(
        f"{rng.choice(FAMILY)}, {rng.choice(GIVEN)}" for _ in range(rng.randint(1, 6))
    )
    abstract = " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 120)))
    keywords = "google" if rng.random() < 0.6 else "university"
    # A fifth are journal articles, so the type facet has two chips.
    venue = rng.choice((*CONFERENCES, JOURNAL))
    kind, field = ("article", "journal") if venue == JOURNAL else ("inproceedings", "booktitle")
    return (
        f"@{kind}{{entry{number:05d},\n  title = {{{title}}},\n"
        f"  author = {{{authors}}},\n  {field} = {{{venue}}},\n"
        f"  year = {{{rng.randint(1995, 2025)}}},\n  keywords = {{{keywords}}},\n"
        f"  abstract = {{{abstract.capitalize()}.}},\n}}\n"
    )


def directive(title: str, options: Mapping[str, str]) -> str:
    lines = [title, "=" * len(title), "", ".. publications:: refs.bib"]
    for name, value in options.items():
        first, *rest = value.split("\n")
        lines.append(f"   :{name}: {first}".rstrip())
        lines.extend(f"      {line}" for line in rest)
    return "\n".join(lines) + "\n"


def page_options(per_page: int) -> dict[str, dict[str, str]]:
    """Each page's options, less those this checkout's directive rejects (said so)."""
    extra = {"per-page": str(per_page)} if per_page else {}
    chosen = {name: {**options, **extra} for name, (_, options) in PAGES.items()}
    unknown = sorted(
        {option for options in chosen.values() for option in options} - OPTION_SPEC.keys()
    )
    for option in unknown:
        print(f"dropped :{option}: (this checkout's directive does not know it)")
    return {
        name: {key: value for key, value in options.items() if key not in unknown}
        for name, options in chosen.items()
    }


def write_site(source: Path, count: int, options: Mapping[str, Mapping[str, str]]) -> None:
    rng = random.Random(5000)
    source.mkdir(parents=True)
    (source / "refs.bib").write_text(
        "\n".join(entry(rng, number) for number in range(count)), encoding="utf-8"
    )
    (source / "conf.py").write_text('extensions = ["sphinxcontrib_publist"]\n', encoding="utf-8")
    for name, (title, _) in PAGES.items():
        (source / f"{name}.rst").write_text(directive(title, options[name]), encoding="utf-8")
    others = "".join(f"   {name}\n" for name in PAGES if name != "index")
    with (source / "index.rst").open("a", encoding="utf-8") as index:
        index.write(f"\n.. toctree::\n\n{others}")


def build(source: Path, output: Path) -> float:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(source), str(output)]
    subprocess.run(command, check=True, env=environment)
    return time.perf_counter() - start


def entry_end(html: bytes, entry_id: str) -> int | None:
    """The byte offset just past the ``</li>`` closing the entry with ``entry_id``."""
    at = html.find(f' id="{entry_id}"'.encode())
    if at < 0:
        return None
    depth = 0
    for tag in LI_TAG.finditer(html, html.rfind(b"<li", 0, at)):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return html.index(b">", tag.start()) + 1
    return None


def html_ratio(html: bytes, first_screen: Sequence[str]) -> float | None:
    ends = [end for entry_id in first_screen if (end := entry_end(html, entry_id)) is not None]
    return len(html) / max(ends) if ends else None


class PageRun:
    """The figures of one page of one site, measured in ``browser``."""

    def __init__(self, browser: Browser, url: str, document: Path, entries: int, name: str):
        self.browser, self.url, self.document = browser, url, document
        self.entries, self.name = entries, name
        self.figures: list[Figure] = []

    def add(self, name: str, value: float | None, unit: str, limit: float | None) -> None:
        self.figures.append(Figure(self.entries, self.name, name, value, unit, limit))

    def frame(self, name: str, samples: Sequence[Sequence[float | None]]) -> None:
        """Record the slowest of the samples' frames, printing each column's slowest."""
        handler, layout, frame = (max(float(s[index] or 0) for s in samples) for index in range(3))
        done = [s[3] for s in samples if s[3] is not None]
        complete = f"{max(done):9.1f}" if done else f"{'':9}"
        print(f"  {name:<36} {handler:8.1f} {layout:8.1f} {frame:8.1f} {complete}")
        self.add(name, frame, "ms", FRAME_TARGET_MS)

    def measure(self, loads: int) -> list[Figure]:
        paints: list[float | None] = []
        for _ in range(loads):
            page = self.browser.new_context(viewport=VIEWPORT).new_page()
            page.goto(self.url, wait_until="load", timeout=LOADED_TIMEOUT_MS)
            paint = page.evaluate(FIRST_PAINT)
            paints.append(paint[0] if paint else None)
            if paint:
                arrived, first_byte = (f"{value:.0f} ms" for value in paint)
                print(
                    f"{self.url}: first contentful paint {arrived} after the HTML arrived,"
                    f" {first_byte} after its first byte"
                )
            if len(paints) < loads:
                page.context.close()
        measured = [paint for paint in paints if paint is not None]
        # A load without a paint entry makes the figure unknown, which fails.
        median = statistics.median(measured) if len(measured) == len(paints) else None
        self.add("first contentful paint", median, "ms", PAINT_TARGET_MS)
        html = self.document.read_bytes()
        self.add(
            "HTML ratio", html_ratio(html, page.evaluate(FIRST_SCREEN)), "x", HTML_RATIO_TARGET
        )
        if page.locator(".publist[data-publist-chunks]").count():
            loaded = page.evaluate(ALL_LOADED, LOADED_TIMEOUT_MS)
            if loaded is None:
                print(f"{self.url}: not every entry loaded in {LOADED_TIMEOUT_MS / 1000:.0f} s")
            self.add("all entries loaded", loaded, "ms", None)
        count = page.locator(".publist-entry").count()
        print(f"{self.url}  ({count} entries in the page, document {len(html) / 1e6:.2f} MB)")
        print(f"  {'action':<36} {'handler':>8} {'+layout':>8} {'frame':>8} {'complete':>9}")
        self.interact(page)
        page.context.close()
        return self.figures

    def interact(self, page: Page) -> None:
        sort = "select[id$='-sort']"
        values = page.eval_on_selector_all(f"{sort} option", "options => options.map(o => o.value)")
        for value in [*values[1:], *values[:1]]:
            self.frame(f"sort: {value}", [page.evaluate(MEASURE, [sort, "value", value, "change"])])
        search = "input[type=search]"
        typing = [
            page.evaluate(MEASURE, [search, "value", QUERY[:end], "input"])
            for end in range(1, len(QUERY) + 1)
        ]
        self.frame("search: slowest keystroke", typing)
        self.frame("search: clear", [page.evaluate(MEASURE, [search, "value", "", "input"])])
        tabs = page.locator("[role=tab]").count()
        for index in [*range(1, tabs), 0] if tabs else []:
            self.frame(f"tab {index}", [page.evaluate(CLICK, ["[role=tab]", index])])
        shown = page.eval_on_selector_all(".publist-chip", "chips => chips.map(c => !c.hidden)")
        chip = next((index for index, visible in enumerate(shown) if visible), None)
        if chip is not None:
            # The chip's label without its count: "2025 (33)" -> "2025".
            label = COUNT.sub("", page.locator(".publist-chip").nth(chip).inner_text())
            for step in ("pick", "unpick"):
                samples = [page.evaluate(CLICK, [".publist-chip", chip])]
                self.frame(f"chip {label}: {step}", samples)


def measure_size(
    browser: Browser, base: Path, count: int, options: Mapping[str, Mapping[str, str]], loads: int
) -> Iterator[Figure]:
    source, output = base / f"source-{count}", base / f"html-{count}"
    write_site(source, count, options)
    seconds = build(source, output)
    documents = {name: output / f"{name}.html" for name in PAGES}
    total = sum(path.stat().st_size for path in output.rglob("*") if path.is_file())
    sizes = ", ".join(
        f"{path.name} {path.stat().st_size / 1e6:.2f} MB" for path in documents.values()
    )
    print(f"\nbuilt {count:,} entries in {seconds:.1f} s; {sizes}; whole site {total / 1e6:.1f} MB")
    # Figures scale with the CPU the browser gets: say how busy the machine is.
    print("load average: " + " ".join(f"{load:.1f}" for load in os.getloadavg()))
    with serve(output) as origin:
        for name, document in documents.items():
            run = PageRun(browser, f"{origin}/{name}.html", document, count, name)
            yield from run.measure(loads)


def sizes(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--entries", type=sizes, default=sizes("1000,5000,20000"))
    parser.add_argument("--per-page", type=int, default=5, help="0: no paging")
    parser.add_argument("--loads", type=int, default=3, help="loads per page for the paint")
    parser.add_argument("--chromium", default=DEFAULT_CHROMIUM)
    arguments = parser.parse_args()
    from playwright.sync_api import sync_playwright

    options = page_options(arguments.per_page)
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=arguments.chromium, args=CHROMIUM_ARGS)
        for count in arguments.entries:
            figures += measure_size(browser, Path(temporary), count, options, arguments.loads)
        browser.close()
    used = "; ".join(f"{name}: {', '.join(opts) or 'none'}" for name, opts in options.items())
    print(f"\nper-page {arguments.per_page}, options {used}\n")
    print("| entries | page | measurement | measured | target | result |")
    print("|---|---|---|---|---|---|")
    for figure in figures:
        print(figure.row())
    failed = [figure for figure in figures if not figure.passed]
    print(f"\n{len(failed)} of {sum(f.limit is not None for f in figures)} targets missed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
