"""Markdown tables of medians and ratios, and the PASS/FAIL check of each target."""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from measure import Scenario

TARGET_SIZE = 5000
LARGE_SIZE = 20000
CSL_SIZE = 1000
METRICS: tuple[tuple[str, str], ...] = (
    ("clean", "clean"),
    ("parallel_clean", "-j 2 clean"),
    ("no_change", "no-change"),
    ("touch_other", "touch other"),
    ("edit_one", "edit one"),
    ("clean_rss_mb", "peak RSS MB"),
)
SCALING_METRICS = ("clean", "parallel_clean", "edit_one", "clean_rss_mb")


@dataclass(frozen=True)
class Dataset:
    name: str
    bib: Path
    floor_rst: Path

    @property
    def slug(self) -> str:
        return self.bib.stem

    @property
    def is_target(self) -> bool:
        """Whether the targets are checked on this data set."""
        return self.name == synthetic_name(TARGET_SIZE)

    @cached_property
    def entries(self) -> int:
        """Entries pybtex parsed: one bullet each on the floor page."""
        with self.floor_rst.open(encoding="utf-8") as handle:
            return sum(1 for line in handle if line.startswith("* "))


Medians = dict[str, float]
ScenarioTable = Mapping[tuple[str, str], Sequence[Scenario]]


def medians(scenarios: Sequence[Scenario]) -> Medians:
    return {
        metric: statistics.median(getattr(scenario, metric) for scenario in scenarios)
        for metric, _ in METRICS
    }


def fmt(value: float) -> str:
    return f"{value:.1f}" if value >= 100 else f"{value:.2f}"


def ratio(numerator: Medians | None, denominator: Medians | None, metric: str) -> str:
    if not numerator or not denominator or not denominator[metric]:
        return "-"
    return f"{numerator[metric] / denominator[metric]:.2f}"


