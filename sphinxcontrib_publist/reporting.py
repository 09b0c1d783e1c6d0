"""Bib-file problems reported once per build, however many pages list the file.

Each page records the problems of the files it loaded; once every page is read
(in one process or several, merged), those of the files read in this build are
logged, each file's once. This is the extension's only environment data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ._log import warn_diagnostic
from .core.diagnostics import Diagnostic

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

ENV_VERSION = 1
PROBLEMS = "publist_bib_problems"
READ_NOW = "publist_read_now"

# docname -> {load key -> its problems}
_Problems = dict[str, dict[str, tuple[Diagnostic, ...]]]


def _problems(env: BuildEnvironment) -> _Problems:
    if not hasattr(env, PROBLEMS):
        setattr(env, PROBLEMS, {})
    problems: _Problems = getattr(env, PROBLEMS)
    return problems


def record(
    env: BuildEnvironment, docname: str, load_key: str, diagnostics: Sequence[Diagnostic]
) -> None:
    """Note that ``docname`` loaded files with these problems."""
    if diagnostics:
        _problems(env).setdefault(docname, {})[load_key] = tuple(diagnostics)


def _note_docs_to_read(app: Sphinx, env: BuildEnvironment, docnames: Iterable[str]) -> None:
    setattr(env, READ_NOW, set(docnames))


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _problems(env).pop(docname, None)


def _merge(
    app: Sphinx, env: BuildEnvironment, docnames: Iterable[str], other: BuildEnvironment
) -> None:
    theirs = _problems(other)
    mine = _problems(env)
    for docname in docnames:
        if docname in theirs:
            mine[docname] = theirs[docname]


def _report(app: Sphinx, env: BuildEnvironment) -> None:
    read_now: set[str] = getattr(env, READ_NOW, set())
    problems = _problems(env)
    # By diagnostic, not by load: pages listing "a.bib" and "a.bib b.bib" share a.bib's.
    reported: set[Diagnostic] = set()
    for docname in sorted(read_now & problems.keys()):
        for diagnostics in problems[docname].values():
            for diagnostic in diagnostics:
                if diagnostic not in reported:
                    reported.add(diagnostic)
                    warn_diagnostic(diagnostic, docname)
    setattr(env, READ_NOW, set())


def register(app: Sphinx) -> None:
    """Connect the recording and reporting to the build's events."""
    app.connect("env-before-read-docs", _note_docs_to_read)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-updated", _report)
