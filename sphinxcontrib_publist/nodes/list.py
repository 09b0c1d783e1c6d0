"""One list's doctree: groups of pending entries, its chart, download and the script's data."""

from __future__ import annotations

import json
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass

from docutils import nodes

from ..bib.model import Publication
from ..core.folding import browser_folds
from ..core.richtext import link_urls
from ..format.authors import legend_marks
from ..format.entry import FormattedEntry
from ..select import NO_GROUPING, Group
from ..select.facets import Facet
from ..select.interactive import Interactive
from ..select.tabs import printed_tabs
from . import labels
from .anchors import escaped_key, key_anchors, unique_id
from .chart import charts
from .details import DetailsPage, record_details
from .elements import publist_download, publist_group, publist_list, publist_pending
from .entry_parts import download_sources
from .extras import ExtrasSettings, LocalFiles, entry_extras
from .jump import jump_node

EXPORTS_ATTRIBUTE = "publist_exports"


@dataclass(frozen=True)
class ListContent:
    """Everything one list shows, as the stages before the node layer decided it."""

    docname: str
    groups: Sequence[Group]
    formatted: Mapping[str, FormattedEntry]
    extras: ExtrasSettings
    abstracts: str
    chart: str = "none"
    download: bool = False
    feed: int | None = None
    classes: tuple[str, ...] = ()
    interactive: Interactive | None = None
    details: str = "none"
    details_dir: str = "publications"
    per_page: int | None = None


def publication_list(
    content: ListContent, local_file: LocalFiles, taken_ids: Container[str], list_id: str
) -> tuple[publist_list, list[DetailsPage]]:
    """The list node, and the details pages it gives entries.

    Entries take ids from their keys, and a list with controls ``list_id``, made
    unique against ``taken_ids``, the document's; ``local_file`` finds the source
    files that relative links name.
    """
    displayed = [publication for group in content.groups for publication in group.publications]
    anchors = key_anchors([publication.key for publication in displayed], taken_ids)
    list_anchor = unique_id(list_id, taken_ids, set(anchors)) if content.interactive else ""
    root = publist_list(data={}, classes=list(content.classes))
    # Above the entries: the chart, then the download link.
    root.extend(charts(displayed, content.chart))
    if displayed:
        # What the export files and the feed are written from, when pages are written.
        root[EXPORTS_ATTRIBUTE] = tuple(displayed)
        if content.feed:
            root["feed"] = content.feed
    if content.download and displayed:
        root += publist_download()
    if not displayed:
        root += nodes.paragraph("", labels.no_publications(), classes=["publist-empty"])
    pendings = iter(_pending_entries(displayed, anchors, content, local_file))
    group_ids = _group_ids(content.groups, taken_ids, {*anchors, list_anchor})
    if len(group_ids) > 1:
        root += jump_node(
            [
                (anchor, labels.group_label(group.field, group.value))
                for anchor, group in zip(group_ids, content.groups, strict=True)
            ]
        )
    for position, group in enumerate(content.groups):
        container = publist_group(data={} if group.field == NO_GROUPING else {"group": group.value})
        if group.field != NO_GROUPING:
            container["ids"].append(group_ids[position])
            heading = labels.group_label(group.field, group.value)
            container += nodes.rubric(heading, heading, classes=["publist-group-heading"])
        items = nodes.bullet_list(classes=["publist-entries"])
        items.extend(next(pendings) for _ in group.publications)
        container += items
        root += container
    legend = legend_marks(content.formatted[publication.key] for publication in displayed)
    if legend:
        root += marks_legend(legend)
    if content.per_page and len(displayed) > content.per_page:
        root["per_page"] = content.per_page
    if content.interactive is not None:
        root["ids"].append(list_anchor)
        root["data"].update(list_data(content.interactive))
        root["tab_sections"] = _tab_sections(content.interactive)
    by_key = {publication.key: publication for publication in displayed}
    return root, record_details(root, by_key, content.details, content.details_dir)


def _group_ids(groups: Sequence[Group], *taken: Container[str]) -> list[str]:
    """An id per group of a grouped list (none for an ungrouped one): ``year-2021``."""
    if not groups or groups[0].field == NO_GROUPING:
        return []
    placed: list[str] = []
    for group in groups:
        value = escaped_key(group.value).strip("-").lower() or "none"
        placed.append(unique_id(f"{group.field}-{value}", *taken, placed))
    return placed


def marks_legend(marks: Sequence[str]) -> nodes.Element:
    """Under the list: one line per author mark its names carry, saying what it means."""
    legend = nodes.container(classes=["publist-legend"])
    for mark in marks:
        meaning = labels.mark_meaning(mark)
        legend += nodes.paragraph(
            "",
            "",
            nodes.inline(mark, mark, classes=["publist-legend-mark"]),
            nodes.Text(f" {meaning}"),
        )
    return legend


def _tab_sections(plan: Interactive) -> list[tuple[int, str]]:
    """The tabs that builders without controls print as sections, by index and label."""
    if plan.memberships is None:
        return []
    return [
        (index, plan.tabs[index].label) for index in printed_tabs(plan.memberships, len(plan.tabs))
    ]


def _pending_entries(
    displayed: Sequence[Publication],
    anchors: Sequence[str],
    content: ListContent,
    local_file: LocalFiles,
) -> list[publist_pending]:
    plan = content.interactive
    pendings = []
    for position, (publication, anchor) in enumerate(zip(displayed, anchors, strict=True)):
        ranks = plan.ranks[position] if plan is not None else ()
        tabs = plan.memberships[position] if plan and plan.memberships is not None else None
        entry = content.formatted[publication.key]
        shown = link_urls(entry.reference)
        facets = tuple(facet.members[position] for facet in plan.facets) if plan else ()
        extra = entry_extras(
            publication, anchor, content.extras, local_file, ranks, tabs, shown, facets
        )
        pending = publist_pending(
            ids=[anchor],
            entry=entry,
            extra=extra,
            abstracts=content.abstracts,
        )
        # Stand-ins for Sphinx's download collector, which runs before entries are nodes.
        pending.extend(download_sources(extra.links))
        pendings.append(pending)
    return pendings


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
    if plan.facets:
        data["facets"] = _json([_facet_data(facet) for facet in plan.facets])
        data.update({f"label-{name}": text for name, text in labels.facet_labels().items()})
    if plan.tabs:
        data["tabs"] = _json(
            [
                {"id": tab_id, "label": tab.label}
                for tab_id, tab in zip(plan.tab_ids, plan.tabs, strict=True)
            ]
        )
    return data


def _facet_data(facet: Facet) -> dict[str, object]:
    """A facet for the script: values as URLs name them, and as chips show them."""
    return {
        "id": facet.id,
        "shown": facet.shown,
        "values": list(facet.values),
        "labels": [labels.group_label(facet.id, value) for value in facet.values],
    }


def _json(value: object, ascii_only: bool = False) -> str:
    # Compact; quotes and ampersands are escaped by the HTML writer.
    return json.dumps(value, ensure_ascii=ascii_only, separators=(",", ":"))
