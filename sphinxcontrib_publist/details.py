"""Details nodes: COinS spans, "View details" links and the data of each details page.

At read time the directive leaves, per entry, a COinS span and a placeholder for
its "View details" link, and, for ``:details: pages``, a hidden
``publist_details`` subtree holding the page's content. At write time a
``doctree-resolved`` handler turns the placeholders into links for the current builder and
drops the hidden subtrees; ``pages.py`` renders them as pages.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import quote

from docutils import nodes
from sphinx.domains import Domain

from . import labels
from .model import Publication
from .names import NameFormat, display_name
from .nodes import publist_entry, publist_list, rich_to_nodes
from .scholar import coins, record_of
from .urls import doi_url

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator

SAFE_PAGE_CHARS = re.compile(r"[^A-Za-z0-9_-]")
NON_HTML_FORMATS = ("latex", "text", "man", "texinfo")
BIBTEX_EXCLUDED = frozenset({"abstract", "file", "keywords", "crossref"})


class publist_coins(nodes.Inline, nodes.Element):  # noqa: N801 (docutils node naming)
    """An empty COinS span; ``coins`` holds its OpenURL ContextObject."""


class publist_details_link(nodes.Inline, nodes.Element):  # noqa: N801
    """Where an entry's "View details" link goes; resolved per builder at write time."""


class publist_details(nodes.General, nodes.Element):  # noqa: N801
    """Hidden content of one details page, never rendered in place."""


class PublistDomain(Domain):
    """The documents whose lists have details pages, so writing finds them without a scan."""

    name = "publist"
    label = "Publication lists"
    data_version = 1
    initial_data: ClassVar[dict[str, Any]] = {"details": {}}

    @property
    def details_documents(self) -> dict[str, tuple[str, ...]]:
        """Document name → keys of the entries it has details pages for."""
        documents: dict[str, tuple[str, ...]] = self.data["details"]
        return documents

    def note_details(self, docname: str, keys: Iterable[str]) -> None:
        """Record that ``docname`` lists ``keys`` with details pages."""
        self.details_documents[docname] = (*self.details_documents.get(docname, ()), *keys)

    def clear_doc(self, docname: str) -> None:
        """Forget a document being re-read or removed."""
        self.details_documents.pop(docname, None)

    def merge_domaindata(self, docnames: AbstractSet[str], otherdata: dict[str, Any]) -> None:
        """Take the records of documents read by a parallel reader."""
        for docname, keys in otherdata["details"].items():
            if docname in docnames:
                self.details_documents[docname] = keys


def page_name(details_dir: str, key: str) -> str:
    """The stable page name of a key's details page: readable, and unique per key."""
    slug = SAFE_PAGE_CHARS.sub("-", key)
    if slug != key or not slug:
        # Replaced characters could make two keys collide; a digest keeps them apart.
        slug = f"{slug}-{hashlib.sha1(key.encode()).hexdigest()[:8]}"
    return f"{details_dir}/{slug}"


def annotate_list(
    root: publist_list,
    publications: Mapping[str, Publication],
    mode: str,
    details_dir: str,
    name_format: NameFormat,
) -> list[str]:
    """Add COinS and details links to every entry; return the keys given details pages."""
    paged: list[str] = []
    for entry in list(root.findall(publist_entry)):
        publication = publications[entry["key"]]
        if mode != "none":
            paged.extend(_add_details(root, entry, publication, mode, details_dir, name_format))
        entry += publist_coins(coins=coins(record_of(publication)))
    return paged


def _add_details(
    root: publist_list,
    entry: publist_entry,
    publication: Publication,
    mode: str,
    details_dir: str,
    name_format: NameFormat,
) -> list[str]:
    page = page_name(details_dir, publication.key) if mode == "pages" else ""
    label = labels.view_details()
    link = publist_details_link("", nodes.Text(label), page=page, fallback=publication.url or "")
    entry += nodes.paragraph("", "", link, classes=["publist-details-link"])
    if not page:
        return []
    root += details_content(publication, page, entry["ids"][0], name_format)
    return [publication.key]


def details_content(
    publication: Publication, page: str, anchor: str, name_format: NameFormat
) -> publist_details:
    """The hidden subtree a details page is rendered from."""
    record = record_of(publication)
    node = publist_details(page=page, key=publication.key, anchor=anchor, record=record.to_data())
    title = rich_to_nodes(publication.title) or [nodes.Text(publication.key)]
    node += nodes.paragraph("", "", *title, classes=["publist-details-title"])
    fields = nodes.field_list(classes=["publist-details-fields"])
    people = publication.authors or publication.editors
    names = ", ".join(display_name(person, name_format) for person in people)
    _add_field(fields, "authors", [nodes.Text(names)] if names else [])
    _add_field(fields, "venue", rich_to_nodes(publication.venue))
    _add_field(fields, "year", _year(publication))
    _add_field(fields, "links", _links(publication))
    node += fields
    if publication.abstract:
        node += nodes.rubric(
            "", labels.details_field("abstract"), classes=["publist-details-heading"]
        )
        body = rich_to_nodes(publication.abstract)
        node += nodes.paragraph("", "", *body, classes=["publist-abstract-body"])
    node += nodes.rubric("", labels.details_field("bibtex"), classes=["publist-details-heading"])
    bibtex = _bibtex(publication)
    node += nodes.literal_block(bibtex, bibtex, language="bibtex", classes=["publist-bibtex"])
    return node


