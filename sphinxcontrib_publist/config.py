"""Every ``publist_*`` configuration value, declared once with its default and check."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import MISSING, Field, dataclass, field, fields
from typing import TYPE_CHECKING, Any

import sphinx

from .bib.links import DEFAULT_LINK_FIELDS
from .bib.names import NAME_FORMATS
from .core.diagnostics import Subtype
from .core.urls import safe_url
from .format.bibtex import DEFAULT_EXCLUDE
from .format.venue import VENUE_PARTS
from .log import warn
from .select.interactive import is_controls_value

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

ABSTRACT_MODES = ("collapsed", "expanded", "hidden")
DETAILS_MODES = ("none", "link", "pages")
CHART_KINDS = ("none", "year")
# A macro's name is a TeX control word, which MathJax takes too.
MACRO_NAME = re.compile(r"[A-Za-z]+")


def _is_str_list(value: object) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value)


def _is_name_variants(value: object) -> bool:
    if _is_str_list(value):
        return True
    return isinstance(value, Mapping) and all(
        isinstance(name, str) and _is_str_list(variants) for name, variants in value.items()
    )


def _is_str_mapping(value: object) -> bool:
    return isinstance(value, Mapping) and all(
        isinstance(key, str) and isinstance(item, str) for key, item in value.items()
    )


def _is_math_macros(value: object) -> bool:
    # MathJax's form: name -> definition, or [definition, number of arguments].
    return isinstance(value, Mapping) and all(
        isinstance(name, str) and MACRO_NAME.fullmatch(name) and _is_macro(definition)
        for name, definition in value.items()
    )


def _is_macro(definition: object) -> bool:
    if isinstance(definition, str):
        return True
    if not isinstance(definition, (list, tuple)) or len(definition) != 2:
        return False
    body, arguments = definition
    return isinstance(body, str) and type(arguments) is int and 0 <= arguments <= 9


def _is_venue_parts(value: object) -> bool:
    return isinstance(value, (list, tuple)) and all(part in VENUE_PARTS for part in value)


def _is_optional_str_list(value: object) -> bool:
    return value is None or _is_str_list(value)


def _is_optional_str(value: object) -> bool:
    return value is None or isinstance(value, str)


def _is_bool(value: object) -> bool:
    return isinstance(value, bool)


def _is_optional_count(value: object) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and value > 0)


def _one_of(choices: tuple[str, ...]) -> Callable[[object], bool]:
    return lambda value: value in choices


def _is_str(value: object) -> bool:
    return isinstance(value, str)


def _is_page_dir(value: object) -> bool:
    if not isinstance(value, str):
        return False
    # Names starting with "_" are Sphinx's own output folders.
    return all(
        part and part not in (".", "..") and not part.startswith("_") for part in value.split("/")
    )


PERSON_SETTINGS = {"variants": _is_str_list, "url": _is_str, "page": _is_page_dir}


def _is_people(value: object) -> bool:
    # name -> {"variants": [...], "url": "...", "page": "people/kevin"}, each setting optional.
    return isinstance(value, Mapping) and all(
        isinstance(name, str)
        and name.strip()
        and isinstance(settings, Mapping)
        and all(
            key in PERSON_SETTINGS and PERSON_SETTINGS[key](item) for key, item in settings.items()
        )
        for name, settings in value.items()
    )


def _meta(
    check: Callable[[object], bool], help_text: str, types: tuple[type, ...] = ()
) -> dict[str, object]:
    return {"check": check, "help": help_text, "types": types}


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
        default="default",
        metadata=_meta(
            _is_str, "Entry style: 'default', a pybtex style, or csl:<style id or .csl file>."
        ),
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
        metadata=_meta(
            _is_name_variants,
            "Names to emphasise: a list, or name → spellings.",
            types=(list, tuple, dict),
        ),
    )
    omit_authors: tuple[str, ...] = field(
        default=(), metadata=_meta(_is_str_list, "Names left out of author lines.")
    )
    name_format: str = field(
        default="first-last",
        metadata=_meta(_one_of(NAME_FORMATS), "first-last, initials-last or last-initials."),
    )
    venue_parts: tuple[str, ...] = field(
        default=VENUE_PARTS,
        metadata=_meta(
            _is_venue_parts,
            "Parts of the default style's venue line, from: " + ", ".join(VENUE_PARTS) + ".",
        ),
    )
    controls: str = field(
        default="none",
        metadata=_meta(is_controls_value, "Controls of lists without :controls:, or 'none'."),
    )
    details: str = field(
        default="none",
        metadata=_meta(_one_of(DETAILS_MODES), "Entry details: none, link (url/doi) or pages."),
    )
    details_dir: str = field(
        default="publications",
        metadata=_meta(_is_page_dir, "Output folder of the details pages."),
    )
    chart: str = field(
        default="none", metadata=_meta(_one_of(CHART_KINDS), "Chart above lists: none or year.")
    )

    link_fields: Any = field(
        default_factory=lambda: dict(DEFAULT_LINK_FIELDS),
        metadata=_meta(_is_str_mapping, "Fields shown as links: a dict of field name → label."),
    )
    bibtex: bool = field(
        default=False, metadata=_meta(_is_bool, "Show a BibTeX toggle on every entry.")
    )
    bibtex_fields: Any = field(
        default=None,
        metadata=_meta(_is_optional_str_list, "Fields exported as BibTeX (None: every field)."),
    )
    bibtex_exclude: tuple[str, ...] = field(
        default=DEFAULT_EXCLUDE,
        metadata=_meta(_is_str_list, "Fields never exported as BibTeX."),
    )
    download_bib: bool = field(
        default=False,
        metadata=_meta(_is_bool, "Offer each list's entries as a .bib file (HTML builders)."),
    )
    author_links: Any = field(
        default_factory=dict,
        metadata=_meta(_is_str_mapping, "Author pages: a dict of name → http(s) or relative URL."),
    )
    max_authors: Any = field(
        default=None,
        metadata=_meta(_is_optional_count, "Author names shown before 'and N more' (None: all)."),
    )
    math_macros: Any = field(
        default_factory=dict,
        metadata=_meta(
            _is_math_macros,
            "Math macros for MathJax and LaTeX: name → definition, or [definition, arguments].",
            types=(dict,),
        ),
    )
    people: Any = field(
        default_factory=dict,
        metadata=_meta(
            _is_people,
            "Lab members: name → {'variants': [...], 'url': ..., 'page': 'people/name'}.",
            types=(dict,),
        ),
    )
    citation_field: Any = field(
        default=None,
        metadata=_meta(_is_optional_str, "Field holding a citation count badge (None: off)."),
    )

    @classmethod
    def from_sphinx(cls, config: Config) -> PublistConfig:
        """The current values of ``config``."""
        return cls(**{item.name: getattr(config, f"publist_{item.name}") for item in fields(cls)})


def default_of(item: Field[Any]) -> Any:
    """The default of one ``PublistConfig`` field, a fresh copy for mutable ones."""
    if item.default_factory is not MISSING:
        return item.default_factory()
    return item.default


def highlight_names(value: Any) -> list[str]:
    """Every spelling in ``publist_highlight_authors`` (list or name → variants dict)."""
    if isinstance(value, Mapping):
        return [name for canonical, variants in value.items() for name in (canonical, *variants)]
    return list(value)


def check_author_links(app: Sphinx, config: Config) -> None:
    """Warn once per build about author pages that are not http(s) or relative URLs."""
    pages = [
        ("publist_author_links", name, url) for name, url in config.publist_author_links.items()
    ]
    pages += [
        ("publist_people", name, settings["url"])
        for name, settings in config.publist_people.items()
        if "url" in settings
    ]
    for setting, name, url in pages:
        if isinstance(url, str) and safe_url(url) is None:
            warn(
                f"{setting}: the page of {name!r}, {url!r}, is not an http(s) "
                "or relative URL; the name is not linked",
                Subtype.LINK,
                None,
            )


def register(app: Sphinx) -> None:
    """Declare every value and check them once the configuration is read."""
    for item in fields(PublistConfig):
        # ``description`` arrived in Sphinx 7.4; the help text is only documentation.
        described = {"description": item.metadata["help"]} if sphinx.version_info >= (7, 4) else {}
        app.add_config_value(
            f"publist_{item.name}",
            default_of(item),
            "env",
            types=item.metadata["types"],
            **described,
        )
    app.connect("config-inited", _check_values)
    app.connect("config-inited", check_author_links, priority=600)


def _check_values(app: Sphinx, config: Config) -> None:
    for item in fields(PublistConfig):
        name = f"publist_{item.name}"
        value = getattr(config, name)
        if not item.metadata["check"](value):
            warn(
                f"invalid value {value!r} for {name}; using the default {default_of(item)!r}",
                Subtype.CONFIG,
                None,
            )
            setattr(config, name, default_of(item))
        elif isinstance(value, list):
            setattr(config, name, tuple(value))
