"""The ``publications`` directive: options in, pipeline run, nodes out."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .bib import load as pipeline
from .bib.badges import entry_badges
from .bib.model import Publication
from .bib.names import NameMatcher
from .config import PublistConfig
from .core.diagnostics import Subtype
from .entry_extras import author_lookup, rendered_links
from .environment import domain_of
from .format.bibtex import bibliography_to_bibtex, entry_to_bibtex
from .format.entry import FormatOptions, FormattedEntry
from .format.styles import format_entries, style_exists
from .log import warn, warn_diagnostic
from .nodes import controls, labels
from .nodes.chart import add_chart
from .nodes.details import record_details
from .nodes.elements import publist_download, publist_list, publist_pending
from .nodes.entry import EntryExtras, RenderedGroup, render_list
from .nodes.entry_parts import download_sources
from .options import ListSpec, parse_options
from .select import NO_GROUPING, group_publications, sort_publications

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

OPTION_NAMES = (
    "filter",
    "keys",
    "sort",
    "group-by",
    "highlight",
    "omit-authors",
    "abstracts",
    "limit",
    "style",
    "name-format",
    "details",
    "chart",
    "bibtex",
    "download-bib",
    "max-authors",
    "controls",
    "tabs",
)


class PublicationsDirective(SphinxDirective):
    """List the publications of one or more bib files."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = False
    option_spec: ClassVar[OptionSpec] = dict.fromkeys(OPTION_NAMES, directives.unchanged)
    option_spec["class"] = directives.class_option

    def run(self) -> list[nodes.Node]:
        """Build the list's nodes; bad input becomes warnings, never an exception."""
        with pipeline.collection_paused():
            return self._build()

    def _build(self) -> list[nodes.Node]:
        self._anchors: set[str] = set()
        config = PublistConfig.from_sphinx(self.config)
        arguments = tuple(self.arguments[0].split()) if self.arguments else ()
        spec, problems = parse_options(arguments, self.options, config, style_exists)
        for problem in problems:
            warn(problem.message, problem.subtype, self.get_location())
        paths = self._bib_paths(spec, from_config=not arguments)
        cache_dir = str(Path(self.env.doctreedir) / "publist")
        loaded = pipeline.load(
            paths, pipeline.build_date(), cache_dir, link_fields=tuple(config.link_fields)
        )
        located = [diagnostic for diagnostic in loaded.diagnostics if diagnostic.source]
        domain_of(self.env).note_problems(self.env.docname, pipeline.load_key(paths), located)
        for diagnostic in loaded.diagnostics:
            if not diagnostic.source:
                # An unreadable file: the problem is where the directive names it.
                warn_diagnostic(diagnostic, self.get_location())
        shown = self._select(loaded.publications, spec)
        formatted = self._format(shown, spec, config)
        groups = self._groups(shown, formatted, spec)
        by_key = {publication.key: publication for publication in shown}
        root = render_list(
            groups,
            lambda entry: self._extras(by_key[entry.key], spec, config),
            spec.abstracts,
            data={},
        )
        if spec.download_bib and shown:
            bibtex = bibliography_to_bibtex(shown, config.bibtex_fields, config.bibtex_exclude)
            root.insert(0, publist_download(bibtex=bibtex, docname=self.env.docname))
        root["classes"].extend(self.options.get("class", []))
        displayed = [by_key[entry.key] for group in groups for entry in group.entries]
        self._make_interactive(root, displayed, spec, config)
        add_chart(root, shown, spec.chart)
        self._annotate(root, by_key, spec, config)
        for entry in root.findall(publist_pending):
            self.state.document.ids[entry["ids"][0]] = entry
            entry.extend(download_sources(entry["extra"].links))
        self.set_source_info(root)
        return [root]

    def _make_interactive(
        self,
        root: publist_list,
        displayed: list[Publication],
        spec: ListSpec,
        config: PublistConfig,
    ) -> None:
        plan, problems = controls.plan_for_options(
            displayed, self.options, config.controls, spec.group_by
        )
        for problem in problems:
            warn(problem.message, problem.subtype, self.get_location())
        if plan is not None:
            list_id = self._anchor(f"publist-{self.env.new_serialno('publist') + 1}")
            controls.attach(root, plan, list_id)
            self.state.document.ids[list_id] = root

    def _annotate(
        self,
        root: publist_list,
        by_key: dict[str, Publication],
        spec: ListSpec,
        config: PublistConfig,
    ) -> None:
        paged = record_details(
            root, by_key, spec.details, config.details_dir, spec.name_format, spec.highlight
        )
        if paged:
            domain_of(self.env).note_details(self.env.docname, paged)

    def _bib_paths(self, spec: ListSpec, from_config: bool) -> list[str]:
        if not spec.bibfiles:
            warn(
                "no bib files: name them after the directive or set publist_bibfiles",
                Subtype.BIBFILE,
                self.get_location(),
            )
        paths = []
        for name in spec.bibfiles:
            # Names from conf.py are relative to the source directory.
            _, path = self.env.relfn2path("/" + name if from_config else name, self.env.docname)
            self.env.note_dependency(path)
            paths.append(path)
        return paths

    def _select(self, publications: Sequence[Publication], spec: ListSpec) -> list[Publication]:
        chosen = list(publications)
        if spec.keys is not None:
            chosen = self._by_keys(chosen, spec.keys)
        if spec.filter is not None:
            chosen = [publication for publication in chosen if spec.filter(publication)]
        if spec.keys is None or spec.sort_given:
            chosen = sort_publications(chosen, spec.sort)
        return chosen[: spec.limit] if spec.limit is not None else chosen

    def _by_keys(self, publications: list[Publication], keys: Sequence[str]) -> list[Publication]:
        by_key = {publication.key.lower(): publication for publication in publications}
        chosen = []
        for key in keys:
            publication = by_key.get(key.lower())
            if publication is None:
                warn(f":keys: names unknown key {key!r}", Subtype.OPTION, self.get_location())
            else:
                chosen.append(publication)
        return chosen

    def _format(
        self, shown: Sequence[Publication], spec: ListSpec, config: PublistConfig
    ) -> list[FormattedEntry]:
        options = FormatOptions(
            highlight=NameMatcher(spec.highlight),
            omit=NameMatcher(spec.omit),
            name_format=spec.name_format,
            abstracts=spec.abstracts != "hidden",
            author_links=author_lookup(config.author_links),
        )
        formatted, problems = format_entries(shown, spec.style, options)
        for problem in problems:
            warn_diagnostic(problem, self.get_location())
        return formatted

    def _groups(
        self, shown: Sequence[Publication], formatted: Sequence[FormattedEntry], spec: ListSpec
    ) -> list[RenderedGroup]:
        entry_of = {entry.key: entry for entry in formatted}
        return [
            RenderedGroup(
                heading=(
                    labels.group_label(group.field, group.value)
                    if group.field != NO_GROUPING
                    else ""
                ),
                value=group.value,
                entries=tuple(entry_of[publication.key] for publication in group.publications),
            )
            for group in group_publications(shown, spec.group_by)
        ]

    def _extras(
        self, publication: Publication, spec: ListSpec, config: PublistConfig
    ) -> EntryExtras:
        bibtex = None
        if spec.bibtex:
            bibtex = entry_to_bibtex(publication, config.bibtex_fields, config.bibtex_exclude)
        return EntryExtras(
            anchor=self._anchor(publication.key),
            title_url=publication.url,
            links=rendered_links(publication, config.link_fields, self.env, self.env.docname),
            badges=entry_badges(publication, config.citation_field),
            bibtex=bibtex,
            max_authors=spec.max_authors,
        )

    def _anchor(self, key: str) -> str:
        base = nodes.make_id(key) or "publication"
        anchor, number = base, 1
        while anchor in self.state.document.ids or anchor in self._anchors:
            number += 1
            anchor = f"{base}-{number}"
        self._anchors.add(anchor)
        return anchor


def _forget_loads(app: Sphinx, env: BuildEnvironment) -> None:
    pipeline.forget_loads()


def register(app: Sphinx) -> None:
    """Add the directive; free the loads once reading is done, before pages are written."""
    app.add_directive("publications", PublicationsDirective)
    app.connect("env-updated", _forget_loads)
