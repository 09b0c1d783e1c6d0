"""An entry's heading: its title, or for an untitled entry its venue and year, or its abstract."""

from __future__ import annotations

from sphinxcontrib_publist.core.richtext import plain_text, text
from sphinxcontrib_publist.format.entry import FormattedEntry
from sphinxcontrib_publist.format.heading import ABSTRACT_WORDS, heading

ABSTRACT = text(" ".join(f"word{number}" for number in range(40)))


def test_a_title_heads_the_entry_and_the_other_lines_keep_everything() -> None:
    entry = FormattedEntry("k", title=text("Deep Nets"), venue=text("ICML"), year="2020")
    head = heading(entry)
    assert plain_text(head.text) == "Deep Nets"
    assert head.rest == entry
    assert not head.stand_in


def test_venue_and_year_stand_in_for_a_missing_title_and_leave_the_venue_line() -> None:
    entry = FormattedEntry("k", venue=text("NeurIPS"), year="2019", abstract=ABSTRACT)
    head = heading(entry)
    assert plain_text(head.text) == "NeurIPS (2019)"
    assert head.stand_in
    assert (head.rest.venue, head.rest.year) == ((), "")
    assert head.rest.abstract == ABSTRACT


def test_a_year_alone_stands_in() -> None:
    assert plain_text(heading(FormattedEntry("k", year="2019")).text) == "(2019)"


def test_the_start_of_the_abstract_stands_in_without_venue_and_year() -> None:
    head = heading(FormattedEntry("k", abstract=ABSTRACT))
    shown = plain_text(head.text)
    assert shown.split()[:3] == ["word0", "word1", "word2"]
    assert len(shown.split()) == ABSTRACT_WORDS
    assert shown.endswith("\u2026")
    assert head.stand_in


def test_a_short_abstract_is_shown_whole_without_an_ellipsis() -> None:
    assert plain_text(heading(FormattedEntry("k", abstract=text("Short."))).text) == "Short."


def test_an_entry_with_nothing_to_show_has_no_heading() -> None:
    head = heading(FormattedEntry("k"))
    assert head.text == ()
    assert not head.stand_in
