"""Node layer for the interactive page: a list's controls, tabs and labels as script data."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace

from . import labels
from .diagnostics import Diagnostic
from .fields import browser_folds
from .interactive import Interactive, parse_controls, parse_tab_option, plan_interactive
from .model import Publication
from .nodes import publist_list, publist_pending


def plan_for_options(
    displayed: Sequence[Publication],
    options: Mapping[str, str | None],
    default_controls: str,
    group_by: str,
) -> tuple[Interactive | None, list[Diagnostic]]:
    """The interactive plan of a list, or ``None`` when it shows no controls."""
    tabs, tab_problems = parse_tab_option(options.get("tabs"))
    controls, control_problems = parse_controls(
        options.get("controls"), default_controls, has_tabs=bool(tabs)
    )
    problems = [*tab_problems, *control_problems]
    if not controls or not displayed:
        return None, problems
    return plan_interactive(displayed, controls, tabs, group_by), problems


def attach(root: publist_list, plan: Interactive, list_id: str) -> None:
    """Give the list its id and script data, and each entry its ranks, tabs and search text."""
    root["ids"].append(list_id)
    root["data"].update(list_data(plan))
    root["tab_labels"] = [tab.label for tab in plan.tabs]
    for pending, data in zip(root.findall(publist_pending), plan.entry_data, strict=True):
        extra = pending["extra"]
        pending["extra"] = replace(extra, data=(*extra.data, *data))


def tab_members(pending: publist_pending) -> set[int]:
    """The indices of the tabs listing an entry, from its script data."""
    data = dict(pending["extra"].data)
    return {int(index) for index in data.get("tabs", "").split()}


def list_data(plan: Interactive) -> dict[str, str]:
    """The list's ``data-publist-*`` attributes: controls, choices, fold table, translated labels."""
    sorts = [
        {"id": choice.id, "label": labels.sort_choice(choice.id), "groups": mode}
        for choice, mode in zip(plan.sorts, plan.group_modes, strict=True)
    ]
    data = {
        "controls": " ".join(plan.controls),
        "sorts": _json(sorts),
        "sort": plan.initial_sort,
        "fold": _json(dict(browser_folds())),
        **{f"label-{name}": text for name, text in labels.control_labels().items()},
    }
    if plan.tabs:
        data["tabs"] = _json(
            [
                {"id": tab_id, "label": tab.label}
                for tab_id, tab in zip(plan.tab_ids, plan.tabs, strict=True)
            ]
        )
    return data


def _json(value: object) -> str:
    # Compact and ASCII-safe: attribute values are escaped by the HTML writer.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
