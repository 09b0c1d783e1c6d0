"""People pages: one generated HTML page per member of ``publist_people`` with a ``page``.

The page lists the member's entries of ``publist_bibfiles`` as a list with
``:person:`` would (the member highlighted, the other members linked), under
their name and a link to their ``url``. A document of the page's name wins:
the member then links there and no page is generated. Entries link to the
details page a list gives them, whatever ``publist_details`` says. A member with no
entries is one ``publist.config`` warning, and their page says there are none.
Pages are written through ``html-collect-pages``, by the builders that write
details pages, on every build that writes anything.
"""

from __future__ import annotations

import html
import itertools
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes

from ..bib import load
from ..bib.local_files import source_file
from ..bib.model import Publication
from ..config import PublistConfig
from ..core.diagnostics import Diagnostic, Subtype
from ..environment import domain_of, pages_supported
from ..format.csl.style import CSL_PREFIX, csl_path
from ..format.styles import style_exists
from ..lists import ListPlace, MadeList, make_list
from ..log import warn, warn_diagnostic
from ..nodes.details import DETAILS_ATTRIBUTE, ListDetails, list_details
from ..nodes.elements import publist_pending
from ..options import parse_options
from ..people import configured_members, generated_pages, links_from
from ..select.members import Member
from .details_links import note_details_links
from .page_render import generated_page, render_fragment

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder

PageSpec = tuple[str, dict[str, Any], str]


def collect_pages(app: Sphinx) -> Iterator[PageSpec]:
    """The page of each member with a ``page`` that no document takes."""
    if not pages_supported(app.builder):
        return
    config = PublistConfig.from_sphinx(app.config)
    members = configured_members(config)
    generated = generated_pages(app.env, app.builder, members)
    if not generated:
        return
    if not config.bibfiles:
        warn("publist_people: pages need publist_bibfiles; none is written", Subtype.CONFIG, None)
        return
    builder = cast("StandaloneHTMLBuilder", app.builder)
    srcdir = str(app.srcdir)
    paths = [os.path.join(srcdir, name.lstrip("/")) for name in config.bibfiles]
    cache_dir = str(Path(app.doctreedir) / "publist")
    loaded = load.load(paths, load.build_date(), cache_dir, tuple(config.link_fields))
    reported = {
        diagnostic
        for problems in domain_of(app.env).problems.values()
        for diagnostics in problems.values()
        for diagnostic in diagnostics
    }
    for problem in loaded.diagnostics:
        _report_once(problem, reported)
    for member in generated:
        page = cast("str", member.page)
        made = _member_list(app, config, member, members, list(loaded.publications), cache_dir)
        for problem in made.problems:
            _report_once(problem, reported)
        if not made.shown:
            warn(
                f"publist_people: no entry of publist_bibfiles names {member.name!r}; "
                "their page says so",
                Subtype.CONFIG,
                None,
            )
        yield page, _context(app, builder, member, made.root, page), "page.html"


def _member_list(
    app: Sphinx,
    config: PublistConfig,
    member: Member,
    members: tuple[Member, ...],
    publications: list[Publication],
    cache_dir: str,
) -> MadeList:
    page = cast("str", member.page)
    spec, problems = parse_options((), {"person": member.name}, config, style_exists)
    # A page with no document has nowhere to put a list's .bib download; its
    # entries link to the details pages that lists give them (see below).
    spec = replace(spec, download_bib=False, details="pages")
    serial = itertools.count(1)
    made = make_list(
        spec,
        publications,
        ListPlace(
            config=config,
            docname=page,
            style=_style(str(app.srcdir), spec.style),
            language=app.config.language,
            cache_dir=cache_dir,
            member_links=links_from(page, app.env, app.builder, members),
            local_file=lambda url, bib: source_file(url, bib, str(app.srcdir), str(app.srcdir)),
            taken_ids=set(),
            next_list_id=lambda: f"publist-{next(serial)}",
        ),
    )
    _link_only_written_details(app, made, config.details)
    return replace(made, problems=[*problems, *made.problems])


def _link_only_written_details(app: Sphinx, made: MadeList, mode: str) -> None:
    """Entries link to the details page some list owns; the others as the site's mode says."""
    details = list_details(made.root)
    if details is None:
        return
    domain = domain_of(app.env)
    keys = {
        pending["ids"][0]: pending["entry"].key for pending in made.root.findall(publist_pending)
    }
    entries = tuple(
        entry
        if domain.details_page(keys[entry.anchor])
        else replace(entry, page="", fallback=entry.fallback if mode != "none" else "")
        for entry in details.entries
    )
    made.root[DETAILS_ATTRIBUTE] = ListDetails(details.mode, entries)


def _style(srcdir: str, style: str) -> str:
    path = csl_path(style)
    return style if path is None else CSL_PREFIX + os.path.join(srcdir, path.lstrip("/"))


def _report_once(problem: Diagnostic, reported: set[Diagnostic]) -> None:
    if problem not in reported:
        reported.add(problem)
        warn_diagnostic(problem, None)


def _context(
    app: Sphinx, builder: StandaloneHTMLBuilder, member: Member, root: nodes.Element, page: str
) -> dict[str, Any]:
    section = nodes.section(ids=["publist-person"], classes=["publist-person"])
    section += nodes.title(member.name, member.name)
    if member.url:
        link = nodes.reference(member.url, member.url, refuri=member.url, internal=False)
        section += nodes.paragraph("", "", link, classes=["publist-person-url"])
    section += root
    note_details_links(app, cast("nodes.document", section), page)
    return generated_page(
        html.escape(member.name), render_fragment(builder, section, page), section
    )
