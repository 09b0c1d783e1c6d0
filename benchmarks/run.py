"""Benchmark: our directive against sphinxcontrib-bibtex and a static floor.

    python benchmarks/run.py [--sizes 100,1000,5000,20000|none] [--corpus] [--runs 3]
                             [--quick] [--profile] [--tools ours,bibtex,floor]

Prints markdown tables of medians, the ratios ours/bibtex and ours/floor, and a
PASS/FAIL line per performance target. Work directories live in
``benchmarks/_work/``; the report is also written to ``benchmarks/_work/results.md``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import store
import synth
from measure import (
    REPO,
    BuildError,
    Scenario,
    child_env,
    empty_no_change,
    fresh,
    run_scenario,
    sphinx_build,
)
from projects import (
    CSL_DATASET,
    OUR_OPTIONS,
    TOOLS,
    prepare_floor,
    write_empty_project,
    write_project,
)
from report import Dataset, render_report

HERE = Path(__file__).resolve().parent
WORK = HERE / "_work"
CORPUS = Path("/work/shared/corpus")
CORPUS_FILES = ("zotero-bbt-7166.bib", "tugboat.bib", "jabref-groups-abstracts.bib")
DEFAULT_SIZES = (100, 1000, 5000, 20000)
QUICK_SIZES = (100, 1000)
PROFILE_SIZE = 5000
STORE = WORK / "scenarios.json"
# A tool whose first run of all builds takes longer than this is not repeated, except at
# the size the targets are checked at.
REPEAT_BUDGET_SECONDS = 120.0


@dataclass
class Results:
    datasets: list[Dataset] = field(default_factory=list)
    scenarios: dict[tuple[str, str], list[Scenario]] = field(default_factory=dict)
    empty_no_change: list[float] = field(default_factory=list)
    our_options: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes",
        help="comma-separated synthetic sizes (default 100,1000,5000,20000), or none",
    )
    parser.add_argument("--corpus", action="store_true", help="also the large real exports")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--quick", action="store_true", help="sizes 100,1000 and one run")
    parser.add_argument("--profile", action="store_true", help="profile ours at 5,000 entries")
    parser.add_argument("--tools", default=",".join(TOOLS), help="subset of ours,csl,bibtex,floor")
    parser.add_argument(
        "--reuse", action="store_true", help="take the other tools' figures from the last runs"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.runs = 1
    default_sizes = QUICK_SIZES if args.quick else DEFAULT_SIZES
    if args.sizes == "none":
        args.sizes = []
    elif args.sizes:
        args.sizes = [int(size) for size in args.sizes.split(",")]
    else:
        args.sizes = list(default_sizes)
    args.tools = [tool for tool in TOOLS if tool in args.tools.split(",")]
    return args


def prepare_datasets(sizes: Sequence[int], corpus: bool) -> list[Dataset]:
    data = WORK / "data"
    data.mkdir(parents=True, exist_ok=True)
    datasets = []
    for size in sizes:
        bib = data / f"synthetic-{size}.bib"
        if not bib.exists() or bib.stat().st_mtime < Path(synth.__file__).stat().st_mtime:
            synth.write_bib(str(bib), size)
        datasets.append(Dataset(f"synthetic {size:,}", bib, data / f"synthetic-{size}.rst"))
    for name in CORPUS_FILES if corpus else ():
        bib = data / name
        shutil.copyfile(CORPUS / name, bib)
        datasets.append(Dataset(name, bib, data / f"{bib.stem}.rst"))
    for dataset in datasets:
        prepare_floor(dataset.bib, dataset.floor_rst)
    return datasets


def probe_our_options() -> dict[str, str] | None:
    """The subset of ``OUR_OPTIONS`` the extension accepts, or None without the directive."""
    work = WORK / "probe"
    bib = work / "probe.bib"
    work.mkdir(parents=True, exist_ok=True)
    synth.write_bib(str(bib), 5)
    options = dict(OUR_OPTIONS)
    while True:
        src = work / "src"
        write_project("ours", src, bib, bib, options)
        try:
            build = sphinx_build(src, fresh(work / "out"))
        except BuildError as failure:
            log(f"our extension cannot build: {str(failure).splitlines()[-1]}")
            return None
        if 'Unknown directive type "publications"' in build.stderr:
            return None
        rejected = [name for name in options if f'unknown option: "{name}"' in build.stderr]
        if not rejected and 'Error in "publications" directive' in build.stderr and options:
            rejected = [list(options)[-1]]
        if not rejected:
            return options
        for name in rejected:
            log(f"our directive rejects :{name}:, measuring without it")
            del options[name]


def measure_empty(results: Results) -> None:
    work = WORK / "runs" / "empty"
    write_empty_project(work / "src")
    results.empty_no_change.append(empty_no_change(work / "src", work))


def measure_dataset(results: Results, dataset: Dataset, tools: Sequence[str], runs: int) -> None:
    slow: set[str] = set()
    for run in range(runs):
        measure_empty(results)
        for tool in tools:
            if tool in slow or (tool == "csl" and dataset.name != CSL_DATASET):
                continue
            work = WORK / "runs" / dataset.slug / tool
            write_project(tool, work / "src", dataset.bib, dataset.floor_rst, results.our_options)
            start = time.perf_counter()
            scenario = run_scenario(tool, work / "src", work)
            elapsed = time.perf_counter() - start
            results.scenarios.setdefault((dataset.name, tool), []).append(scenario)
            figures = f"clean {scenario.clean:.2f} s, all builds {elapsed:.0f} s"
            log(f"{dataset.name} {tool} run {run + 1}: {figures}")
            repeat = runs > 1 and not dataset.is_target
            if run == 0 and repeat and elapsed > REPEAT_BUDGET_SECONDS:
                slow.add(tool)
                results.notes.append(
                    f"{tool} on {dataset.name}: 1 run only (its builds took {elapsed:.0f} s)."
                )


def profile_ours(dataset: Dataset, options: dict[str, str]) -> Path:
    work = WORK / "profile"
    write_project("ours", work / "src", dataset.bib, dataset.floor_rst, options)
    report = WORK / "profile.txt"
    command = [sys.executable, "-m", "pyinstrument", "-r", "text", "-o", str(report)]
    command += ["-m", "sphinx", "-b", "html", "-q", str(work / "src"), str(fresh(work / "out"))]
    subprocess.run(command, check=True, env=child_env(), cwd=REPO)
    return report


def run(args: argparse.Namespace, emit: Callable[[str], None]) -> Results:
    results = Results()
    tools = list(args.tools)
    if "ours" in tools or "csl" in tools:
        options = probe_our_options()
        if options is None:
            tools = [tool for tool in tools if tool not in ("ours", "csl")]
            results.notes.append("ours: the `publications` directive is not available yet.")
        else:
            results.our_options = options
    results.datasets = prepare_datasets(args.sizes, args.corpus)
    for dataset in results.datasets:
        measure_dataset(results, dataset, tools, args.runs)
        store.save(STORE, results.scenarios)  # after each data set, so an interrupted run counts
    if args.reuse:
        others = [tool for tool in TOOLS if tool not in tools]
        names = [dataset.name for dataset in results.datasets]
        reused, notes = store.reuse(STORE, names, others)
        results.scenarios.update(reused)
        results.notes += notes
    if args.profile and "ours" in tools:
        dataset = prepare_datasets([PROFILE_SIZE], corpus=False)[0]
        emit(f"Profile written to {profile_ours(dataset, results.our_options)}")
    return results


def main(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    start, load_before = time.perf_counter(), os.getloadavg()[0]
    results = run(args, log)
    load = f"{load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    results.notes.append(f"Load average (1 min) on {os.cpu_count()} CPUs: {load}.")
    text = render_report(
        results.datasets,
        results.scenarios,
        statistics.median(results.empty_no_change) if results.empty_no_change else None,
        results.our_options,
        results.notes,
        args.runs,
    )
    text += f"\nTotal benchmark time: {time.perf_counter() - start:.0f} s.\n"
    (WORK / "results.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