def _bibtex(publication: Publication) -> str:
    """The entry as BibTeX from its LaTeX source, without the fields a citation never needs."""
    lines = [f"@{publication.entry_type or 'misc'}{{{publication.key},"]
    for role, people in publication.raw_persons.items():
        if people:
            lines.append(f"  {role} = {{{' and '.join(people)}}},")
    lines.extend(
        f"  {name} = {{{value}}},"
        for name, value in publication.raw_fields.items()
        if name not in BIBTEX_EXCLUDED
    )
    lines.append("}")
    return "\n".join(lines)


def _add_field(fields: nodes.field_list, name: str, content: list[nodes.Node]) -> None:
    if not content:
        return
    label = labels.details_field(name)
    fields += nodes.field(
        "",
        nodes.field_name(label, label),
        nodes.field_body("", nodes.paragraph("", "", *content)),
        classes=[f"publist-details-{name}"],
    )


def _year(publication: Publication) -> list[nodes.Node]:
    parts: list[nodes.Node] = []
    if publication.year is not None:
        parts.append(nodes.Text(str(publication.year)))
    if publication.forthcoming:
        status = labels.to_appear()
        parts.append(nodes.inline(status, status, classes=["publist-status"]))
    return _joined(parts, " ")


def _links(publication: Publication) -> list[nodes.Node]:
    fields = publication.fields
    eprint = fields.get("eprint", "").strip()
    kind = (fields.get("eprinttype") or fields.get("archiveprefix") or "").strip().lower()
    candidates = [
        ("URL", publication.url if publication.url and "url" in fields else None),
        ("DOI", doi_url(fields.get("doi", ""))),
        ("arXiv", f"https://arxiv.org/abs/{quote(eprint)}" if eprint and kind == "arxiv" else None),
    ]
    seen: set[str] = set()
    links: list[nodes.Node] = []
    for label, url in candidates:
        if url and url not in seen:
            seen.add(url)
            links.append(nodes.reference(label, label, refuri=url, classes=["publist-link"]))
    return _joined(links, " · ")


def _joined(parts: list[nodes.Node], separator: str) -> list[nodes.Node]:
    joined: list[nodes.Node] = []
    for part in parts:
        if joined:
            joined.append(nodes.Text(separator))
        joined.append(part)
    return joined


def pages_supported(builder: Builder) -> bool:
    """Whether ``builder`` writes details pages; others fall back to ``link``."""
    from sphinx.builders._epub_base import EpubBuilder
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.builders.singlehtml import SingleFileHTMLBuilder

    # One-file and e-book outputs have nowhere to put (or no spine entry for) extra pages.
    return isinstance(builder, StandaloneHTMLBuilder) and not isinstance(
        builder, (SingleFileHTMLBuilder, EpubBuilder)
    )


def page_available(env: BuildEnvironment, page: str) -> bool:
    """A details page may be written unless a real document has its name."""
    return bool(page) and page not in env.all_docs


def resolve_details_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Point titles and "View details" at details pages, or at url/doi where there are none."""
    builder = app.builder
    pages = pages_supported(builder)
    for hidden in list(doctree.findall(publist_details)):
        hidden.parent.remove(hidden)
    for link in list(doctree.findall(publist_details_link)):
        page = link["page"] if pages and page_available(app.env, link["page"]) else ""
        target = builder.get_relative_uri(docname, page) if page else link["fallback"]
        paragraph = link.parent
        # Outside HTML the title already links to the url/doi, and text, man and
        # info output would show a bare label.
        if not target or builder.format != "html":
            paragraph.parent.remove(paragraph)
            continue
        label = link.astext()
        link.replace_self(nodes.reference(label, label, refuri=target, internal=bool(page)))
        if page:
            _link_title(paragraph.parent, target)


def _link_title(entry: nodes.Element, target: str) -> None:
    for title in entry.findall(nodes.paragraph):
        if "publist-title" not in title["classes"]:
            continue
        existing = next(iter(title.findall(nodes.reference)), None)
        if existing is not None and existing.parent is title:
            existing["refuri"] = target
            existing["internal"] = True
        else:
            children = list(title.children)
            title.clear()
            title += nodes.reference("", "", *children, refuri=target, internal=True)
        return


def visit_coins_html(self: HTML5Translator, node: publist_coins) -> None:
    """An empty ``span.Z3988`` whose ``title`` reference managers read."""
    self.body.append(self.starttag(node, "span", "", CLASS="Z3988", title=node["coins"]))
    self.body.append("</span>")
    raise nodes.SkipNode


def skip(self: object, node: nodes.Element) -> None:
    """Render nothing, children included."""
    raise nodes.SkipNode


def visit_details_link_html(self: HTML5Translator, node: publist_details_link) -> None:
    """A placeholder left unresolved renders as its label (only without post-transforms)."""
    self.body.append(self.encode(node.astext()))
    raise nodes.SkipNode


def register(app: Sphinx) -> None:
    """Add the nodes, the domain and the link resolution."""
    hidden: Any = (skip, None)
    app.add_node(
        publist_coins, html=(visit_coins_html, None), **dict.fromkeys(NON_HTML_FORMATS, hidden)
    )
    app.add_node(publist_details, html=hidden, **dict.fromkeys(NON_HTML_FORMATS, hidden))
    app.add_node(
        publist_details_link,
        html=(visit_details_link_html, None),
        **dict.fromkeys(NON_HTML_FORMATS, hidden),
    )
    app.add_domain(PublistDomain)
    app.connect("doctree-resolved", resolve_details_links)
