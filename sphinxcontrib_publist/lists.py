"""One list from its spec and publications: select -> format -> nodes.

Shared by the ``publications`` directive and the generated people pages, so a
person's page is the list a directive with ``:person:`` would give.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass

from .bib.model import Publication
from .bib.names import NameMatcher
from .config import PublistConfig
from .core.diagnostics import Diagnostic
from .format.csl.style import csl_locale
from .format.styles import format_entries
from .nodes.details import DetailsPage
from .nodes.elements import publist_list
from .nodes.extras import LocalFiles
from .nodes.list import ListContent, publication_list
from .options import ListSpec
from .people import configured_members, name_links
from .select import group_publications
from .select.choose import choose
from .select.facets import plan_facets
from .select.interactive import Interactive, plan_interactive
from .select.members import PERSON_GROUPING, group_by_member
from .select.merge import Merged, merge_versions


@dataclass(frozen=True)
class ListPlace:
    """Where a list is made: its document and what the build around it gives."""

    config: PublistConfig
    docname: str
    style: str
    language: str | None
    cache_dir: str
    member_links: Mapping[str, str]
    local_file: LocalFiles
    taken_ids: Container[str]
    # The next list id of the document, for lists with controls.
    next_list_id: Callable[[], str]


@dataclass(frozen=True)
class MadeList:
    """The list's node, the details pages it gives, what it shows, and what it found.

    ``notes`` are the merged versions, logged in verbose mode only.
    """

    root: publist_list
    paged: list[DetailsPage]
    shown: list[Publication]
    problems: list[Diagnostic]
    notes: tuple[Diagnostic, ...] = ()


def make_list(spec: ListSpec, publications: list[Publication], place: ListPlace) -> MadeList:
    """The list ``spec`` asks for, of ``publications``, at ``place``."""
    config = place.config
    merged = merge_versions(publications) if spec.merge == "versions" else Merged(publications)
    publications = merged.publications
    if spec.person is not None:
        publications = [pub for pub in publications if spec.person.writes(pub)]
    members = configured_members(config)
    keep_key_order = spec.keys is not None and not spec.sort_given
    shown, problems = choose(
        publications,
        spec.keys,
        spec.filter,
        spec.sort,
        keep_key_order,
        spec.limit,
        merged.aliases,
    )
    formatted, format_problems = format_entries(
        shown,
        place.style,
        spec.format_options(config, name_links(members, place.member_links)),
        csl_locale(place.language),
        place.cache_dir,
    )
    groups = (
        group_by_member(shown, members)
        if spec.group_by == PERSON_GROUPING
        else group_publications(shown, spec.group_by)
    )
    displayed = [publication for group in groups for publication in group.publications]
    content = ListContent(
        docname=place.docname,
        groups=groups,
        formatted={entry.key: entry for entry in formatted},
        extras=spec.extras_settings(config),
        abstracts=spec.abstracts,
        chart=spec.chart,
        download=spec.download_bib,
        feed=spec.feed,
        classes=spec.classes,
        interactive=_interactive(spec, displayed),
        details=spec.details,
        details_dir=config.details_dir,
        per_page=spec.per_page,
    )
    list_id = place.next_list_id() if content.interactive else ""
    root, paged = publication_list(content, place.local_file, place.taken_ids, list_id)
    return MadeList(root, paged, shown, [*problems, *format_problems], merged.notes)


def _interactive(spec: ListSpec, displayed: list[Publication]) -> Interactive | None:
    """The script's plan for a list with controls or facets; ``None`` for a static one."""
    if not (spec.controls or spec.facets) or not displayed:
        return None
    # The list's own people, highlighted or left out, are no one's co-authors.
    own_names = NameMatcher(spec.highlight + spec.omit).matches
    facets = plan_facets(displayed, spec.facets, spec.chart == "year", own_names)
    return plan_interactive(displayed, spec.controls, spec.tabs, spec.group_by, facets)
