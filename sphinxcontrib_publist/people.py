"""People: where ``publist_people``'s names link, for the builder at hand.

A member's name links to their page of the site: a document of that name, or
else the page generated for them (``write/people_pages.py``) by builders that
write extra pages; otherwise to their ``url``. Links are relative to the page
showing the name, so they are worked out per document before it is read, with
the builder that reads it; a later build with another builder reads the
documents linking members again, and a change to the lab's files makes a
build that writes the generated pages again.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from .bib.reader import signature
from .config import PublistConfig
from .core.urls import safe_url
from .environment import domain_of, pages_supported
from .select.members import Member, members_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

# A member's page or url, relative to one document, by member name.
Links = dict[str, str]


def configured_members(config: PublistConfig) -> tuple[Member, ...]:
    """The members of ``publist_people``, their unsafe urls dropped (reported at start-up)."""
    return tuple(
        Member(member.name, member.variants, member.url and safe_url(member.url), member.page)
        for member in members_of(config.people)
    )


def generated_pages(
    env: BuildEnvironment, builder: Builder, members: Iterable[Member]
) -> list[Member]:
    """The members whose page this build generates: no document has its name."""
    if not pages_supported(builder):
        return []
    return [member for member in members if member.page and member.page not in env.found_docs]


def links_from(
    docname: str, env: BuildEnvironment, builder: Builder, members: Iterable[Member]
) -> Links:
    """Member name → where it links from ``docname`` (no link to the page itself)."""
    generated = {member.page for member in generated_pages(env, builder, members)}
    links: Links = {}
    for member in members:
        if (
            member.page
            and member.page != docname
            and (member.page in env.found_docs or member.page in generated)
        ):
            links[member.name] = builder.get_relative_uri(docname, member.page)
        elif member.url and member.page != docname:
            links[member.name] = member.url
    return links


def name_links(members: Iterable[Member], links: Mapping[str, str]) -> dict[str, str]:
    """Every spelling of each linked member → its link, as ``author_links`` takes them."""
    return {
        spelling: links[member.name]
        for member in members
        if member.name in links
        for spelling in member.spellings
    }


def _note_links(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    members = configured_members(PublistConfig.from_sphinx(app.config))
    domain = domain_of(env)
    domain.data["member_links"] = (
        {docname: links_from(docname, env, app.builder, members) for docname in docnames}
        if members
        else {}
    )
    domain.data["member_links_builder"] = app.builder.name


def _outdated_for_people(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Documents to read again for the members' links and pages.

    Lists that link members for another builder's page layout are read again;
    and when the lab's files changed, the root document is, since Sphinx writes
    nothing (people pages included) when no document is outdated.
    """
    if not app.config.publist_people:
        return []
    domain = domain_of(env)
    outdated = []
    if domain.data.get("member_links_builder") not in (None, app.builder.name):
        outdated += sorted(domain.listed)
    files = tuple(
        signature(os.path.join(app.srcdir, name.lstrip("/")))
        for name in app.config.publist_bibfiles
    )
    if domain.data.get("people_files") not in (None, files):
        outdated.append(app.config.root_doc)
    domain.data["people_files"] = files
    return outdated


def member_links_of(env: BuildEnvironment, docname: str) -> Links:
    """Where members' names link from ``docname``, being read."""
    links: dict[str, Links] = domain_of(env).data.get("member_links", {})
    return links.get(docname, {})


def register(app: Sphinx) -> None:
    """Work out the members' links before documents are read, with the reading builder."""
    app.connect("env-before-read-docs", _note_links, priority=600)
    app.connect("env-get-outdated", _outdated_for_people)
