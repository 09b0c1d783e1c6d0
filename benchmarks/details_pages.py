"""Details pages: the same list with and without them, clean, no-change and edit-one builds.

    python benchmarks/details_pages.py [--size 1000] [--runs 1] [--base REV]

Builds the synthetic list of ``--size`` entries twice in one run, as run.py's
``ours`` project (``:controls: sort, search``, ``:abstracts: collapsed``) and the
same project with ``:details: pages``: a clean build, a rebuild with nothing
changed and a rebuild after editing one entry's title, each its own
``sphinx-build`` process, in wall-clock and CPU seconds. It counts the details pages
each rebuild wrote (files under ``publications/`` whose mtime changed) and
prints the medians, the ratios details / no details and the target line
(no-change with details pages at most 1.5x without, at 1,000 entries). With
``--base REV`` the same is measured with REV's package too (a temporary git
worktree), as "before".
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

import synth
from measure import CHILD, fresh, revision_checkout
from projects import OUR_OPTIONS, edit_one_entry, write_project

REPO = Path(__file__).resolve().parent.parent
VARIANTS = {"no details": OUR_OPTIONS, "details pages": {**OUR_OPTIONS, "details": "pages"}}
BUILDS = ("clean", "no-change", "edit one")
NO_CHANGE_LIMIT = 1.5

Figures = dict[str, float]


def build(package_root: Path, src: Path, out: Path) -> tuple[float, float]:
    """One quiet html build of ``src`` with the package at ``package_root``.

    Returns wall-clock seconds and CPU seconds (user + system, of the build
    process alone, from ``os.wait4``), which hardly depend on what else runs.
    """
    env = dict(os.environ, PYTHONPATH=str(package_root))
    command = [sys.executable, "-c", CHILD, "-q", "-b", "html", str(src), str(out)]
    start = time.perf_counter()
    # Outside any checkout: "python -c" puts the working directory first on sys.path.
    child = subprocess.Popen(
        command, env=env, cwd=out.parent, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert child.stderr is not None
    errors = child.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"build failed with {package_root}:\n{errors[-2000:]}")
    return seconds, usage.ru_utime + usage.ru_stime


def page_mtimes(out: Path) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for path in (out / "publications").glob("*.html")}


def written_since(out: Path, before: dict[Path, int]) -> int:
    """Details pages written since ``before`` was taken."""
    return sum(1 for path, mtime in page_mtimes(out).items() if before.get(path) != mtime)


def scenario(package_root: Path, bib: Path, work: Path, options: dict[str, str]) -> Figures:
    """Seconds of each build, wall and CPU, and the details pages each rebuild wrote."""
    src, out = work / "src", fresh(work / "out")
    out.parent.mkdir(parents=True, exist_ok=True)
    write_project("ours", src, bib, bib, options)
    figures: Figures = {}
    for name in BUILDS:
        if name == "edit one":
            edit_one_entry("ours", src)
        before = page_mtimes(out) if out.exists() else {}
        figures[name], figures[f"CPU {name}"] = build(package_root, src, out)
        if name != "clean":
            figures[f"pages written, {name}"] = written_since(out, before)
    return figures


def measure(packages: dict[str, Path], bib: Path, work: Path, runs: int) -> dict[str, Figures]:
    """Medians by "package, variant", the runs interleaved."""
    runs_by_row: dict[str, list[Figures]] = {}
    for _ in range(runs):
        for side, package in packages.items():
            for variant, options in VARIANTS.items():
                row = f"{side}, {variant}" if len(packages) > 1 else variant
                figures = scenario(package, bib, work / side / variant.replace(" ", "-"), options)
                runs_by_row.setdefault(row, []).append(figures)
                print(f"{row}: {figures}", file=sys.stderr, flush=True)
    return {
        row: {name: statistics.median(run[name] for run in runs) for name in runs[0]}
        for row, runs in runs_by_row.items()
    }


def report(medians: dict[str, Figures], sides: list[str], size: int, runs: int) -> str:
    names = [*BUILDS, *(f"CPU {name}" for name in BUILDS)]
    names += ["pages written, no-change", "pages written, edit one"]
    lines = [
        f"Seconds at {size:,} synthetic entries (wall clock, then CPU), medians of {runs} run(s).",
        "",
        "| project | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for row, figures in medians.items():
        cells = [f"{figures[name]:.2f}" for name in names[:-2]]
        cells += [f"{figures[name]:.0f}" for name in names[-2:]]
        lines.append(f"| {row} | " + " | ".join(cells) + " |")
    lines += ["", "| details pages / no details | " + " | ".join(names[:-2]) + " |"]
    lines.append("|---|" + "---|" * len(names[:-2]))
    for side in sides:
        prefix = f"{side}, " if len(sides) > 1 else ""
        with_pages, without = medians[f"{prefix}details pages"], medians[f"{prefix}no details"]
        ratios = [f"{with_pages[name] / without[name]:.2f}" for name in names[:-2]]
        lines.append(f"| {side} | " + " | ".join(ratios) + " |")
    prefix = f"{sides[-1]}, " if len(sides) > 1 else ""
    lines.append("")
    for clock in ("", "CPU "):
        with_pages = medians[f"{prefix}details pages"][f"{clock}no-change"]
        ratio = with_pages / medians[f"{prefix}no details"][f"{clock}no-change"]
        verdict = "PASS" if ratio <= NO_CHANGE_LIMIT else "FAIL"
        lines.append(
            f"{clock}no-change with details pages at most {NO_CHANGE_LIMIT}x without: "
            f"{ratio:.2f}x: {verdict}  "
        )
    return "\n".join(lines)


def main() -> None:
    """Measure and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--base", help="also measure this revision's package, as before")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch, ExitStack() as stack:
        root = Path(scratch)
        packages = {"checkout": REPO}
        if args.base:
            base = stack.enter_context(revision_checkout(args.base, root / "base"))
            packages = {"before": base, "after": REPO}
        bib = root / "refs.bib"
        synth.write_bib(str(bib), args.size)
        medians = measure(packages, bib, root, args.runs)
    print(report(medians, list(packages), args.size, args.runs))


if __name__ == "__main__":
    main()
