"""The benchmark's floor: a plain RST page holding the list as static markup.

Each entry becomes a bullet with its title, author line, venue and year, and the
abstract in an indented block, all as plain text decoded from the LaTeX with
latexcodec. No extension is involved when Sphinx builds the page, so its cost is
what any publication list of that size costs at least.
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Callable, Iterable, Iterator

import latexcodec  # noqa: F401  (registers the "ulatex" codec)
import pybtex.errors
from pybtex.database import Entry, Person
from pybtex.database.input.bibtex import Parser

VENUE_FIELDS = (
    "journal",
    "journaltitle",
    "booktitle",
    "publisher",
    "school",
    "institution",
    "howpublished",
    "organization",
)
FORTHCOMING = frozenset({"forthcoming", "inpress", "submitted", "accepted"})
FORMATTING_COMMAND = re.compile(
    r"\\(?:emph|textit|textbf|texttt|textsc|textrm|mathcal|mathrm|url|mbox|text)\s*(?=\{)"
)
SWITCH_COMMAND = re.compile(r"\{\\(?:it|bf|em|sc|tt|rm|sl)\s+")
LEFTOVER_COMMAND = re.compile(r"\\([A-Za-z]+)")
RST_SPECIAL = re.compile(r"([\\*`|_\[\]<>])")
WHITESPACE = re.compile(r"\s+")


# latexcodec on a whole 1 kB abstract takes a millisecond; on just the escapes, microseconds.
ESCAPE = re.compile(r"\\[^A-Za-z\s](?:\\[A-Za-z]+|\{[^{}]*\}|[A-Za-z])?|\\[A-Za-z]+(?:\{[^{}]*\})?")
LIGATURES = (
    ("---", "\u2014"),
    ("--", "\u2013"),
    ("~", "\u00a0"),
    ("``", "\u201c"),
    ("''", "\u201d"),
)


# typeshed types decoders as taking bytes; latexcodec's "ulatex" decodes str.
LATEX_DECODER: Callable[[str], tuple[str, int]] = codecs.getdecoder("ulatex")  # type: ignore[assignment]


@functools.cache
def decode_escape(escape: str) -> str:
    try:
        return LATEX_DECODER(escape)[0]
    except ValueError:
        return escape


def latex_to_plain(value: str) -> str:
    """LaTeX field value to one line of plain Unicode text."""
    text = FORMATTING_COMMAND.sub("", value)
    text = SWITCH_COMMAND.sub("{", text).replace("$", "")
    text = ESCAPE.sub(lambda match: decode_escape(match.group()), text)
    for latex, unicode in LIGATURES:
        text = text.replace(latex, unicode)
    text = LEFTOVER_COMMAND.sub(r"\1", text).replace("{", "").replace("}", "")
    return WHITESPACE.sub(" ", text).strip()


def rst_escape(text: str) -> str:
    """Escape inline markup, and the first character so nothing starts a list."""
    escaped = RST_SPECIAL.sub(r"\\\1", text).replace("::", ":\\:")
    if escaped and not escaped[0].isalpha() and escaped[0] != "\\":
        escaped = "\\" + escaped
    return escaped


def person_name(person: Person) -> str:
    """``First Middle von Last, Jr.`` in plain text."""
    parts = person.first_names + person.middle_names + person.prelast_names + person.last_names
    name = latex_to_plain(" ".join(parts))
    lineage = latex_to_plain(" ".join(person.lineage_names))
    return f"{name}, {lineage}" if lineage else name


def venue_line(entry: Entry) -> str:
    """Venue, year and forthcoming status, joined the way the default style shows them."""
    fields = entry.fields
    venue = next((fields[name] for name in VENUE_FIELDS if fields.get(name)), "")
    year = fields.get("year") or fields.get("date", "")[:4]
    parts = [latex_to_plain(part) for part in (venue, year) if part]
    if fields.get("pubstate", "").lower() in FORTHCOMING:
        parts.append("(to appear)")
    return " · ".join(parts)


def entry_block(key: str, entry: Entry) -> Iterator[str]:
    """The bullet item for one entry."""
    title = latex_to_plain(entry.fields.get("title", "")) or key
    yield f"* {rst_escape(title)}"
    authors = ", ".join(person_name(person) for person in entry.persons.get("author", ()))
    for line in (authors, venue_line(entry)):
        if line:
            yield ""
            yield f"  {rst_escape(line)}"
    abstract = latex_to_plain(entry.fields.get("abstract", ""))
    if abstract:
        yield ""
        yield f"     {rst_escape(abstract)}"
    yield ""


def read_entries(bib_path: str) -> Iterable[tuple[str, Entry]]:
    """Entries of ``bib_path`` in file order, parse errors tolerated."""
    with pybtex.errors.capture():
        data = Parser().parse_file(bib_path)
    entries: Iterable[tuple[str, Entry]] = data.entries.items()
    return entries


def write_floor_page(bib_path: str, rst_path: str, heading: str = "Publications") -> None:
    """Write the static page for every entry of ``bib_path``."""
    with open(rst_path, "w", encoding="utf-8") as handle:
        handle.write(f"{heading}\n{'=' * len(heading)}\n\n")
        blocks = (
            "\n".join(entry_block(key, entry)) + "\n" for key, entry in read_entries(bib_path)
        )
        handle.writelines(blocks)
