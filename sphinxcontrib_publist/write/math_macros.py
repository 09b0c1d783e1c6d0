r"""Write stage: ``publist_math_macros``, one set of macros for MathJax and for LaTeX.

An abstract's math may use its authors' own macros (``\x`` for a vector).
MathJax takes them from its configuration, LaTeX from the ``publist`` package
(``latex_package.py``), where they are defined inside math only, as MathJax
defines them: a package's scratch macro of the same name, such as the ``\x``
some set at load time, neither clobbers them nor is clobbered.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

# Newest first: the first the user set is the one extended, else the newest Sphinx has.
MATHJAX_SETTINGS = ("mathjax4_config", "mathjax3_config")
_PARAMETER = re.compile(r"(?<!\\)#")


def add_to_mathjax(app: Sphinx, config: Config) -> None:
    """Merge the macros into the MathJax configuration; the user's own macros win.

    Done as the configuration is read, giving the same value in every build, so
    Sphinx never sees a changed configuration.
    """
    macros: Mapping[str, Any] = config.publist_math_macros
    available = [name for name in MATHJAX_SETTINGS if name in config]
    if not macros or not available:
        return
    name = next((name for name in available if getattr(config, name)), available[0])
    settings: dict[str, Any] = dict(getattr(config, name) or {})
    tex = dict(settings.get("tex", {}))
    tex["macros"] = {**macros, **tex.get("macros", {})}
    settings["tex"] = tex
    setattr(config, name, settings)


def latex_definitions(macros: Mapping[str, Any]) -> str:
    """The body of a TeX macro defining every macro, in name order, one per line."""
    lines = []
    for name, definition in sorted(macros.items()):
        body, arguments = (definition, 0) if isinstance(definition, str) else definition
        parameters = "".join(f"##{number}" for number in range(1, arguments + 1))
        # Inside the defining macro's body, a parameter's # is doubled.
        lines.append(f"  \\def\\{name}{parameters}{{{_PARAMETER.sub('##', body)}}}%\n")
    return "".join(lines)
