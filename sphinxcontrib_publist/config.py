"""Every ``publist_*`` configuration value, declared once with its default and check."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from ._log import warn
from .diagnostics import Subtype
from .names import NAME_FORMATS

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

ABSTRACT_MODES = ("collapsed", "expanded", "hidden")


def _is_str_list(value: object) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value)


def _is_name_variants(value: object) -> bool:
    if _is_str_list(value):
        return True
    return isinstance(value, Mapping) and all(
        isinstance(name, str) and _is_str_list(variants) for name, variants in value.items()
    )


def _one_of(choices: tuple[str, ...]) -> Callable[[object], bool]:
    return lambda value: value in choices


def _is_str(value: object) -> bool:
    return isinstance(value, str)


def _meta(check: Callable[[object], bool], help_text: str) -> dict[str, object]:
    return {"check": check, "help": help_text}


@dataclass(frozen=True)
class PublistConfig:
    """The extension's settings, read from ``conf.py`` as ``publist_<name>``."""

    bibfiles: tuple[str, ...] = field(
        default=(),
        metadata=_meta(
            _is_str_list, "Bib files for directives that name none (relative to the source dir)."
        ),
    )
    style: str = field(
        default="default", metadata=_meta(_is_str, "Entry style: 'default' or a pybtex style.")
    )
    sort: str = field(default="-year, title", metadata=_meta(_is_str, "Default sort keys."))
    group_by: str = field(
        default="none", metadata=_meta(_is_str, "Grouping: 'none', 'year', 'type' or a field.")
    )
    abstracts: str = field(
        default="collapsed",
        metadata=_meta(_one_of(ABSTRACT_MODES), "Abstracts: collapsed, expanded or hidden."),
    )
    highlight_authors: Any = field(
        default=(),
        metadata=_meta(_is_name_variants, "Names to emphasise: a list, or name → spellings."),
    )
    omit_authors: tuple[str, ...] = field(
        default=(), metadata=_meta(_is_str_list, "Names left out of author lines.")
    )
    name_format: str = field(
        default="first-last",
        metadata=_meta(_one_of(NAME_FORMATS), "first-last, initials-last or last-initials."),
    )

    @classmethod
    def from_sphinx(cls, config: Config) -> PublistConfig:
        """The current values of ``config``."""
        return cls(**{item.name: getattr(config, f"publist_{item.name}") for item in fields(cls)})


def highlight_names(value: Any) -> list[str]:
    """Every spelling in ``publist_highlight_authors`` (list or name → variants dict)."""
    if isinstance(value, Mapping):
        return [name for canonical, variants in value.items() for name in (canonical, *variants)]
    return list(value)


def register(app: Sphinx) -> None:
    """Declare every value and check them once the configuration is read."""
    for item in fields(PublistConfig):
        app.add_config_value(
            f"publist_{item.name}",
            item.default,
            "env",
            description=item.metadata["help"],
        )
    app.connect("config-inited", _check_values)


def _check_values(app: Sphinx, config: Config) -> None:
    for item in fields(PublistConfig):
        name = f"publist_{item.name}"
        value = getattr(config, name)
        if not item.metadata["check"](value):
            warn(
                f"invalid value {value!r} for {name}; using the default {item.default!r}",
                Subtype.CONFIG,
                None,
            )
            setattr(config, name, item.default)
        elif isinstance(value, list):
            setattr(config, name, tuple(value))
