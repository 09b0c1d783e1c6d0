"""Node layer for the interactive page: a list's controls, tabs and labels as script data."""

from __future__ import annotations

import json

from ..core.folding import browser_folds
from ..select.interactive import Interactive
from . import labels


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
        # \u escapes: the table holds controls (U+0085) no attribute should carry raw.
        "fold": _json(dict(browser_folds()), ascii_only=True),
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


def _json(value: object, ascii_only: bool = False) -> str:
    # Compact; quotes and ampersands are escaped by the HTML writer.
    return json.dumps(value, ensure_ascii=ascii_only, separators=(",", ":"))
