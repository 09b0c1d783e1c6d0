"""One entry's doctree, built in one place for every style, builder and page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docutils import nodes

from ..bib.badges import Badge
from ..core.pickling import pickled_by_fields
from ..core.richtext import RichText, plain_text
from ..format.entry import FormattedEntry
from ..format.heading import heading
from . import labels
from .elements import publist_abstract, publist_coins, publist_details_link, publist_entry
from .entry_parts import RenderedLink, author_line, badge_nodes, bibtex_block, links_paragraph
from .rich import rich_to_blocks, rich_to_nodes


@pickled_by_fields
@dataclass(frozen=True)
class EntryExtras:
    """What an entry shows beside its formatted parts, decided when the list is read.

    ``ranks`` are its positions under each sort choice of the list's controls and
    ``tabs`` the indices of the tabs listing it (``None`` in a list without tabs),
    ``facets`` the indices of its values in each of the list's facets.
    """

    anchor: str
    title_url: str | None = None
    links: tuple[RenderedLink, ...] = ()
    badges: tuple[Badge, ...] = ()
    bibtex: str | None = None
    max_authors: int | None = None
    ranks: tuple[int, ...] = ()
    tabs: tuple[int, ...] | None = None
    facets: tuple[tuple[int, ...], ...] = ()


@pickled_by_fields
@dataclass(frozen=True)
class EntryLinks:
    """What an entry gets for the builder writing it: a details link, its target, its COinS.

    ``internal`` targets are details pages, which the entry's title links to as well.
    """

    target: str
    internal: bool
    show_link: bool
    coins: str


def render_entry(
    entry: FormattedEntry, extra: EntryExtras, abstracts: str, links: EntryLinks | None = None
) -> publist_entry:
    """The whole entry: its lines, links, details link, abstract, BibTeX and COinS."""
    node = publist_entry(ids=[extra.anchor], data=_script_data(extra))
    titled = False
    if entry.reference:
        node += _trailed(_reference_line(entry), entry.forthcoming, extra.badges)
    else:
        to_page = links is not None and links.internal
        title_url = links.target if links is not None and to_page else extra.title_url
        head = heading(entry)
        titled = bool(head.text)
        if titled:
            node += _title_line(head.text, title_url, internal=to_page, stand_in=head.stand_in)
        if entry.listed_authors:
            node += author_line(entry.listed_authors, extra.max_authors, entry.more_authors)
        venue_line = _trailed(_venue_line(head.rest), entry.forthcoming, extra.badges)
        if len(venue_line):
            node += venue_line
    links_line = links_paragraph(extra.links)
    if links_line is not None:
        node += links_line
    if entry.abstract and abstracts != "hidden":
        node += _abstract(entry.abstract, expanded=abstracts == "expanded")
    if extra.bibtex:
        node += bibtex_block(extra.bibtex)
    if links is not None:
        node.extend(_details_nodes(links, redundant=links.internal and titled))
    return node


def entry_search_text(entry: FormattedEntry, abstracts: str) -> str:
    """The words an entry shows, for a site search index that never sees its nodes."""
    if entry.reference:
        shown = [entry.label, plain_text(entry.reference)]
    else:
        names = [author.text for author in entry.listed_authors]
        if entry.more_authors:
            names.append(labels.et_al())
        shown = [plain_text(entry.title), *names, plain_text(entry.venue), entry.year]
    shown.append(labels.to_appear() if entry.forthcoming else "")
    if abstracts != "hidden":
        shown.append(plain_text(entry.abstract))
    return " ".join(part for part in shown if part)


def _script_data(extra: EntryExtras) -> dict[str, str]:
    data = {"ranks": " ".join(map(str, extra.ranks))} if extra.ranks else {}
    if extra.tabs is not None:
        data["tabs"] = " ".join(map(str, extra.tabs))
    if extra.facets:
        # Facets apart by ";", values by spaces: "0;3 5" has value 0 of one, 3 and 5 of the next.
        data["facets"] = ";".join(" ".join(map(str, values)) for values in extra.facets)
    return data


def _reference_line(entry: FormattedEntry) -> nodes.paragraph:
    paragraph = nodes.paragraph(classes=["publist-citation"])
    if entry.label:
        label = f"[{entry.label}]"
        paragraph += nodes.inline(label, label, classes=["publist-label"])
        paragraph += nodes.Text(" ")
    paragraph.extend(rich_to_nodes(entry.reference))
    return paragraph


def _title_line(
    title: RichText, url: str | None, internal: bool, stand_in: bool = False
) -> nodes.paragraph:
    classes = ["publist-title", *(["publist-title-stand-in"] if stand_in else [])]
    paragraph = nodes.paragraph(classes=classes)
    content = rich_to_nodes(title)
    if url:
        paragraph += nodes.reference("", "", *content, refuri=url, internal=internal)
    else:
        paragraph.extend(content)
    return paragraph


def _venue_line(entry: FormattedEntry) -> nodes.paragraph:
    paragraph = nodes.paragraph(classes=["publist-meta"])
    if entry.venue:
        paragraph += nodes.inline("", "", *rich_to_nodes(entry.venue), classes=["publist-venue"])
    if entry.year:
        if entry.venue:
            paragraph += nodes.Text(" ")
        year = f"({entry.year})"
        paragraph += nodes.inline(year, year, classes=["publist-year"])
    return paragraph


def _trailed(
    paragraph: nodes.paragraph, forthcoming: bool, badges: Sequence[Badge]
) -> nodes.paragraph:
    """``paragraph`` followed by the entry's "(to appear)" status and its badges."""
    trailing: list[nodes.Node] = []
    if forthcoming:
        status = labels.to_appear()
        classes = ["publist-status", "publist-badge", "publist-badge-to-appear"]
        trailing += [nodes.Text(" "), nodes.inline(status, status, classes=classes)]
    trailing += badge_nodes(badges)
    # Each piece comes with the space before it, which an empty line does not need.
    paragraph.extend(trailing if len(paragraph) else trailing[1:])
    return paragraph


def _abstract(abstract: RichText, expanded: bool) -> publist_abstract:
    node = publist_abstract(summary=labels.preview_abstract(), expanded=expanded)
    label = labels.abstract_label()
    node += nodes.paragraph("", "", nodes.strong(label, label), classes=["publist-abstract-label"])
    node.extend(rich_to_blocks(abstract, ["publist-abstract-body"]))
    return node


def _details_nodes(links: EntryLinks, redundant: bool) -> list[nodes.Node]:
    """The details link and COinS; ``redundant`` when the title links to the same page."""
    shown: list[nodes.Node] = []
    if links.show_link:
        label = labels.view_details()
        kind = publist_details_link if redundant else nodes.reference
        link = kind(label, label, refuri=links.target, internal=links.internal)
        shown.append(nodes.paragraph("", "", link, classes=["publist-details-link"]))
    shown.append(publist_coins(coins=links.coins))
    return shown
