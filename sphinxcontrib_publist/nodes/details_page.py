"""Details page doctree: one publication's full record as docutils nodes."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from ..bib.badges import Badge
from ..bib.model import Publication
from ..format.entry import AuthorName
from ..format.scholar import coins, record_of
from . import labels
from .elements import publist_coins
from .entry_parts import RenderedLink, author_line, badge_nodes, bibtex_block, links_paragraph
from .rich import rich_to_nodes


def page_doctree(
    publication: Publication,
    authors: Sequence[AuthorName],
    links: Sequence[RenderedLink],
    badges: Sequence[Badge],
    bibtex: str,
    back_uri: str,
) -> nodes.section:
    """Title, every author, venue, year, links, full abstract, BibTeX, COinS, back link.

    ``authors`` are the publication's every author (or editor), formatted as its list does.
    """
    anchor = nodes.make_id(publication.key) or "publication"
    # Not "publist": scripts that enhance lists must leave the page alone.
    section = nodes.section(ids=[anchor], classes=["publist-details"])
    title = rich_to_nodes(publication.title) or [nodes.Text(publication.key)]
    section += nodes.title("", "", *title, classes=["publist-details-title"])
    section += _fields(publication, authors, links, badges)
    if publication.abstract:
        label = labels.details_field("abstract")
        section += nodes.rubric(label, label, classes=["publist-details-heading"])
        body = rich_to_nodes(publication.abstract)
        section += nodes.paragraph("", "", *body, classes=["publist-abstract-body"])
    block = bibtex_block(bibtex)
    # Open: on its own page the entry's BibTeX is what many readers came for.
    block["expanded"] = True
    section += block
    section += publist_coins(coins=coins(record_of(publication)))
    back = labels.back_to_list()
    link = nodes.reference(back, back, refuri=back_uri, internal=True)
    section += nodes.paragraph("", "", link, classes=["publist-back"])
    return section


def _fields(
    publication: Publication,
    authors: Sequence[AuthorName],
    links: Sequence[RenderedLink],
    badges: Sequence[Badge],
) -> nodes.field_list:
    fields = nodes.field_list(classes=["publist-details-fields"])
    _add_field(fields, "authors", list(author_line(authors, None).children))
    _add_field(fields, "venue", rich_to_nodes(publication.venue))
    _add_field(fields, "year", _year(publication, badges))
    paragraph = links_paragraph(links)
    _add_field(fields, "links", list(paragraph.children) if paragraph else [])
    return fields


def _add_field(fields: nodes.field_list, name: str, content: list[nodes.Node]) -> None:
    if not content:
        return
    label = labels.details_field(name)
    body = nodes.paragraph("", "", *content, classes=[f"publist-{name}"])
    fields += nodes.field(
        "",
        nodes.field_name(label, label),
        nodes.field_body("", body),
        classes=[f"publist-details-{name}"],
    )


def _year(publication: Publication, badges: Sequence[Badge]) -> list[nodes.Node]:
    pieces: list[nodes.Node] = []
    if publication.year is not None:
        pieces.append(nodes.Text(str(publication.year)))
    if publication.forthcoming:
        status = labels.to_appear()
        classes = ["publist-status", "publist-badge", "publist-badge-to-appear"]
        pieces.append(nodes.inline(status, status, classes=classes))
    # badge_nodes puts a space before each badge; here spaces go between pieces.
    pieces += [node for node in badge_nodes(badges) if not isinstance(node, nodes.Text)]
    spaced: list[nodes.Node] = []
    for piece in pieces:
        if spaced:
            spaced.append(nodes.Text(" "))
        spaced.append(piece)
    return spaced
