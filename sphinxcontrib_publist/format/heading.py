"""Format stage: an entry's heading, its title or, for an untitled entry, a stand-in.

An entry without a title would otherwise show only its toggles, with nothing to
say what it is. Its venue and year stand in for the title; without them, the
first words of its abstract.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..core.richtext import EMPTY, RichText, plain_text, text
from .entry import FormattedEntry

# Enough words to recognise a paper by, short enough for one line.
ABSTRACT_WORDS = 10


@dataclass(frozen=True)
class Heading:
    """What heads an entry, and the entry as its other lines show it.

    ``rest`` drops the venue and year when they already head the entry, so
    they are not shown twice. ``stand_in`` is true when the entry has no title.
    """

    text: RichText
    rest: FormattedEntry
    stand_in: bool = False


def heading(entry: FormattedEntry) -> Heading:
    """The entry's title, else its venue and year, else the start of its abstract."""
    if entry.title:
        return Heading(entry.title, entry)
    if entry.venue or entry.year:
        year = f"({entry.year})" if entry.year else ""
        space = " " if entry.venue and year else ""
        return Heading(
            (*entry.venue, *text(space + year)), replace(entry, venue=EMPTY, year=""), True
        )
    words = plain_text(entry.abstract).split()
    if not words:
        return Heading(EMPTY, entry)
    shown = " ".join(words[:ABSTRACT_WORDS])
    return Heading(text(shown + ("\u2026" if len(words) > ABSTRACT_WORDS else "")), entry, True)
