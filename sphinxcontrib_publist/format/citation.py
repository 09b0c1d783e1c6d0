"""Format stage: the short citation a ``pub`` reference shows, "Swersky et al. 2020".

Family names as the author-year styles write them: one author alone, two
joined by "&", three or more as the first and "et al."; then the year. An
entry without authors is cited by its editors, then by its title; without a
year, the names stand alone; an entry with neither names nor title by its key.
"""

from __future__ import annotations

from ..bib.model import Person, Publication
from ..core.richtext import plain_text


def short_citation(publication: Publication, and_word: str = "&", et_al: str = "et al.") -> str:
    """``Swersky et al. 2020``, ``Swersky & Zemel 2020``, ``Swersky 2020`` or the title."""
    people = publication.authors or publication.editors
    more = publication.more_authors if publication.authors else publication.more_editors
    names = _names(people, more, and_word, et_al)
    if not names:
        return " ".join(plain_text(publication.title).split()) or publication.key
    return f"{names} {publication.year}" if publication.year is not None else names


def _names(people: tuple[Person, ...], more: bool, and_word: str, et_al: str) -> str:
    families = [person.family or person.given for person in people if person.family or person.given]
    if not families:
        return ""
    if len(families) >= 3 or (more and families):
        return f"{families[0]} {et_al}"
    return f" {and_word} ".join(families)
