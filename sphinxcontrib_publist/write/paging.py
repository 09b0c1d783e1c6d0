"""Paged lists (``:per-page:``): the document shows the first page, later pages are pages too.

HTML builders that write extra pages (not singlehtml or epub) split a list of
more than ``per_page`` entries when its document is resolved: the document
keeps the first page's entries, and each later page becomes a generated page,
``<document>-page-<n>``, with the same jump bar and a pager linking every page,
so the list reads without the script. The document's list also names chunk
files holding every later entry as the list renders it; the script loads them
in the background, so that its sort, search, tabs and facets cover the whole
list while the page the browser parses first stays one page long. Sphinx's own
search still finds every entry: the later entries' words stay, unshown, in the
document. Other builders print the whole list.
"""

from __future__ import annotations

import html
import json
import posixpath
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from weakref import WeakKeyDictionary

from docutils import nodes
from sphinx.util.osutil import relative_uri

from ..core.diagnostics import Subtype
from ..environment import page_available, pages_supported
from ..log import warn
from ..nodes import labels
from ..nodes.elements import (
    publist_group,
    publist_jump,
    publist_list,
    publist_pager,
    publist_pending,
    publist_search_words,
)
from ..nodes.entry import entry_search_text
from .downloads import DOWNLOAD_DIR
from .files import write_if_changed
from .page_render import generated_page, render_fragment

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder

PER_PAGE_ATTRIBUTE = "per_page"
# Entries per chunk file: one file parses in well under a frame's budget.
CHUNK_ENTRIES = 400
# Around the later pages' entries in their rendered body, to cut the chunks from it.
CHUNK_MARK = "<!-- publist-entries -->"

Placed = tuple[publist_group, publist_pending]


@dataclass
class LaterPage:
    """A generated page of a list: its name, number, document and tree."""

    name: str
    number: int
    tree: publist_list


@dataclass
class PagedList:
    """One split list: its later pages and the chunk files they feed."""

    docname: str
    title: str
    pages: list[LaterPage]
    chunk_files: list[str]
    pages_per_chunk: int
    # Chunk HTML renders against the document's URL when later pages sit elsewhere.
    same_directory: bool


_SPLIT: WeakKeyDictionary[Any, list[PagedList]] = WeakKeyDictionary()


def page_name(docname: str, list_number: int, number: int) -> str:
    """The ``number``-th page (from 2) of the document's ``list_number``-th paged list."""
    prefix = docname if list_number == 1 else f"{docname}-{list_number}"
    return f"{prefix}-page-{number}"


