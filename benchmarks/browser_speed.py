"""How fast publist.js re-sorts, filters and switches tabs on a 5,000-entry page.

Generates a deterministic bib file, builds a site with the extension, serves it
on 127.0.0.1 and drives Debian's Chromium with Playwright. For every action it
prints, in milliseconds: the event handler alone; the handler plus the style
and layout it causes (forced by reading ``offsetHeight``); the time until the
next frame's style and layout are done, which is what the reader waits for; and, for sorting, until the
whole list is in order (the script orders what is on screen first and the rest
in chunks). Typing reports its slowest keystroke. The target is a frame under
100 ms.

Usage: python benchmarks/browser_speed.py [--entries N] [--chromium PATH]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 100.0
# The Chromium set-up and local server are shared with the browser tests.
sys.path.insert(0, str(ROOT))
from tests.browser.local_site import CHROMIUM_ARGS, DEFAULT_CHROMIUM, serve

WORDS = ("learning", "neural", "networks", "bayesian", "optimization", "sampling", "energy",
         "models", "graph", "flows", "hardware", "accelerators", "prefetching", "memory",
         "fairness", "representation", "meta", "few-shot", "classification", "variational",
         "inference", "attention", "alignment", "discrete", "gradients", "scalable", "robust",
         "efficient", "deep", "generative", "adversarial", "transfer", "structured", "kernel")  # fmt: skip
FAMILY = ("Swersky", "Grathwohl", "Jacobsen", "Müller", "Snoek", "Adams", "Zemel", "Duvenaud",
          "Kumar", "Hashemi", "Łukasz")  # fmt: skip
GIVEN = ("Kevin", "Will", "Jörn-Henrik", "Anna", "Jasper", "Ryan", "Richard", "David", "Aviral",
         "Milad", "Zoë")  # fmt: skip
VENUES = (
    "International Conference on Learning Representations",
    "Advances in Neural Information Processing Systems",
    "International Conference on Machine Learning",
    "Journal of Machine Learning Research",
    "ASPLOS",
)
SITE_PAGES = {
    "index": """Profile
=======

.. publications:: refs.bib
   :controls: tabs, sort, search
   :tabs:
      Authored Publications: all
      Google Publications: keywords contains "google"
      Other Publications: not keywords contains "google"
""",
    "grouped": """Grouped by year
===============

.. publications:: refs.bib
   :group-by: year
   :controls: sort, search
""",
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
    if (eventName === 'change') {
        while (arranged === null) await new Promise(resolve => setTimeout(resolve, 5));
        await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
    }
    return [handled - start, laidOut - start, frame - start, performance.now() - start];
}"""
CLICK_TAB = """async (index) => {
    const tab = document.querySelectorAll('[role=tab]')[index];
    const start = performance.now();
    tab.click();
    const handled = performance.now();
    document.body.offsetHeight;
    const laidOut = performance.now();
    await new Promise(resolve => requestAnimationFrame(() => {
        document.body.offsetHeight;
        resolve();
    }));
    const frame = performance.now() - start;
    return [handled - start, laidOut - start, frame, frame];
}"""


def entry(rng: random.Random, number: int) -> str:
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 10))).capitalize()
    authors = " and ".join(
        f"{rng.choice(FAMILY)}, {rng.choice(GIVEN)}" for _ in range(rng.randint(1, 6))
    )
    abstract = " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 120)))
    keywords = "google" if rng.random() < 0.6 else "university"
    return (
        f"@inproceedings{{entry{number:05d},\n  title = {{{title}}},\n"
        f"  author = {{{authors}}},\n  booktitle = {{{rng.choice(VENUES)}}},\n"
        f"  year = {{{rng.randint(1995, 2025)}}},\n  keywords = {{{keywords}}},\n"
        f"  abstract = {{{abstract.capitalize()}.}},\n}}\n"
    )


def write_site(source: Path, count: int) -> None:
    rng = random.Random(5000)
    source.mkdir(parents=True)
    (source / "refs.bib").write_text(
        "\n".join(entry(rng, number) for number in range(count)), encoding="utf-8"
    )
    (source / "conf.py").write_text('extensions = ["sphinxcontrib_publist"]\n', encoding="utf-8")
    for name, text in SITE_PAGES.items():
        (source / f"{name}.rst").write_text(text, encoding="utf-8")
    index = source / "index.rst"
    index.write_text(index.read_text() + "\n.. toctree::\n\n   grouped\n", encoding="utf-8")


def build(source: Path, output: Path) -> float:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(source), str(output)]
    subprocess.run(command, check=True, env=environment)
    return time.perf_counter() - start


def report(label: str, samples: list[list[float]]) -> bool:
    handler, layout, frame, complete = (
        max(sample[index] for sample in samples) for index in range(4)
    )
    verdict = "ok" if frame < TARGET_MS else "SLOW"
    print(f"  {label:<32} {handler:8.1f} {layout:8.1f} {frame:8.1f} {complete:9.1f}  {verdict}")
    return frame < TARGET_MS


def measure_page(page: object, url: str, has_tabs: bool) -> bool:
    page.goto(url)  # type: ignore[attr-defined]
    results = []
    sort_values = page.eval_on_selector_all(  # type: ignore[attr-defined]
        "select option", "options => options.map(option => option.value)"
    )
    print(f"{url}  ({page.locator('.publist-entry').count()} entries)")  # type: ignore[attr-defined]
    print(f"  {'action':<32} {'handler':>8} {'+layout':>8} {'frame':>8} {'complete':>9}")
    for value in [*sort_values[1:], sort_values[0]]:
        samples = [page.evaluate(MEASURE, ["select", "value", value, "change"])]  # type: ignore[attr-defined]
        results.append(report(f"sort: {value}", samples))
    query = "learning neural"
    typing = [
        page.evaluate(MEASURE, ["input[type=search]", "value", query[:end], "input"])  # type: ignore[attr-defined]
        for end in range(1, len(query) + 1)
    ]
    results.append(report(f"type {query!r}, per keystroke", typing))
    cleared = [page.evaluate(MEASURE, ["input[type=search]", "value", "", "input"])]  # type: ignore[attr-defined]
    results.append(report("clear the query", cleared))
    if has_tabs:
        results.extend(
            report(f"tab {index}", [page.evaluate(CLICK_TAB, index)])  # type: ignore[attr-defined]
            for index in (1, 2, 0)
        )
    return all(results)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--chromium", default=DEFAULT_CHROMIUM)
    arguments = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as temporary:
        base = Path(temporary)
        write_site(base / "source", arguments.entries)
        seconds = build(base / "source", base / "html")
        print(f"built {arguments.entries} entries in {seconds:.1f} s")
        # Figures scale with the CPU the browser gets: say how busy the machine is.
        print("load average: " + " ".join(f"{load:.1f}" for load in os.getloadavg()))
        sizes = {path.name: path.stat().st_size for path in (base / "html").glob("*.html")}
        print(
            "page sizes: "
            + ", ".join(f"{name} {size / 1e6:.1f} MB" for name, size in sizes.items())
        )
        with serve(base / "html") as origin, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=arguments.chromium, args=CHROMIUM_ARGS
            )
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            fast = measure_page(page, f"{origin}/index.html", has_tabs=True)
            fast = measure_page(page, f"{origin}/grouped.html", has_tabs=False) and fast
            browser.close()
    print(
        f"all under {TARGET_MS:.0f} ms" if fast else f"some actions took {TARGET_MS:.0f} ms or more"
    )
    return 0 if fast else 1


if __name__ == "__main__":
    sys.exit(main())
