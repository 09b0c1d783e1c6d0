"""One entry's doctree from its record and extras: the same nodes for every style and builder."""

from __future__ import annotations

from dataclasses import replace

import pytest
from docutils import nodes
from sphinx import addnodes

from sphinxcontrib_publist.bib.badges import Badge
from sphinxcontrib_publist.core.richtext import Link, Math, Name, Styled, Text
from sphinxcontrib_publist.format.entry import FormattedEntry
from sphinxcontrib_publist.nodes.elements import (
    publist_abstract,
    publist_authors,
    publist_badge,
    publist_bibtex,
    publist_coins,
    publist_entry,
    publist_more_authors,
)
from sphinxcontrib_publist.nodes.entry import (
    EntryExtras,
    EntryLinks,
    entry_search_text,
    render_entry,
)
from sphinxcontrib_publist.nodes.entry_parts import RenderedLink

ENTRY = FormattedEntry(
    key="notes1843",
    title=(Text("Notes on the "), Styled("emph", (Text("Engine"),))),
    authors=(
        Name("Ada Lovelace", highlighted=True),
        Name("Charles Babbage", url="https://example.org/babbage"),
        Name("Luigi Menabrea", omitted=True),
        Name("Mary Somerville"),
    ),
    venue=(Text("Scientific Memoirs"),),
    year="1843",
    forthcoming=True,
    abstract=(Text("We compute "), Math("B_7"), Text(".")),
)
EXTRAS = EntryExtras(
    anchor="notes1843",
    title_url="https://example.org/notes",
    links=(
        RenderedLink("pdf", "PDF", "papers/notes.pdf", download=True),
        RenderedLink("doi", "DOI", "https://doi.org/10.1000/notes"),
    ),
    badges=(Badge("award", "Best Paper"), Badge("selected")),
    bibtex="@article{notes1843,\n}",
)
REFERENCE = replace(
    ENTRY,
    label="1",
    reference=(
        Name("Ada Lovelace", highlighted=True),
        Text(" and Charles Babbage. Notes. "),
        Styled("emph", (Text("Scientific Memoirs"),)),
        Text(", 1843."),
    ),
)


def shape(node: nodes.Element) -> list[tuple[str, list[str]]]:
    """The entry's children: node class names and CSS classes."""
    return [(type(child).__name__, child["classes"]) for child in node.children]


def one(node: nodes.Node, kind: type[nodes.Node], **attributes: object) -> nodes.Element:
    """The one descendant of ``kind`` (with ``attributes`` among its CSS classes, if given)."""
    found = [
        descendant
        for descendant in node.findall(kind)
        if all(value in descendant.get(name, ()) for name, value in attributes.items())
    ]
    assert len(found) == 1, found
    return found[0]


def by_class(node: nodes.Node, css_class: str) -> list[nodes.Element]:
    return [
        element
        for element in node.findall(nodes.Element)
        if css_class in element.get("classes", ())
    ]


def test_a_profile_entry_is_its_lines_then_links_abstract_and_bibtex() -> None:
    node = render_entry(ENTRY, EXTRAS, "collapsed")
    assert isinstance(node, publist_entry)
    assert node["ids"] == ["notes1843"]
    assert shape(node) == [
        ("paragraph", ["publist-title"]),
        ("paragraph", ["publist-authors"]),
        ("paragraph", ["publist-meta"]),
        ("paragraph", ["publist-links"]),
        ("publist_abstract", []),
        ("publist_bibtex", []),
    ]


def test_the_title_links_to_the_entrys_url_and_keeps_its_markup() -> None:
    title = render_entry(ENTRY, EXTRAS, "collapsed")[0]
    (link,) = title.children
    assert isinstance(link, nodes.reference)
    assert (link["refuri"], link["internal"]) == ("https://example.org/notes", False)
    assert link.astext() == "Notes on the Engine"
    assert one(link, nodes.emphasis).astext() == "Engine"


def test_without_a_url_the_title_is_plain() -> None:
    title = render_entry(ENTRY, replace(EXTRAS, title_url=None), "collapsed")[0]
    assert list(title.findall(nodes.reference)) == []
    assert title.astext() == "Notes on the Engine"


def test_the_author_line_highlights_links_and_omits_names() -> None:
    authors = render_entry(ENTRY, EXTRAS, "collapsed")[1]
    assert authors.astext() == "Ada Lovelace, Charles Babbage, Mary Somerville"
    me = one(authors, nodes.strong)
    assert (me.astext(), me["classes"]) == ("Ada Lovelace", ["publist-me"])
    link = one(authors, nodes.reference)
    assert (link.astext(), link["refuri"]) == ("Charles Babbage", "https://example.org/babbage")
    assert link["classes"] == ["publist-author-link"]


@pytest.mark.parametrize(
    ("names", "line"),
    [
        ((Name("Otfried Madelung"),), "Otfried Madelung et al."),
        ((Name("J Smith"), Name("A Doe")), "J Smith, A Doe, et al."),
    ],
)
def test_and_others_ends_the_author_line_in_et_al(names: tuple[Name, ...], line: str) -> None:
    entry = replace(ENTRY, authors=names, more_authors=True)
    authors = render_entry(entry, EXTRAS, "collapsed")[1]
    assert authors.astext() == line
    assert one(authors, nodes.inline, classes="publist-et-al").astext().endswith("et al.")
    assert "et al." in entry_search_text(entry, "hidden")


