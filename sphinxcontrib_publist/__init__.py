"""A Sphinx extension that renders publication lists from BibTeX files."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directive, nodes, configuration and assets."""
    from . import config, directive, environment, people, write
    from .nodes import labels, registry

    config.register(app)
    labels.register(app)
    registry.register(app)
    environment.register(app)
    people.register(app)
    directive.register(app)
    write.register(app)
    return {
        "version": __version__,
        "env_version": environment.ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
