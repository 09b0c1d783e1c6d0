"""Select stage: the entries one list shows, in the order it shows them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..bib.model import Publication
from ..core.diagnostics import Diagnostic, Subtype
from .filters import Filter
from .sort import SortKey, sort_publications


def choose(
    publications: Sequence[Publication],
    keys: Sequence[str] | None,
    entry_filter: Filter | None,
    sort: Sequence[SortKey],
    keep_key_order: bool,
    limit: int | None,
    aliases: Mapping[str, str] | None = None,
) -> tuple[list[Publication], list[Diagnostic]]:
    """``:keys:`` (in their order unless sorted), then ``:filter:``, ``:sort:`` and ``:limit:``.

    ``aliases`` maps the lowercased keys of merged versions to the key of their entry,
    which ``:keys:`` then names once, however many of its versions it lists.
    """
    problems: list[Diagnostic] = []
    chosen = list(publications)
    if keys is not None:
        by_key = {publication.key.lower(): publication for publication in chosen}
        chosen = []
        merged_into = aliases or {}
        merged = {key.lower() for key in merged_into.values()}
        named: set[str] = set()
        for key in keys:
            publication = by_key.get(merged_into.get(key.lower(), key).lower())
            if publication is None:
                problems.append(Diagnostic(f":keys: names unknown key {key!r}", Subtype.OPTION))
            elif not (publication.key.lower() in merged and publication.key.lower() in named):
                named.add(publication.key.lower())
                chosen.append(publication)
    if entry_filter is not None:
        chosen = [publication for publication in chosen if entry_filter(publication)]
    if not keep_key_order:
        chosen = sort_publications(chosen, sort)
    return (chosen[:limit] if limit is not None else chosen), problems