def test_et_al_follows_a_folded_author_line() -> None:
    entry = replace(
        ENTRY, authors=(Name("A One"), Name("B Two"), Name("C Three")), more_authors=True
    )
    line = render_entry(entry, replace(EXTRAS, max_authors=1), "collapsed")[1]
    assert line.children[-1].astext() == ", et al."


def test_author_marks_follow_the_name_raised() -> None:
    entry = replace(
        ENTRY, authors=(Name("A. Einstein", highlighted=True, marks="*"), Name("N. Rosen"))
    )
    authors = render_entry(entry, EXTRAS, "collapsed")[1]
    assert authors.astext() == "A. Einstein*, N. Rosen"
    assert one(authors, nodes.strong).astext() == "A. Einstein"
    assert one(authors, nodes.superscript, classes="publist-author-marks").astext() == "*"


def test_venue_year_status_and_badges_share_a_line_and_the_status_appears_once() -> None:
    node = render_entry(ENTRY, EXTRAS, "collapsed")
    meta = node[2]
    assert meta.astext() == "Scientific Memoirs (1843) (to appear) [Best Paper] [Selected]"
    assert one(meta, nodes.inline, classes="publist-venue").astext() == "Scientific Memoirs"
    assert one(meta, nodes.inline, classes="publist-year").astext() == "(1843)"
    (status,) = by_class(node, "publist-status")
    assert status["classes"] == ["publist-status", "publist-badge", "publist-badge-to-appear"]
    assert [(badge["kind"], badge["label"]) for badge in node.findall(publist_badge)] == [
        ("award", "Best Paper"),
        ("selected", "Selected"),
    ]


@pytest.mark.parametrize(
    ("changes", "meta"),
    [
        ({"venue": ()}, "(1843) (to appear)"),
        ({"year": ""}, "Scientific Memoirs (to appear)"),
        ({"venue": (), "year": ""}, "(to appear)"),
        ({"forthcoming": False}, "Scientific Memoirs (1843)"),
    ],
)
def test_the_meta_line_spaces_only_what_it_shows(changes: dict[str, object], meta: str) -> None:
    node = render_entry(replace(ENTRY, **changes), replace(EXTRAS, badges=()), "collapsed")
    assert by_class(node, "publist-meta")[0].astext() == meta


def test_an_entry_with_nothing_to_show_has_no_empty_lines() -> None:
    bare = FormattedEntry(key="bare")
    assert shape(render_entry(bare, EntryExtras(anchor="bare"), "collapsed")) == []


def test_links_are_downloads_for_local_files_and_references_for_the_web() -> None:
    links = render_entry(ENTRY, EXTRAS, "collapsed")[3]
    pdf, doi = [child for child in links.children if isinstance(child, nodes.Element)]
    assert isinstance(pdf, addnodes.download_reference)
    assert (pdf.astext(), pdf["reftarget"]) == ("PDF", "papers/notes.pdf")
    assert pdf["classes"] == ["publist-link", "publist-link-pdf"]
    assert isinstance(doi, nodes.reference)
    assert (doi.astext(), doi["refuri"]) == ("DOI", "https://doi.org/10.1000/notes")
    assert doi["classes"] == ["publist-link", "publist-link-doi"]
    assert links.astext() == "PDF DOI"


@pytest.mark.parametrize(("abstracts", "expanded"), [("collapsed", False), ("expanded", True)])
def test_the_abstract_is_one_node_with_its_label_and_markup(abstracts: str, expanded: bool) -> None:
    node = render_entry(ENTRY, EXTRAS, abstracts)
    abstract = one(node, publist_abstract)
    assert (abstract["summary"], abstract["expanded"]) == ("Preview abstract", expanded)
    label, body = abstract.children
    assert label.astext() == "Abstract:"
    assert body["classes"] == ["publist-abstract-body"]
    assert one(body, nodes.math).astext() == "B_7"
    assert body.astext() == "We compute B_7."


def test_hidden_abstracts_are_not_rendered() -> None:
    node = render_entry(ENTRY, EXTRAS, "hidden")
    assert list(node.findall(publist_abstract)) == []
    assert list(node.findall(nodes.math)) == []


def test_the_bibtex_block_holds_the_entry() -> None:
    block = one(render_entry(ENTRY, EXTRAS, "collapsed"), publist_bibtex)
    assert block["summary"] == "BibTeX"
    assert one(block, nodes.literal_block).astext() == "@article{notes1843,\n}"
    assert list(render_entry(ENTRY, replace(EXTRAS, bibtex=None), "collapsed").findall(
        publist_bibtex
    )) == []  # fmt: skip


