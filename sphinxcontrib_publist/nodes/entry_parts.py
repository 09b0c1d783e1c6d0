"""Doctree assembly for an entry's links, badges, BibTeX block and author line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docutils import nodes
from sphinx import addnodes

from ..bib.badges import Badge
from ..core.pickling import pickled_by_fields
from ..core.richtext import Name
from ..format.authors import split_authors
from . import labels
from .elements import publist_authors, publist_badge, publist_bibtex, publist_more_authors
from .rich import name_node, rich_to_nodes


@pickled_by_fields
@dataclass(frozen=True)
class RenderedLink:
    """A link ready for the doctree; ``download`` names a source file Sphinx copies."""

    kind: str
    label: str
    url: str
    download: bool = False


def links_paragraph(links: Sequence[RenderedLink]) -> nodes.paragraph | None:
    """``PDF · Code · DOI``-style links, or None when there are none."""
    if not links:
        return None
    paragraph = nodes.paragraph(classes=["publist-links"])
    for index, link in enumerate(links):
        if index:
            paragraph += nodes.Text(" ")
        paragraph += _link_node(link)
    return paragraph


def _link_node(link: RenderedLink) -> nodes.Element:
    classes = ["publist-link", f"publist-link-{link.kind}"]
    if link.download:
        return addnodes.download_reference(
            "", "", nodes.Text(link.label), reftarget=link.url, refexplicit=True, classes=classes
        )
    return nodes.reference("", link.label, refuri=link.url, internal=False, classes=classes)


def spell_out_links(entry: nodes.Element) -> None:
    """Follow each web link of the entry's links line by its address, for plain text.

    Text output cannot link, and "DOI" alone tells a reader nothing.
    """
    for link in list(entry.findall(nodes.reference)):
        if "publist-link" in link["classes"] and link.get("refuri"):
            link.parent.insert(link.parent.index(link) + 1, nodes.Text(f" <{link['refuri']}>"))


def download_sources(links: Sequence[RenderedLink]) -> list[addnodes.download_reference]:
    """Read-time stand-ins of an entry's downloads, for Sphinx's download collector.

    Entries become nodes only at write time, after the collector has run; these
    stand-ins, kept in the read doctree, get the copied files' names from it.
    """
    return [
        addnodes.download_reference("", "", reftarget=link.url, refexplicit=True)
        for link in links
        if link.download
    ]


def copy_download_files(source: nodes.Element, target: nodes.Element) -> None:
    """Give ``target``'s downloads the file names the collector set on ``source``'s."""
    collected = {
        node["reftarget"]: node["filename"]
        for node in source.findall(addnodes.download_reference)
        if "filename" in node
    }
    for node in target.findall(addnodes.download_reference):
        filename = collected.get(node["reftarget"])
        if filename is not None:
            node["filename"] = filename


def badge_nodes(badges: Sequence[Badge]) -> list[nodes.Node]:
    """One badge node per badge, separated by spaces."""
    result: list[nodes.Node] = []
    for badge in badges:
        label = labels.badge_label(badge.kind, badge.detail)
        result.append(nodes.Text(" "))
        shown = rich_to_nodes(badge.rich) if badge.rich else [nodes.Text(label)]
        node = publist_badge("", "", kind=badge.kind, label=label)
        node.extend([nodes.Text("["), *shown, nodes.Text("]")])
        result.append(node)
    return result


def bibtex_block(bibtex: str) -> publist_bibtex:
    """A BibTeX toggle holding one highlighted entry."""
    node = publist_bibtex(
        summary=labels.bibtex_toggle(),
        copy_label=labels.copy_bibtex(),
        copied_label=labels.copied_bibtex(),
    )
    label = labels.bibtex_toggle() + ":"
    node += nodes.paragraph("", "", nodes.strong(label, label), classes=["publist-bibtex-label"])
    node += nodes.literal_block(bibtex, bibtex, language="bibtex", classes=["publist-bibtex-code"])
    return node


def author_line(
    authors: Sequence[Name], max_authors: int | None, more: bool = False
) -> nodes.Element:
    """The author line; past ``max_authors`` names the rest fold into "and N more".

    ``more`` (BibTeX's ``and others``) ends the line with "et al.".
    """
    line = split_authors(authors, max_authors)
    if not line.hidden:
        paragraph = nodes.paragraph(classes=["publist-authors"])
        _add_names(paragraph, line.visible)
        if more:
            paragraph += _et_al(len(authors))
        return paragraph
    container = publist_authors()
    _add_names(container, line.visible)
    summary_text = labels.more_authors(len(line.hidden))
    names = nodes.inline(classes=["publist-more-names"])
    _add_names(names, line.hidden, leading_separator=True)
    # The space belongs to the label, so that it goes when the unfolded names replace it.
    label = " " + summary_text
    container += publist_more_authors(
        "", nodes.inline(label, label, classes=["publist-more-label"]), names
    )
    if more:
        container += _et_al(len(authors))
    return container


def _et_al(count: int) -> nodes.Node:
    # As BibTeX's styles write it: "Madelung et al.", "Smith, Doe, et al.".
    text = labels.et_al()
    separator = ", " if count > 1 else " "
    return nodes.inline(separator + text, separator + text, classes=["publist-et-al"])


def _add_names(
    parent: nodes.Element,
    names: Sequence[Name | None],
    leading_separator: bool = False,
) -> None:
    # Runs of plain names share one text node: at thousands of entries, a node
    # per name would dominate the build.
    plain: list[str] = []
    for index, author in enumerate(names):
        plain.append(", " if index or leading_separator else "")
        if author is not None and not (author.highlighted or author.url or author.marks):
            plain.append(author.text)
            continue
        if "".join(plain):
            parent += nodes.Text("".join(plain))
        plain = []
        if author is None:
            parent += nodes.inline("\u2026", "\u2026", classes=["publist-authors-gap"])
        else:
            parent += name_node(author)
    if "".join(plain):
        parent += nodes.Text("".join(plain))
