"""Model stage: the people of a name list: ``and others``, author marks, BibTeX name parts."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

import pybtex.errors
from pybtex.bibtex.utils import split_name_list
from pybtex.database import Person as PybtexPerson

from .latex import latex_to_plain
from .model import Person

# BibTeX's own spelling of "and more authors", which styles print as "et al.".
OTHERS = "others"
# NASA ADS and BibDesk write "and et al." for it.
_MORE = re.compile(r"^(?:others|et[\s~]*al\.?)$", re.IGNORECASE)

# Marks for equal contribution, corresponding authors or affiliations, as exports
# and hand-written files attach them to a name: "Einstein*", "Poon†", "Lee$^\dagger$".
_MARK_COMMANDS = {
    "dag": "\u2020",
    "dagger": "\u2020",
    "textdagger": "\u2020",
    "ddag": "\u2021",
    "ddagger": "\u2021",
    "textdaggerdbl": "\u2021",
    "S": "\u00a7",
    "textsection": "\u00a7",
    "P": "\u00b6",
    "textparagraph": "\u00b6",
    "ast": "*",
    "textasteriskcentered": "*",
    "star": "*",
}
_MARK_CHARS = "*\u2217\u2020\u2021\u00a7\u00b6"
_MARK = (
    rf"(?:[{_MARK_CHARS}]|\\(?:{'|'.join(sorted(_MARK_COMMANDS, key=len, reverse=True))})"
    r"(?![A-Za-z])\s*)"
)
_MARK_RUN = rf"(?:{_MARK})+"
_MARK_GROUP = re.compile(
    rf"(?:\$\^\{{?{_MARK_RUN}\}}?\$|\^\{{?{_MARK_RUN}\}}?|\\textsuperscript\{{{_MARK_RUN}\}}"
    rf"|\{{{_MARK_RUN}\}}|{_MARK_RUN})+"
)
_MARK_ITEM = re.compile(_MARK)
# DBLP's homonym number, after the family name ("Wei Zhang 0001") or before a comma.
_HOMONYM = re.compile(r"(?<=\S)\s+(0\d{3})(?=\s*(?:,|$))")


@dataclass(frozen=True)
class NameList:
    """The names of one role, and whether the list ends in ``and others``."""

    names: tuple[str, ...] = ()
    more: bool = False


def split_names(value: str) -> NameList:
    """The names of a BibTeX name list, with a closing ``and others`` as a flag."""
    if not value.strip():
        return NameList()
    names = [name.strip() for name in split_name_list(value)]
    more = False
    while names and _MORE.match(names[-1].strip("{} ")):
        names.pop()
        more = True
    return NameList(tuple(names), more)


def split_marks(name: str) -> tuple[str, str]:
    """``name`` without its author marks, and the marks as characters (``"*"``, ``"†"``)."""
    marks: list[str] = []

    def take(found: re.Match[str]) -> str:
        # Only marks at either end of a word count: "\S" inside a name is a letter.
        start, end = found.span()
        ends_word = end == len(name) or name[end].isspace() or name[end] in ",}"
        starts_word = start == 0 or name[start - 1].isspace() or name[start - 1] == "{"
        if not (ends_word or starts_word):
            return found.group()
        marks.extend(_mark_char(item.group()) for item in _MARK_ITEM.finditer(found.group()))
        return ""

    cleaned = _MARK_GROUP.sub(take, name)
    if not marks:
        return name, ""
    return re.sub(r"\s+,", ",", cleaned).strip(), "".join(dict.fromkeys(marks))


def _mark_char(token: str) -> str:
    token = token.strip()
    if token.startswith("\\"):
        return _MARK_COMMANDS[token[1:]]
    return "*" if token == "\u2217" else token


@functools.lru_cache(maxsize=65536)
def parse_person(name: str) -> tuple[Person, str | None]:
    """Split one BibTeX name, decoded to plain text, with pybtex's complaint if any.

    Author marks are set apart, so that "Einstein*" is matched as Einstein.
    Cached: a lab's list names the same people in hundreds of entries.
    """
    unmarked, marks = split_marks(name)
    homonym = _HOMONYM.search(unmarked)
    if homonym:
        unmarked = unmarked[: homonym.start()] + unmarked[homonym.end() :]
    with pybtex.errors.capture() as errors:
        parsed = PybtexPerson(unmarked or name)
    problem = str(errors[0]) if errors else None

    def part(names: list[str]) -> str:
        return latex_to_plain(" ".join(names))

    person = Person(
        first=part(parsed.first_names),
        middle=part(parsed.middle_names),
        prelast=part(parsed.prelast_names),
        last=part(parsed.last_names),
        lineage=part(parsed.lineage_names),
        marks=marks,
        homonym=homonym.group(1) if homonym else "",
    )
    return person, problem


# biblatex's name annotations (``author+an = {1=equal; 3=corresponding}``), as the
# marks people type by hand for them.
ANNOTATION_MARKS = {
    "equal": "*",
    "equalcontrib": "*",
    "equal-contribution": "*",
    "cofirst": "*",
    "corresponding": "\u2020",
    "corresponding-author": "\u2020",
}
_ANNOTATED_ITEM = re.compile(r"(\d+)(?::[A-Za-z]+)?\s*=\s*(.*)", re.DOTALL)


def annotation_marks(value: str, count: int) -> tuple[dict[int, str], list[str]]:
    """Marks by name position (from 0) in a biblatex ``+an`` field, and the items not understood.

    Annotations other than those of ``ANNOTATION_MARKS`` (``highlight``...) add no
    mark; the field's own annotation (``=...``, no position) is not a name's.
    """
    marks: dict[int, str] = {}
    problems: list[str] = []
    for item in value.split(";"):
        item = item.strip()
        if not item or item.startswith("="):
            continue
        found = _ANNOTATED_ITEM.fullmatch(item)
        if found is None or not 1 <= int(found.group(1)) <= count:
            problems.append(item)
            continue
        for annotation in found.group(2).split(","):
            mark = ANNOTATION_MARKS.get(annotation.strip().lower())
            if mark:
                position = int(found.group(1)) - 1
                marks[position] = marks.get(position, "") + mark
    return marks, problems


def with_marks(person: Person, marks: str) -> Person:
    """``person`` with ``marks`` added after its own, each mark once."""
    joined = "".join(dict.fromkeys(person.marks + marks))
    return person if joined == person.marks else replace(person, marks=joined)