def test_a_reference_replaces_the_lines_with_its_label_and_marks() -> None:
    node = render_entry(REFERENCE, EXTRAS, "collapsed")
    assert shape(node) == [
        ("paragraph", ["publist-citation"]),
        ("paragraph", ["publist-links"]),
        ("publist_abstract", []),
        ("publist_bibtex", []),
    ]
    citation = node[0]
    assert citation.astext() == (
        "[1] Ada Lovelace and Charles Babbage. Notes. Scientific Memoirs, 1843. "
        "(to appear) [Best Paper] [Selected]"
    )
    assert one(citation, nodes.inline, classes="publist-label").astext() == "[1]"
    assert one(citation, nodes.strong, classes="publist-me").astext() == "Ada Lovelace"
    assert one(citation, nodes.emphasis).astext() == "Scientific Memoirs"
    assert len(by_class(node, "publist-status")) == 1
    # Neither a title link nor an author line: the reference says it all.
    assert by_class(node, "publist-title") == by_class(node, "publist-authors") == []


def test_an_unlabelled_reference_starts_with_its_text() -> None:
    node = render_entry(replace(REFERENCE, label=""), EXTRAS, "collapsed")
    assert node[0].astext().startswith("Ada Lovelace and")
    assert by_class(node, "publist-label") == []


def test_a_link_inside_the_reference_stays_a_link() -> None:
    linked = replace(REFERENCE, reference=(Link("https://a.org", (Text("here"),)),))
    link = one(render_entry(linked, EXTRAS, "collapsed")[0], nodes.reference)
    assert (link.astext(), link["refuri"]) == ("here", "https://a.org")


def test_a_long_author_line_folds_but_keeps_the_highlighted_name() -> None:
    many = replace(
        ENTRY,
        authors=(
            Name("A One"),
            Name("B Two"),
            Name("C Three"),
            Name("D Four"),
            Name("Ada Lovelace", highlighted=True),
        ),
    )
    line = render_entry(many, replace(EXTRAS, max_authors=2), "collapsed")[1]
    assert isinstance(line, publist_authors)
    more = one(line, publist_more_authors)
    label, names = more.children
    assert (label["classes"], label.astext()) == (["publist-more-label"], " and 2 more")
    assert (names["classes"], names.astext()) == (["publist-more-names"], ", C Three, D Four")
    # The names shown at once: the first two, a gap, the highlighted one.
    shown = "".join(child.astext() for child in line.children if child is not more)
    assert shown == "A One, B Two, \u2026, Ada Lovelace"
    assert one(line, nodes.inline, classes="publist-authors-gap").astext() == "\u2026"
    assert one(line, nodes.strong).astext() == "Ada Lovelace"


def test_details_pages_take_the_title_link_and_add_a_details_link_and_coins() -> None:
    links = EntryLinks(
        target="publications/notes1843.html", internal=True, show_link=True, coins="ctx_ver=Z"
    )
    node = render_entry(ENTRY, EXTRAS, "collapsed", links)
    title_link = one(node[0], nodes.reference)
    assert (title_link["refuri"], title_link["internal"]) == ("publications/notes1843.html", True)
    details, coins = node.children[-2:]
    assert details["classes"] == ["publist-details-link"]
    details_link = one(details, nodes.reference)
    assert (details_link.astext(), details_link["refuri"]) == (
        "View details",
        "publications/notes1843.html",
    )
    assert isinstance(coins, publist_coins)
    assert coins["coins"] == "ctx_ver=Z"


def test_a_link_mode_entry_keeps_its_title_url_and_may_hide_the_details_link() -> None:
    links = EntryLinks(target="https://example.org/x", internal=False, show_link=False, coins="c")
    node = render_entry(ENTRY, EXTRAS, "collapsed", links)
    assert one(node[0], nodes.reference)["refuri"] == "https://example.org/notes"
    assert by_class(node, "publist-details-link") == []
    assert isinstance(node.children[-1], publist_coins)


def test_script_data_carries_ranks_and_tabs() -> None:
    node = render_entry(ENTRY, replace(EXTRAS, ranks=(2, 0, 1), tabs=(0, 2)), "collapsed")
    assert node["data"] == {"ranks": "2 0 1", "tabs": "0 2"}
    assert render_entry(ENTRY, EXTRAS, "collapsed")["data"] == {}
    assert render_entry(ENTRY, replace(EXTRAS, tabs=()), "collapsed")["data"] == {"tabs": ""}


@pytest.mark.parametrize(
    ("entry", "abstracts", "text"),
    [
        (ENTRY, "collapsed",
         ("Notes on the Engine Ada Lovelace Charles Babbage Mary Somerville Scientific Memoirs "
         "1843 (to appear) We compute B_7.")),
        (ENTRY, "hidden",
         ("Notes on the Engine Ada Lovelace Charles Babbage Mary Somerville Scientific Memoirs "
         "1843 (to appear)")),
        (replace(REFERENCE, forthcoming=False), "hidden",
         "1 Ada Lovelace and Charles Babbage. Notes. Scientific Memoirs, 1843."),
    ],
)  # fmt: skip
def test_search_text_is_what_the_entry_shows(
    entry: FormattedEntry, abstracts: str, text: str
) -> None:
    assert entry_search_text(entry, abstracts) == text
