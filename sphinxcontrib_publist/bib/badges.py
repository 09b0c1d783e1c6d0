"""Model stage: status badges an entry's data asks for (award, selected, citation count)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.numbers import whole_number
from ..core.pickling import pickled_by_fields
from ..core.richtext import EMPTY, RichText
from .model import Publication

TRUE_WORDS = frozenset({"true", "yes", "y", "1", "on", "selected"})
AWARD_NOTE = re.compile(r"\baward|\bbest\s+(?:student\s+)?paper\b", re.IGNORECASE)
_COUNT = re.compile(r"\d[\d,_ ]*")


@pickled_by_fields
@dataclass(frozen=True)
class Badge:
    """One badge: ``kind`` (CSS class suffix) and ``detail``, the bib text or count it shows.

    The node layer turns the kind into a translated label: "Selected", "Cited by N",
    or for an award its ``detail`` ("Best Paper Award") when there is one.
    """

    kind: str
    detail: str = ""
    # The detail with its markup, where the bib text has some (an award in Markdown).
    rich: RichText = EMPTY


def is_selected(publication: Publication) -> bool:
    """True for a ``selected = {true}``/``{yes}`` field or a ``selected`` keyword."""
    if publication.fields.get("selected", "").strip().lower() in TRUE_WORDS:
        return True
    return any(keyword.lower() == "selected" for keyword in publication.keywords)


def asks_for_bibtex(publication: Publication) -> bool:
    """True for al-folio's ``bibtex_show = {true}``: the entry shows its BibTeX in any list."""
    return publication.fields.get("bibtex_show", "").strip().lower() in TRUE_WORDS


def abbreviation(publication: Publication) -> str:
    """al-folio's ``abbr``, the venue's short name its sites show as a badge, else ""."""
    return publication.fields.get("abbr", "").strip()


def _award_field(publication: Publication) -> str:
    return publication.fields.get("award", "").strip()


def award(publication: Publication) -> str | None:
    """The award text: an ``award`` field, or a ``note`` that names an award; else None."""
    value = _award_field(publication)
    if value:
        return "" if value.lower() in TRUE_WORDS else value
    note = publication.fields.get("note", "").strip()
    if note and AWARD_NOTE.search(note):
        return note
    return None


def note_is_award(publication: Publication) -> bool:
    """Whether the entry's note is its award, which the award badge shows: styles leave it out."""
    return award(publication) == publication.fields.get("note", "").strip()


def citation_count(publication: Publication, field: str | None) -> int | None:
    """The whole number in ``field`` (e.g. ``citations = {1,234}``), else None."""
    if not field:
        return None
    match = _COUNT.fullmatch(publication.fields.get(field.lower(), "").strip())
    if match is None:
        return None
    return whole_number(re.sub(r"[,_ ]", "", match.group()))


def entry_badges(publication: Publication, citation_field: str | None) -> tuple[Badge, ...]:
    """The badges of ``publication``, always in the order venue, award, selected, citations."""
    badges: list[Badge] = []
    if abbreviation(publication):
        badges.append(Badge("abbr", abbreviation(publication)))
    award_text = award(publication)
    if award_text is not None:
        rich = (
            publication.award if award_text and award_text == _award_field(publication) else EMPTY
        )
        badges.append(Badge("award", award_text, rich))
    if is_selected(publication):
        badges.append(Badge("selected"))
    count = citation_count(publication, citation_field)
    if count is not None:
        badges.append(Badge("citations", str(count)))
    return tuple(badges)