def medians_table(datasets: Sequence[Dataset], scenarios: ScenarioTable) -> list[str]:
    header = ["data set", "entries", "tool", "runs", *(label for _, label in METRICS)]
    header += ["re-read on edit", "-j 2 HTML identical"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for dataset in datasets:
        for tool in ("ours", "csl", "bibtex", "floor"):
            runs = scenarios.get((dataset.name, tool))
            if not runs:
                continue
            values = medians(runs)
            cells = [dataset.name, f"{dataset.entries:,}", tool, str(len(runs))]
            cells += [fmt(values[metric]) for metric, _ in METRICS]
            cells.append(", ".join(runs[-1].edit_reread) or "none")
            cells.append("yes" if all(run.parallel_identical for run in runs) else "**no**")
            lines.append("| " + " | ".join(cells) + " |")
    return lines


def ratio_table(
    datasets: Sequence[Dataset], scenarios: ScenarioTable, other: str, mine: str = "ours"
) -> list[str]:
    header = ["data set", *(label for _, label in METRICS)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for dataset in datasets:
        ours, theirs = (scenarios.get((dataset.name, tool)) for tool in (mine, other))
        if not ours or not theirs:
            continue
        ours_m, theirs_m = medians(ours), medians(theirs)
        cells = [dataset.name, *(ratio(ours_m, theirs_m, metric) for metric, _ in METRICS)]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


@dataclass(frozen=True)
class Target:
    name: str
    measured: str
    passed: bool | None

    def line(self) -> str:
        verdict = {True: "PASS", False: "FAIL", None: "n/a"}[self.passed]
        return f"| {self.name} | {self.measured} | {verdict} |"


def check_ratio(name: str, value: float | None, other: float | None, limit: float) -> Target:
    if value is None or other is None:
        return Target(name, "not measured", None)
    measured = f"{value:.2f} / {other:.2f} = {value / other:.2f}x (limit {limit}x)"
    return Target(name, measured, value <= limit * other)


def synthetic_name(size: int) -> str:
    return f"synthetic {size:,}"


def targets(scenarios: ScenarioTable, empty_no_change: float | None, size: int) -> list[Target]:
    def get(tool: str, at: int = size) -> Medians | None:
        runs = scenarios.get((synthetic_name(at), tool))
        return medians(runs) if runs else None

    ours, bibtex, floor, large = get("ours"), get("bibtex"), get("floor"), get("ours", LARGE_SIZE)

    def value(figures: Medians | None, metric: str) -> float | None:
        return figures[metric] if figures else None

    at = f" at {size:,}"
    checks = [
        check_ratio(f"clean ≤ 0.5x bibtex{at}", value(ours, "clean"), value(bibtex, "clean"), 0.5),
        check_ratio(f"clean ≤ 1.3x floor{at}", value(ours, "clean"), value(floor, "clean"), 1.3),
        check_ratio(
            f"no-change ≤ 1.5x empty project{at}", value(ours, "no_change"), empty_no_change, 1.5
        ),
        check_ratio(
            f"edit one ≤ 0.5x clean{at}", value(ours, "edit_one"), value(ours, "clean"), 0.5
        ),
        check_ratio(
            f"peak RSS ≤ 1.2x floor{at}",
            value(ours, "clean_rss_mb"),
            value(floor, "clean_rss_mb"),
            1.2,
        ),
        check_ratio(
            f"-j 2 ≤ -j 1 clean{at}", value(ours, "parallel_clean"), value(ours, "clean"), 1.0
        ),
    ]
    runs = scenarios.get((synthetic_name(size), "ours"), ())
    if runs:
        reread = sorted({doc for run in runs for doc in run.edit_reread})
        checks.append(
            Target(
                f"edit one re-reads only the list page{at}",
                ", ".join(reread) or "none",
                reread == ["pubs"],
            )
        )
        identical = all(run.parallel_identical for run in runs)
        checks.append(
            Target(f"-j 2 HTML byte-identical{at}", "yes" if identical else "no", identical)
        )
    for metric in SCALING_METRICS:
        label = dict(METRICS)[metric]
        checks.append(
            check_ratio(
                f"{label}: 20,000 ≤ 4.5x 5,000",
                value(large, metric),
                value(get("ours", TARGET_SIZE), metric),
                4.5,
            )
        )
    return checks


def csl_target(scenarios: ScenarioTable) -> Target:
    """A CSL style's edit-one rebuild within 1.5x the default style's, at 1,000 entries."""
    name = synthetic_name(CSL_SIZE)
    csl, ours = (scenarios.get((name, tool)) for tool in ("csl", "ours"))
    return check_ratio(
        f"CSL (APA) edit one ≤ 1.5x default style's at {CSL_SIZE:,}",
        medians(csl)["edit_one"] if csl else None,
        medians(ours)["edit_one"] if ours else None,
        1.5,
    )


def target_size(datasets: Sequence[Dataset]) -> int:
    """5,000 when measured, else the largest synthetic size (for quick runs)."""
    sizes = [int(d.slug.split("-")[1]) for d in datasets if d.slug.startswith("synthetic-")]
    return TARGET_SIZE if TARGET_SIZE in sizes or not sizes else max(sizes)


def section(title: str) -> list[str]:
    return ["", f"### {title}", ""]


def render_report(
    datasets: Sequence[Dataset],
    scenarios: ScenarioTable,
    empty_no_change: float | None,
    our_options: Mapping[str, str],
    notes: Sequence[str],
    runs: int,
) -> str:
    lines = ["## Benchmark results", ""]
    lines.append(f"Medians of {runs} run(s); times in seconds, peak RSS of the clean build in MB.")
    if empty_no_change is not None:
        lines.append(f"Empty project, no-change rebuild: {empty_no_change:.2f} s.")
    if our_options:
        options = ", ".join(f":{name}: {value}" for name, value in our_options.items())
        lines.append(f"Our directive's options: `{options}`.")
    lines += [f"- {note}" for note in notes]
    lines += section("Medians") + medians_table(datasets, scenarios)
    lines += section("Ratio ours / sphinxcontrib-bibtex")
    lines += ratio_table(datasets, scenarios, "bibtex")
    lines += section("Ratio ours / floor") + ratio_table(datasets, scenarios, "floor")
    if any(tool == "csl" for _, tool in scenarios):
        lines += section("Ratio CSL (APA) / default style")
        lines += ratio_table(datasets, scenarios, "ours", mine="csl")
    lines += [*section("Targets"), "| target | measured | result |", "|---|---|---|"]
    lines += [
        target.line() for target in targets(scenarios, empty_no_change, target_size(datasets))
    ]
    lines.append(csl_target(scenarios).line())
    return "\n".join(lines) + "\n"
