"""Details: what a list records for its entries' details links and pages, and a page's doctree.

At read time the directive stores on each list node, as picklable data, what its
entries need (``ListDetails``); with ``:details: pages`` that includes each
entry's publication, from which its page is built when pages are written.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import cast

from docutils import nodes

from ..bib.badges import Badge
from ..bib.model import Publication
from ..core.pickling import pickled_by_fields
from ..format.entry import FormattedEntry
from ..format.heading import heading
from ..format.scholar import coins, record_of
from . import labels
from .elements import publist_coins, publist_list, publist_pending
from .entry import EntryExtras
from .entry_parts import author_line, badge_nodes, bibtex_block, links_paragraph
from .rich import rich_to_blocks, rich_to_nodes

DETAILS_ATTRIBUTE = "publist_details"
SAFE_PAGE_CHARS = re.compile(r"[^A-Za-z0-9_-]")


@pickled_by_fields
@dataclass(frozen=True)
class EntryDetails:
    """One entry's details: where its link goes and its COinS ContextObject.

    ``publication`` is kept only when the entry has a page, which is built from it.
    """

    anchor: str
    coins: str
    fallback: str = ""
    page: str = ""
    publication: Publication | None = None


@dataclass(frozen=True)
class ListDetails:
    """What a list's entries get at write time; stored on the list node."""

    mode: str
    entries: tuple[EntryDetails, ...]

    def pages(self) -> Iterator[EntryDetails]:
        """The entries that have a details page."""
        return (entry for entry in self.entries if entry.page and entry.publication)


@pickled_by_fields
@dataclass(frozen=True)
class DetailsPage:
    """What the environment keeps of a details page between builds.

    ``digest`` sums up what the page shows of its entry, so that writing can
    tell an unchanged page without loading its list.
    """

    page: str
    key: str
    anchor: str
    digest: str


def page_name(details_dir: str, key: str) -> str:
    """The stable page name of a key's details page: readable, and unique per key."""
    slug = SAFE_PAGE_CHARS.sub("-", key)
    if slug != key or not slug:
        # Replaced characters could make two keys collide; a digest keeps them apart.
        slug = f"{slug}-{hashlib.sha1(key.encode()).hexdigest()[:8]}"
    return f"{details_dir}/{slug}"


def record_details(
    root: publist_list,
    publications: dict[str, Publication],
    mode: str,
    details_dir: str,
) -> list[DetailsPage]:
    """Store the list's ``ListDetails`` on ``root``; return the pages it gives entries."""
    entries = []
    pages = []
    has_page = mode == "pages"
    for pending in root.findall(publist_pending):
        publication = publications[pending["entry"].key]
        page = page_name(details_dir, publication.key) if has_page else ""
        entries.append(
            EntryDetails(
                anchor=pending["ids"][0],
                coins=coins(record_of(publication, with_abstract=False)),
                fallback=publication.url or "",
                page=page,
                publication=publication if has_page else None,
            )
        )
        if has_page:
            anchor, digest = pending["ids"][0], _page_digest(publication, pending)
            pages.append(DetailsPage(page, publication.key, anchor, digest))
    root[DETAILS_ATTRIBUTE] = ListDetails(mode, tuple(entries))
    return pages


def _page_digest(publication: Publication, pending: publist_pending) -> str:
    """A digest of what a details page shows of its entry.

    The records are frozen dataclasses, tuples and dicts, whose ``repr`` is the
    same for the same data in every process (a pickle's bytes are not: they
    depend on which equal objects happen to be shared). The entry's place in its
    file and in the list's controls is left out: the page does not show it, and
    an edit above the entry moves it.
    """
    extra = replace(pending["extra"], ranks=(), tabs=None)
    shown = repr((replace(publication, line=None), pending["entry"], extra))
    return hashlib.sha256(shown.encode("utf-8", "surrogatepass")).hexdigest()


def list_details(root: nodes.Element) -> ListDetails | None:
    """The ``ListDetails`` stored on a list node, if any."""
    return cast("ListDetails | None", root.get(DETAILS_ATTRIBUTE))


def page_doctree(
    publication: Publication,
    entry: FormattedEntry,
    extra: EntryExtras,
    bibtex: str,
    back_uri: str,
) -> nodes.section:
    """Title, every author, venue, year, links, full abstract, BibTeX, COinS, back link.

    ``entry`` is the record the list shows: its names keep their marks, and the
    omitted ones are listed too; the abstract is the whole one, even where the
    list hides abstracts.
    """
    # The entry's anchor in its list, so that one key has one id everywhere.
    anchor = extra.anchor
    # Not "publist": scripts that enhance lists must leave the page alone.
    section = nodes.section(ids=[anchor], classes=["publist-details"])
    title = rich_to_nodes(heading(entry).text) or [nodes.Text(publication.key)]
    section += nodes.title("", "", *title, classes=["publist-details-title"])
    section += _fields(entry, extra)
    if publication.abstract:
        label = labels.details_field("abstract")
        section += nodes.rubric(label, label, classes=["publist-details-heading"])
        section.extend(rich_to_blocks(publication.abstract, ["publist-abstract-body"]))
    block = bibtex_block(bibtex)
    # Open: on its own page the entry's BibTeX is what many readers came for.
    block["expanded"] = True
    section += block
    section += publist_coins(coins=coins(record_of(publication)))
    back = labels.back_to_list()
    link = nodes.reference(back, back, refuri=back_uri, internal=True)
    section += nodes.paragraph("", "", link, classes=["publist-back"])
    return section


def _fields(entry: FormattedEntry, extra: EntryExtras) -> nodes.field_list:
    fields = nodes.field_list(classes=["publist-details-fields"])
    _add_field(
        fields, "authors", list(author_line(entry.authors, None, entry.more_authors).children)
    )
    _add_field(fields, "venue", rich_to_nodes(entry.venue))
    _add_field(fields, "year", _year(entry, extra.badges))
    paragraph = links_paragraph(extra.links)
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


def _year(entry: FormattedEntry, badges: Sequence[Badge]) -> list[nodes.Node]:
    pieces: list[nodes.Node] = []
    if entry.year:
        pieces.append(nodes.Text(entry.year))
    if entry.forthcoming:
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