def split_paged_lists(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Keep each paged list's first page in the document; keep the rest for ``collect_pages``."""
    if not pages_supported(app.builder):
        return
    builder = cast("StandaloneHTMLBuilder", app.builder)
    paged = [root for root in doctree.findall(publist_list) if root.get(PER_PAGE_ATTRIBUTE)]
    title_node = app.env.titles.get(docname)
    title = title_node.astext() if title_node else docname
    for number, root in enumerate(paged, start=1):
        split = _split(app, builder, root, docname, number, title)
        if split is not None:
            _SPLIT.setdefault(app, []).append(split)


def _split(
    app: Sphinx,
    builder: StandaloneHTMLBuilder,
    root: publist_list,
    docname: str,
    number: int,
    title: str,
) -> PagedList | None:
    per_page: int = root[PER_PAGE_ATTRIBUTE]
    placed = [
        (group, pending)
        for group in root.findall(publist_group)
        for pending in group.findall(publist_pending)
    ]
    if len(placed) <= per_page:
        return None
    slices = [placed[start : start + per_page] for start in range(0, len(placed), per_page)]
    names = [docname] + [page_name(docname, number, index) for index in range(2, len(slices) + 1)]
    taken = [name for name in names[1:] if not page_available(app.env, name)]
    if taken:
        warn(
            f":per-page: a document is named {taken[0]!r}; the list is shown on one page",
            Subtype.OPTION,
            docname,
        )
        return None
    first_page = {id(group) for group, _ in slices[0]}
    group_pages = _first_pages(slices)
    jump = next(iter(root.findall(publist_jump)), None)
    # The document's own list: the first page, the later entries' words, the pager.
    for _, pending in (item for entries in slices[1:] for item in entries):
        pending.parent.remove(pending)
    pages = [
        LaterPage(name, index, _page_tree(root, jump, entries, group_pages, names, index, builder))
        for index, (name, entries) in enumerate(zip(names, slices, strict=True), start=1)
        if index > 1
    ]
    for group in list(root.findall(publist_group)):
        if id(group) not in first_page:
            group.parent.remove(group)
    words = " ".join(
        entry_search_text(pending["entry"], pending["abstracts"])
        for entries in slices[1:]
        for _, pending in entries
    )
    root += publist_search_words("", nodes.Text(words))
    root += _pager(names, 1, names[0], builder)
    if jump is not None:
        jump["links"] = _jump_links(jump, group_pages, names, 1, builder)
    page_uri = builder.get_target_uri(docname)
    pages_per_chunk = max(1, CHUNK_ENTRIES // per_page)
    # Only the script reads the chunks: a list without controls has none.
    chunk_count = -(-len(pages) // pages_per_chunk) if root.get("ids") else 0
    chunk_files = [
        f"{DOWNLOAD_DIR}/{docname}-{number}-entries-{index}.html"
        for index in range(1, chunk_count + 1)
    ]
    if chunk_files:
        root["data"].update(
            {
                "per-page": str(per_page),
                "total": str(len(placed)),
                "chunks": json.dumps([relative_uri(page_uri, name) for name in chunk_files]),
                **{f"label-{name}": text for name, text in labels.paging_labels().items()},
            }
        )
    same = posixpath.dirname(page_uri) == posixpath.dirname(builder.get_target_uri(names[1]))
    return PagedList(docname, title, pages, chunk_files, pages_per_chunk, same)


def _first_pages(slices: Sequence[Sequence[Placed]]) -> dict[str, int]:
    """The page (from 1) where each group with an id starts."""
    starts: dict[str, int] = {}
    for index, entries in enumerate(slices, start=1):
        for group, _ in entries:
            if group["ids"]:
                starts.setdefault(group["ids"][0], index)
    return starts


def _page_tree(
    root: publist_list,
    jump: publist_jump | None,
    entries: Sequence[Placed],
    group_pages: dict[str, int],
    names: Sequence[str],
    number: int,
    builder: StandaloneHTMLBuilder,
) -> publist_list:
    """The list of one later page: jump bar, its entries in their groups, pager."""
    tree = publist_list(data={}, classes=list(root["classes"]))
    if jump is not None:
        links = _jump_links(jump, group_pages, names, number, builder)
        tree += publist_jump(links=links, label=jump["label"])
    tree += nodes.raw("", CHUNK_MARK, format="html")
    original: publist_group | None = None
    items = nodes.bullet_list()
    for group, pending in entries:
        if group is not original:
            original = group
            current = publist_group(data=dict(group["data"]), ids=list(group["ids"]))
            current.extend(child.deepcopy() for child in group if isinstance(child, nodes.rubric))
            items = nodes.bullet_list(classes=["publist-entries"])
            current += items
            tree += current
        items += pending
    tree += nodes.raw("", CHUNK_MARK, format="html")
    tree += _pager(names, number, names[number - 1], builder)
    return tree


def _pager(
    names: Sequence[str], current: int, here: str, builder: StandaloneHTMLBuilder
) -> publist_pager:
    """The links to every page of the list, relative to the page ``here``."""
    return publist_pager(
        hrefs=[builder.get_relative_uri(here, name) for name in names],
        current=current,
        label=labels.pager_label(),
        previous=labels.previous_page(),
        next=labels.next_page(),
    )


def _jump_links(
    jump: publist_jump,
    group_pages: dict[str, int],
    names: Sequence[str],
    current: int,
    builder: StandaloneHTMLBuilder,
) -> list[list[str]]:
    """The jump bar's links, each to the page where its group starts."""
    links = []
    for anchor, label, *_ in jump["links"]:
        page = group_pages.get(anchor, current)
        href = (
            "" if page == current else builder.get_relative_uri(names[current - 1], names[page - 1])
        )
        links.append([anchor, label, f"{href}#{anchor}"])
    return links


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """The later pages of the lists split in this build, and their chunk files."""
    split = _SPLIT.pop(app, [])
    if not split:
        return
    builder = cast("StandaloneHTMLBuilder", app.builder)
    for paged in split:
        chunk_parts: list[str] = []
        for page in paged.pages:
            body = render_fragment(builder, _section(paged, page), page.name)
            if paged.chunk_files:
                chunk_parts.append(_chunk_part(builder, paged, page, body))
            yield page.name, _context(paged, page, body, builder), "page.html"
        _write_chunks(Path(builder.outdir), paged, chunk_parts)


def _chunk_part(
    builder: StandaloneHTMLBuilder, paged: PagedList, page: LaterPage, body: str
) -> str:
    """The page's entries for the document's script: cut from its body where links agree."""
    if paged.same_directory:
        return body.split(CHUNK_MARK)[1]
    groups = [node.deepcopy() for node in page.tree.findall(publist_group)]
    return render_fragment(builder, publist_list("", *groups, data={}, classes=[]), paged.docname)


def _section(paged: PagedList, page: LaterPage) -> nodes.section:
    section = nodes.section(ids=["publist-page"], classes=["publist-page"])
    heading = labels.page_heading(paged.title, page.number)
    section += nodes.title(heading, heading)
    section += page.tree
    return section


def _context(
    paged: PagedList, page: LaterPage, body: str, builder: StandaloneHTMLBuilder
) -> dict[str, Any]:
    parent = {
        "link": builder.get_relative_uri(page.name, paged.docname),
        "title": html.escape(paged.title),
    }
    heading = labels.page_heading(paged.title, page.number)
    return generated_page(html.escape(heading), body, page.tree, parents=[parent])


def _write_chunks(outdir: Path, paged: PagedList, parts: Sequence[str]) -> None:
    """The later pages' entries, ``pages_per_chunk`` pages to a file."""
    step = paged.pages_per_chunk
    for index, name in enumerate(paged.chunk_files):
        write_if_changed(outdir / name, "".join(parts[index * step : (index + 1) * step]))
