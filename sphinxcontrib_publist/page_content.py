"""Details page doctree: one publication's full record as docutils nodes."""

from __future__ import annotations

from docutils import nodes

from . import labels
from .details import publist_coins
from .model import Publication
from .names import NameFormat, display_name
from .nodes import rich_to_nodes
from .scholar import coins, record_of
from .urls import arxiv_url, doi_url

BIBTEX_EXCLUDED = frozenset({"abstract", "file", "keywords", "crossref"})


def page_doctree(publication: Publication, name_format: NameFormat, back_uri: str) -> nodes.section:
    """Title, every author, venue, year, links, full abstract, BibTeX, COinS, back link."""
    anchor = nodes.make_id(publication.key) or "publication"
    # Not "publist": scripts that enhance lists must leave the page alone.
    section = nodes.section(ids=[anchor], classes=["publist-details"])
    title = rich_to_nodes(publication.title) or [nodes.Text(publication.key)]
    section += nodes.title("", "", *title, classes=["publist-details-title"])
    section += _fields(publication, name_format)
    if publication.abstract:
        section += _heading("abstract")
        body = rich_to_nodes(publication.abstract)
        section += nodes.paragraph("", "", *body, classes=["publist-abstract-body"])
    section += _heading("bibtex")
    bibtex = entry_bibtex(publication)
    section += nodes.literal_block(bibtex, bibtex, language="bibtex", classes=["publist-bibtex"])
    section += publist_coins(coins=coins(record_of(publication)))
    back = labels.back_to_list()
    link = nodes.reference(back, back, refuri=back_uri, internal=True)
    section += nodes.paragraph("", "", link, classes=["publist-back"])
    return section


def entry_bibtex(publication: Publication) -> str:
    """The entry as BibTeX from its LaTeX source, without the fields a citation never needs."""
    lines = [f"@{publication.entry_type or 'misc'}{{{publication.key},"]
    lines.extend(
        f"  {role} = {{{' and '.join(people)}}},"
        for role, people in publication.raw_persons.items()
        if people and role not in publication.raw_fields
    )
    lines.extend(
        f"  {name} = {{{value}}},"
        for name, value in publication.raw_fields.items()
        if name not in BIBTEX_EXCLUDED
    )
    lines.append("}")
    return "\n".join(lines)


def _heading(name: str) -> nodes.rubric:
    label = labels.details_field(name)
    return nodes.rubric(label, label, classes=["publist-details-heading"])


def _fields(publication: Publication, name_format: NameFormat) -> nodes.field_list:
    fields = nodes.field_list(classes=["publist-details-fields"])
    people = publication.authors or publication.editors
    names = ", ".join(display_name(person, name_format) for person in people)
    _add_field(fields, "authors", [nodes.Text(names)] if names else [])
    _add_field(fields, "venue", rich_to_nodes(publication.venue))
    _add_field(fields, "year", _year(publication))
    _add_field(fields, "links", _links(publication))
    return fields


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
    eprint = fields.get("eprint", "")
    kind = (fields.get("eprinttype") or fields.get("archiveprefix") or "").strip().lower()
    candidates = [
        ("URL", publication.url if "url" in fields else None),
        ("DOI", doi_url(fields.get("doi", ""))),
        ("arXiv", arxiv_url(eprint) if kind == "arxiv" else None),
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
