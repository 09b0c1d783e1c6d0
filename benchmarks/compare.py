"""Our builds with two revisions of the package, interleaved, in CPU time and peak RSS.

    python benchmarks/compare.py BASE [--size 5000] [--runs 3]

Builds the synthetic list of ``--size`` entries with BASE's package (a temporary git
worktree) and with the checkout's, alternating, ``--runs`` times: clean, no-change
and edit-one builds. CPU time (user + system, of the build process alone, from
``os.wait4``) hardly depends on what else the machine runs, so a before/after
comparison holds on a busy machine where wall-clock figures would not; run.py's
wall-clock tables and their ratios to sphinxcontrib-bibtex remain the reference.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import synth
from measure import CHILD, PEAK_LINE, fresh, revision_checkout
from projects import OUR_OPTIONS, edit_one_entry, write_project

REPO = Path(__file__).resolve().parent.parent
SCENARIOS = ("clean", "no-change", "edit one")


def build(package_root: Path, src: Path, out: Path) -> tuple[float, float]:
    """One html build of ``src`` with the package at ``package_root``: CPU s, peak RSS MB."""
    env = dict(os.environ, PYTHONPATH=str(package_root))
    command = [sys.executable, "-c", CHILD, "-q", "-b", "html", str(src), str(out)]
    # Outside any checkout: "python -c" puts the working directory first on sys.path.
    child = subprocess.Popen(
        command,
        env=env,
        cwd=out.parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stderr is not None
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"build failed with {package_root}:\n{errors[-2000:]}")
    peak = PEAK_LINE.search(errors)
    return usage.ru_utime + usage.ru_stime, int(peak.group(1)) / 1024 if peak else float("nan")


def scenario(package_root: Path, bib: Path, floor: Path, work: Path) -> dict[str, float]:
    """Clean, no-change and edit-one CPU seconds, and the clean build's peak RSS."""
    src, out = work / "src", fresh(work / "out")
    write_project("ours", src, bib, floor, OUR_OPTIONS)
    clean, rss = build(package_root, src, out)
    no_change, _ = build(package_root, src, out)
    edit_one_entry("ours", src)
    edit, _ = build(package_root, src, out)
    return {"clean": clean, "no-change": no_change, "edit one": edit, "peak RSS MB": rss}


def main() -> None:
    """Measure both revisions and print the table of medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        with revision_checkout(args.base, root / "base") as base:
            bib, floor = root / "refs.bib", root / "floor.rst"
            synth.write_bib(str(bib), args.size)
            floor.write_text("Publications\n============\n", encoding="utf-8")
            figures: dict[str, list[dict[str, float]]] = {"before": [], "after": []}
            for _ in range(args.runs):
                for side, package in (("before", base), ("after", REPO)):
                    figures[side].append(scenario(package, bib, floor, root / side))
    print(report(figures, args))


def report(figures: dict[str, list[dict[str, float]]], args: argparse.Namespace) -> str:
    """A markdown table: each figure's median before and after, and their ratio."""
    commit = re.sub(r"\s+", "", args.base)
    heading = (
        f"CPU seconds (user + system) of our builds at {args.size:,} entries, medians of "
        f"{args.runs} interleaved runs; {commit} against the checkout."
    )
    lines = [
        heading,
        "",
        "| figure | before | after | after / before |",
        "|---|---|---|---|",
    ]
    for name in (*SCENARIOS, "peak RSS MB"):
        before = statistics.median(run[name] for run in figures["before"])
        after = statistics.median(run[name] for run in figures["after"])
        lines.append(f"| {name} | {before:.2f} | {after:.2f} | {after / before:.3f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
