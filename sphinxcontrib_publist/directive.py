"""The ``publications`` directive: options -> load -> select -> format -> nodes."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from .bib import load
from .bib.local_files import source_file
from .bib.model import Publication
from .config import PublistConfig
from .core.diagnostics import Diagnostic, Subtype
from .environment import domain_of
from .format.csl.style import CSL_PREFIX, csl_path
from .format.styles import style_exists
from .lists import ListPlace, make_list
from .log import note, warn, warn_diagnostic
from .options import OPTION_SPEC, ListSpec, parse_options
from .people import member_links_of
from .role import listed_in

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

T = TypeVar("T")


class PublicationsDirective(SphinxDirective):
    """List the publications of one or more bib files."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = False
    option_spec: ClassVar[OptionSpec] = OPTION_SPEC

    def run(self) -> list[nodes.Node]:
        """Build the list's node; bad input becomes warnings, never an exception."""
        config = PublistConfig.from_sphinx(self.config)
        arguments = tuple(self.arguments[0].split()) if self.arguments else ()
        spec = self._reported(parse_options(arguments, self.options, config, style_exists))
        with load.collection_paused():
            publications = self._load(spec, config, from_config=not arguments)
            made = make_list(
                spec,
                publications,
                ListPlace(
                    config=config,
                    docname=self.env.docname,
                    style=self._style(spec.style, from_config="style" not in self.options),
                    language=self.config.language,
                    cache_dir=self._cache_dir,
                    member_links=member_links_of(self.env, self.env.docname),
                    local_file=self._local_file,
                    taken_ids=self.state.document.ids,
                    next_list_id=lambda: f"publist-{self.env.new_serialno('publist') + 1}",
                ),
            )
        root = made.root
        self._reported((None, made.problems))
        for merge in made.notes:
            note(merge, self.get_location())
        for element in (root, *root.findall(nodes.Element, include_self=False)):
            for anchor in element["ids"]:
                self.state.document.ids[anchor] = element
        domain = domain_of(self.env)
        domain.note_listed(self.env.docname, listed_in(root, made.shown))
        if made.paged:
            domain.note_details(self.env.docname, self.lineno, made.paged)
        self.set_source_info(root)
        return [root]

    def _reported(self, result: tuple[T, Iterable[Diagnostic]]) -> T:
        value, problems = result
        for problem in problems:
            warn_diagnostic(problem, self.get_location())
        return value

    def _load(self, spec: ListSpec, config: PublistConfig, from_config: bool) -> list[Publication]:
        if not spec.bibfiles:
            message = "no bib files: name them after the directive or set publist_bibfiles"
            warn(message, Subtype.BIBFILE, self.get_location())
        paths = []
        for name in spec.bibfiles:
            # Names from conf.py are relative to the source directory.
            _, path = self.env.relfn2path("/" + name if from_config else name, self.env.docname)
            self.env.note_dependency(path)
            paths.append(path)
        loaded = load.load(paths, load.build_date(), self._cache_dir, tuple(config.link_fields))
        # A file's own problems are reported once per build, by the domain; an
        # unreadable file is reported here, where the directive names it.
        located = [problem for problem in loaded.diagnostics if problem.source]
        domain_of(self.env).note_problems(self.env.docname, load.load_key(paths), located)
        for problem in loaded.diagnostics:
            if not problem.source:
                warn_diagnostic(problem, self.get_location())
        return list(loaded.publications)

    @property
    def _cache_dir(self) -> str:
        return str(Path(self.env.doctreedir) / "publist")

    def _style(self, style: str, from_config: bool) -> str:
        """The style, a ``.csl`` file's path resolved as the bib files' are."""
        path = csl_path(style)
        if path is None:
            return style
        _, resolved = self.env.relfn2path(
            "/" + path.lstrip("/") if from_config else path, self.env.docname
        )
        self.env.note_dependency(resolved)
        return CSL_PREFIX + resolved

    def _local_file(self, url: str, bib_path: str) -> str | None:
        document_dir = os.path.dirname(self.env.doc2path(self.env.docname))
        return source_file(url, bib_path, str(self.env.srcdir), document_dir)


def _forget_loads(app: Sphinx, env: BuildEnvironment) -> None:
    load.forget_loads()


def register(app: Sphinx) -> None:
    """Add the directive; free the loads once reading is done, before pages are written."""
    app.add_directive("publications", PublicationsDirective)
    app.connect("env-updated", _forget_loads)
