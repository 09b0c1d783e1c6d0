"""Measurements saved between invocations, so baselines need not be re-measured.

Every invocation merges what it measured into ``_work/scenarios.json``; ``--reuse``
reads back the figures of the tools not run this time (typically sphinxcontrib-bibtex
and the floor, which do not change while the extension does).
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from measure import Scenario

ScenarioLists = dict[tuple[str, str], list[Scenario]]


def load(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"scenarios": {}}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def save(path: Path, measured: ScenarioLists) -> None:
    """Merge ``measured`` into the store, stamping each tool and data set with the time."""
    data = load(path)
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    for (dataset, tool), scenarios in measured.items():
        data["scenarios"].setdefault(dataset, {})[tool] = {
            "recorded": stamp,
            "runs": [asdict(scenario) for scenario in scenarios],
        }
    path.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")


def reuse(path: Path, datasets: list[str], tools: list[str]) -> tuple[ScenarioLists, list[str]]:
    """Stored scenarios of ``tools`` on ``datasets``, and a note per reused entry."""
    stored = load(path)["scenarios"]
    found: ScenarioLists = {}
    notes = []
    for dataset in datasets:
        for tool in tools:
            entry = stored.get(dataset, {}).get(tool)
            if entry is None:
                continue
            runs = [
                Scenario(**{**run, "edit_reread": tuple(run["edit_reread"])})
                for run in entry["runs"]
            ]
            found[dataset, tool] = runs
            notes.append(f"{tool} on {dataset}: reused, measured {entry['recorded']}.")
    return found, notes
