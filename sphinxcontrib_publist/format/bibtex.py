"""Export stage: publications written back as clean BibTeX, for display and download."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from ..bib.model import Publication

DEFAULT_EXCLUDE = ("abstract", "file", "keywords")
# The parent's fields are already merged into each child, so the exported entry
# stands alone; a crossref would point at an entry that may not be exported.
ALWAYS_EXCLUDED = frozenset({"crossref"})
PERSON_ROLES = ("author", "editor")
# Types of our own, written as the BibTeX type that stands for them: arXiv's own export
# writes a preprint as @misc with its eprint.
EXPORTED_TYPES = {"preprint": "misc"}
INDENT = "  "


def entry_to_bibtex(
    publication: Publication,
    fields: Collection[str] | None = None,
    exclude: Collection[str] = DEFAULT_EXCLUDE,
) -> str:
    """One ``@type{key, ...}`` entry; ``fields`` None keeps every field but ``exclude``."""
    entry_type = EXPORTED_TYPES.get(publication.entry_type, publication.entry_type)
    lines = [f"@{entry_type or 'misc'}{{{publication.key},"]
    lines.extend(
        f"{INDENT}{name} = {{{_balanced(value)}}},"
        for name, value in _chosen_fields(publication, fields, exclude)
    )
    lines.append("}")
    return "\n".join(lines)


def bibliography_to_bibtex(
    publications: Iterable[Publication],
    fields: Collection[str] | None = None,
    exclude: Collection[str] = DEFAULT_EXCLUDE,
) -> str:
    """Several entries, separated by blank lines, ending with a newline."""
    entries = [entry_to_bibtex(publication, fields, exclude) for publication in publications]
    return "\n\n".join(entries) + "\n" if entries else ""


def _chosen_fields(
    publication: Publication, fields: Collection[str] | None, exclude: Collection[str]
) -> list[tuple[str, str]]:
    wanted = None if fields is None else {name.lower() for name in fields}
    dropped = ALWAYS_EXCLUDED | {name.lower() for name in exclude}

    def keep(name: str) -> bool:
        return name not in dropped and (wanted is None or name in wanted)

    chosen = [
        (role, " and ".join(publication.raw_persons[role]))
        for role in PERSON_ROLES
        if publication.raw_persons.get(role) and keep(role)
    ]
    chosen.extend(
        (name.lower(), value)
        for name, value in publication.raw_fields.items()
        if keep(name.lower()) and name.lower() not in PERSON_ROLES and value.strip()
    )
    return chosen


def _balanced(value: str) -> str:
    """``value`` with unmatched braces dropped: BibTeX counts every brace, escaped or not."""
    kept: list[str] = []
    open_positions: list[int] = []
    for char in value:
        if char == "{":
            open_positions.append(len(kept))
        elif char == "}":
            if not open_positions:
                continue
            open_positions.pop()
        kept.append(char)
    for position in reversed(open_positions):
        del kept[position]
    return "".join(kept).replace("\n", " ")
