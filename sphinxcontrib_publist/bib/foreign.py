"""Source stage: records of other formats (CSL-JSON, RIS) as the BibTeX entries they stand for.

A record is written as the ``.bib`` entry a user would have typed for it, plain
text escaped to LaTeX, so that everything after reading (crossrefs, names,
dates, venues, links, styles, exports) treats it exactly as that entry.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, MutableSet
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from pybtex.database import Entry

from ..core.diagnostics import Diagnostic, Subtype
from ..core.urls import arxiv_id_in
from .bibtex.parse import SourcedEntry
from .latex_html import has_html, html_to_latex
from .partial_dates import PartialDate
from .people import parse_person, split_names

# Kept as written: identifiers and links, which LaTeX escaping would break.
VERBATIM_FIELDS = frozenset(
    {"doi", "url", "eprint", "pmid", "pmcid", "isbn", "issn", "pdf", "archiveprefix"}
)
_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
    # TeX's ligatures: "--" is a dash, "``" and "''" quotes, "?`" an inverted "?".
    "-": "-{}",
    "`": "{`}",
    "'": "{'}",
}
# Fields in the order BibTeX exporters write them, so an export reads like a typed entry.
FIELD_ORDER = (
    "author",
    "editor",
    "title",
    "shorttitle",
    "journal",
    "booktitle",
    "eventtitle",
    "series",
    "howpublished",
    "school",
    "institution",
    "publisher",
    "address",
    "edition",
    "year",
    "month",
    "date",
    "volume",
    "number",
    "pages",
    "type",
    "pubstate",
)
_LIGATURE_CHARS = "-`'"
_SPECIAL = re.compile(
    "[" + re.escape("".join(set(_LATEX_SPECIALS) - set(_LIGATURE_CHARS))) + "]"
    r"|-(?=-)|`|'(?=')|(?<=')'"
)
_NAME_WORD_AND = re.compile(r"\band\b", re.IGNORECASE)
_KEY_WORD = re.compile(r"[A-Za-z0-9]+")
_PAGE_RANGE = re.compile(r"^\s*(\S+?)\s*[-\u2010-\u2015]+\s*(\S+)\s*$")
_KEY_SAFE = re.compile(r"[^A-Za-z0-9_:.+/\-]")


def to_latex(value: str) -> str:
    """Plain text as the LaTeX source that reads back as the same text."""
    return _SPECIAL.sub(lambda found: _LATEX_SPECIALS[found.group()], value)


def bibtex_name(
    family: str = "", given: str = "", particle: str = "", suffix: str = "", literal: str = ""
) -> str:
    """One name in BibTeX's ``von Last, Jr, First`` form; an institution's in braces."""
    if literal or not (family or given):
        return "{" + to_latex(literal or family or given) + "}"
    last = " ".join(part for part in (particle, _protected(family)) if part)
    if not given and not suffix:
        return last if " " not in family else "{" + to_latex(family) + "}"
    parts = [last, _protected(suffix)] if suffix else [last]
    return ", ".join([*parts, _protected(given)])


def _protected(part: str) -> str:
    # A comma or a word "and" inside one part would split the name or the list.
    escaped = to_latex(part.strip())
    if "," in escaped or _NAME_WORD_AND.search(escaped):
        return "{" + escaped + "}"
    return escaped


def bibtex_pages(value: str, end: str = "") -> str:
    """The LaTeX of a page range: ``123-130`` (any dash), or ``value`` to ``end``, as ``123--130``."""
    found = None if end else _PAGE_RANGE.match(value)
    if found:
        value, end = found.group(1), found.group(2)
    if end and end.strip() != value.strip():
        return f"{to_latex(value.strip())}--{to_latex(end.strip())}"
    return to_latex(value.strip() or end.strip())


@dataclass
class RecordBuilder:
    """The fields and names of one record, collected as BibTeX fields, with its problems."""

    source: str
    line: int | None
    label: str
    fields: dict[str, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def set(self, name: str, value: str) -> None:
        """Set field ``name`` from plain text, unless it is empty or already set."""
        value = value.strip()
        if value and name not in self.fields:
            self.fields[name] = value if name in VERBATIM_FIELDS else to_latex(value)

    def set_latex(self, name: str, value: str) -> None:
        """Set field ``name`` to LaTeX source, unless it is empty or already set."""
        if value.strip() and name not in self.fields:
            self.fields[name] = value.strip()

    def set_rich(self, name: str, value: str) -> None:
        """Set field ``name`` from text that may hold HTML markup (``<i>``, ``<sup>``...)."""
        if has_html(value):
            self.set_latex(name, html_to_latex(to_latex(value)))
        else:
            self.set(name, value)

    def set_names(self, role: str, names: Iterable[str]) -> None:
        """Set a name list from names already in BibTeX form."""
        listed = [name for name in names if name.strip("{} ")]
        if listed and role not in self.fields:
            self.fields[role] = " and ".join(listed)

    def set_date(self, date: PartialDate) -> None:
        """``year`` and ``month`` from a date, and ``date`` where they cannot say it all."""
        if date.year is None:
            return
        self.set("year", str(date.year))
        if date.month is not None:
            self.set("month", str(date.month))
        if date.day is not None or date.end:
            self.set("date", date.iso())

    def set_arxiv(self, *values: str) -> None:
        """``eprint`` and ``archiveprefix`` for an arXiv identifier found in ``values``."""
        found = arxiv_id_in(*values)
        if found and "eprint" not in self.fields:
            self.set("eprint", found)
            self.set("archiveprefix", "arXiv")

    def warn(self, problem: str, subtype: Subtype = Subtype.PARSE) -> None:
        """Note a problem of this record, at its line."""
        message = f"{self.label}: {problem}"
        self.diagnostics.append(Diagnostic(message, subtype, self.source, self.line))

    def entry(
        self, given_key: str, entry_type: str, taken: MutableSet[str], *, key_required: bool = False
    ) -> tuple[SourcedEntry | None, list[Diagnostic]]:
        """The pybtex entry these fields make, at the record's place, and the record's problems.

        Without ``given_key`` a key is made up (with a warning where the format
        requires one); a key in ``taken`` (lowercase) gives no entry. The key is
        added to ``taken``.
        """
        key = clean_key(given_key)
        if not key:
            key = made_up_key(self.fields, taken)
            if key_required:
                self.warn(f"has no id; read as {key!r}", Subtype.MISSING_FIELD)
        elif key.lower() in taken:
            return None, [duplicate_key(key, self.source, self.line)]
        taken.add(key.lower())
        rank = {name: position for position, name in enumerate(FIELD_ORDER)}
        ordered = sorted(self.fields.items(), key=lambda item: rank.get(item[0], len(rank)))
        entry = SourcedEntry(key, Entry(entry_type, fields=ordered), self.source, self.line)
        return entry, self.diagnostics


def duplicate_key(key: str, source: str, line: int | None, label: str = "") -> Diagnostic:
    """The warning for a record whose key an earlier record has, as for BibTeX."""
    message = f"duplicate entry key {key!r}: the later entry is ignored"
    return Diagnostic(
        f"{label}: {message}" if label else message, Subtype.DUPLICATE_KEY, source, line
    )


def made_up_key(fields: Mapping[str, str], taken: AbstractSet[str]) -> str:
    """A key as BibTeX exporters make one (``doe2021deep``), unique among ``taken``."""
    names = split_names(fields.get("author", "")).names
    # The last name without its "von" part, as Better BibTeX writes keys.
    family = parse_person(names[0])[0].last if names else ""
    words = [_ascii_word(family), fields.get("year", "")]
    title = [word for word in _KEY_WORD.findall(_ascii(fields.get("title", ""))) if len(word) > 3]
    words.append(title[0].lower() if title else "")
    base = "".join(words) or "entry"
    key, suffix = base, 0
    while key.lower() in taken:
        suffix += 1
        key = f"{base}{_letters(suffix)}"
    return key


def clean_key(value: str) -> str:
    """An identifier made usable as a citation key: no spaces, commas or braces."""
    return _KEY_SAFE.sub("_", value.strip())


def _ascii(value: str) -> str:
    return unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()


def _ascii_word(value: str) -> str:
    return "".join(_KEY_WORD.findall(_ascii(value))).lower()


def _letters(number: int) -> str:
    # 1 → "a", 26 → "z", 27 → "aa": as BibTeX tools tell same-named keys apart.
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters
