"""Hostile and messy bib files: the build completes, warns where it should, renders the rest.

The hand-written cases live in ``tests/hostile/``; those an editor would mangle
(encodings, NUL bytes, binary data) or that are too big to commit are generated.
Reading and converting without a build (any text, any fields, 20,000 entries) is
tested in ``tests/unit/bib/``.
"""

from __future__ import annotations

import functools
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp

from ..helpers import GENERATED_CONF, HOSTILE, build, html_of, location_of, publist_warnings

ABSTRACT_SENTENCE = "A long abstract repeats itself, with an \\emph{emphasis} now and then. "
ABSTRACT_REPEATS = 5_000_000 // len(ABSTRACT_SENTENCE) + 1


def _entry(key: str, title: str, extra: str = "") -> str:
    return f"@article{{{key},\n  title = {{{title}}},\n  year = {{2001}},{extra}\n}}\n"


GENERATED: dict[str, bytes] = {
    "bom.bib": b"\xef\xbb\xbf" + _entry("bom-entry", "Byte Order Mark").encode(),
    "latin1.bib": _entry("latin1-entry", "Caf\xe9 Cr\xe8me").encode("latin-1"),
    "crlf.bib": (
        _entry("crlf-one", "Windows Line Ends") + "\n@misc{crlf-untitled,\n  year = {2002},\n}\n"
    )
    .replace("\n", "\r\n")
    .encode(),
    "nul.bib": _entry("nul-entry", "Nul\x00 Bytes").encode(),
    "binary.bib": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    "nested.bib": (
        _entry("nested-deep", "{" * 500 + "deep" + "}" * 500)
        + "\n"
        + _entry("nested-after", "After")
    ).encode(),
    "many-authors.bib": _entry(
        "many-authors",
        "Three Thousand Authors",
        "\n  author = {" + " and ".join(f"Family{i}, Given{i}" for i in range(3000)) + "},",
    ).encode(),
    "big-abstract.bib": _entry(
        "big-abstract",
        "A Five Megabyte Abstract",
        f"\n  abstract = {{{ABSTRACT_SENTENCE * ABSTRACT_REPEATS}}},",
    ).encode(),
}


@dataclass(frozen=True)
class Case:
    """One hostile page: its bib files, expected warnings and the entries still listed."""

    name: str
    files: tuple[str, ...]
    warnings: tuple[tuple[str, str], ...]  # (subtype, "file.bib:line")
    keys: tuple[str, ...]
    options: str = ""


CASES = [
    # A broken entry warns at its own first line and keeps what can be kept:
    # the missing comma is read as if it were there,
    Case(
        "syntax",
        ("syntax.bib",),
        (("parse", "syntax.bib:6"),),
        ("syntax-ok1", "syntax-bad", "syntax-ok2"),
    ),
    # the field with the unclosed brace goes, the fields after it stay.
    Case(
        "unclosed",
        ("unclosed.bib",),
        (("parse", "unclosed.bib:6"), ("missing-field", "unclosed.bib:6")),
        ("unclosed-ok1", "unclosed-bad", "unclosed-ok2"),
    ),
    Case("paren", ("paren.bib",), (), ("paren-one", "paren-two")),
    Case(
        "duplicates",
        ("dupes-a.bib", "dupes-b.bib"),
        (("duplicate-key", "dupes-a.bib:6"), ("duplicate-key", "dupes-b.bib:6")),
        ("dup-within", "dup-across", "dup-only-b"),
    ),
    Case(
        "thrice",
        ("thrice.bib",),
        (("duplicate-key", "thrice.bib:2"), ("duplicate-key", "thrice.bib:3")),
        ("thrice", "once"),
    ),
    Case("types", ("types.bib",), (), ("type-foobar", "type-webpage", "type-upper")),
    Case(
        "crossref",
        ("crossref.bib",),
        (("crossref", "crossref.bib:1"),),
        ("xref-orphan", "xref-child", "xref-parent"),
    ),
    Case("strings", ("strings-def.bib", "strings-use.bib"), (), ("strings-user",)),
    Case(
        "strings-late",
        ("late-use.bib", "late-def.bib"),
        (("parse", "late-use.bib:3"), ("parse", "late-use.bib:4")),
        ("strings-user",),
    ),
    Case("comments", ("comments.bib",), (), ("comments-entry",)),
    Case("empty", ("empty.bib",), (("bibfile", "empty.bib:1"),), ()),
    Case("not-bib", ("not-bib.bib",), (("bibfile", "not-bib.bib:1"),), ()),
    Case("binary", ("binary.bib",), (("bibfile", "binary.bib:1"),), ()),
    Case(
        "keys",
        ("keys.bib",),
        (("parse", "keys.bib:1"),),
        (
            "clé-日本語-2020",
            'quote"><img/src=x/onerror=alert(1)>',
            "key:with/punctuation.and-dashes",
        ),
    ),
    Case("bom", ("bom.bib",), (), ("bom-entry",)),
    Case("latin1", ("latin1.bib",), (("bibfile", "latin1.bib:2"),), ("latin1-entry",)),
    Case(
        "crlf",
        ("crlf.bib",),
        (("missing-field", "crlf.bib:6"),),
        ("crlf-one", "crlf-untitled"),
    ),
    Case("nul", ("nul.bib",), (("bibfile", "nul.bib:2"),), ("nul-entry",)),
    # pybtex reads no value nested deeper than 100 braces: the title goes, the year stays.
    Case(
        "nested",
        ("nested.bib",),
        (("parse", "nested.bib:1"), ("missing-field", "nested.bib:1")),
        ("nested-deep", "nested-after"),
    ),
    Case("many-authors", ("many-authors.bib",), (), ("many-authors",)),
    Case("big-abstract", ("big-abstract.bib",), (), ("big-abstract",)),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    srcdir = tmp_path_factory.mktemp("hostile") / "src"
    shutil.copytree(HOSTILE, srcdir, ignore=shutil.ignore_patterns("*.md"))
    for name, content in GENERATED.items():
        (srcdir / name).write_bytes(content)
    # The same files listed in the wrong order, under names of their own.
    shutil.copy(HOSTILE / "strings-use.bib", srcdir / "late-use.bib")
    shutil.copy(HOSTILE / "strings-def.bib", srcdir / "late-def.bib")
    (srcdir / "conf.py").write_text(GENERATED_CONF, encoding="utf-8")
    toctree = "".join(f"   {case.name}\n" for case in [*CASES, XSS])
    (srcdir / "index.rst").write_text(f"Hostile\n=======\n\n.. toctree::\n\n{toctree}")
    for case in [*CASES, XSS]:
        page = f"{case.name}\n{'=' * len(case.name)}\n\n.. publications:: {' '.join(case.files)}\n"
        (srcdir / f"{case.name}.rst").write_text(page + case.options, encoding="utf-8")
    return build(srcdir)


def warnings_about(app: SphinxTestApp, files: tuple[str, ...]) -> list[tuple[str, str]]:
    found = []
    for line in publist_warnings(app):
        where = location_of(line).rsplit("/", 1)[-1]
        if where.split(":")[0] in files:
            found.append((re.search(r"\[publist\.([a-z-]+)\]", line).group(1), where))
    return sorted(found)


@functools.cache
def _big_page(app: SphinxTestApp) -> BeautifulSoup:
    # Parsing a 5 MB page takes a while: once for the module.
    return html_of(app, "big-abstract")


def listed(app: SphinxTestApp, docname: str) -> list[str]:
    page = html_of(app, docname)
    return [
        entry.select_one(".publist-title").get_text() for entry in page.select(".publist-entry")
    ]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_file(built: SphinxTestApp, case: Case) -> None:
    assert warnings_about(built, case.files) == sorted(case.warnings)
    page = html_of(built, case.name) if case.name != "big-abstract" else _big_page(built)
    entries = page.select(".publist-entry")
    assert len(entries) == len(case.keys)
    if not case.keys:
        assert page.select_one(".publist-empty")


def test_decoded_text_is_right(built: SphinxTestApp) -> None:
    assert listed(built, "latin1") == ["Café Crème"]
    assert listed(built, "nul") == ["Nul Bytes"]
    assert listed(built, "bom") == ["Byte Order Mark"]
    assert listed(built, "paren")[0] == "Delimited by Parentheses"


def test_strings_from_another_file_expand(built: SphinxTestApp) -> None:
    venue = html_of(built, "strings").select_one(".publist-venue")
    assert venue.get_text() == "Journal of Reused Strings"


def test_extremes_render_whole(built: SphinxTestApp) -> None:
    authors = html_of(built, "many-authors").select_one(".publist-authors").get_text()
    assert authors.count(",") == 2999
    assert "Given2999 Family2999" in authors
    abstract = _big_page(built).select_one(".publist-abstract-text")
    plain = ABSTRACT_SENTENCE.replace("\\emph{", "").replace("}", "")
    assert abstract.get_text().strip() == (plain * ABSTRACT_REPEATS).strip()
    assert len(abstract.select("em")) == ABSTRACT_REPEATS


def test_unusual_keys_give_unique_valid_ids(built: SphinxTestApp) -> None:
    ids = [entry["id"] for entry in html_of(built, "keys").select(".publist-entry")]
    assert sorted(ids) == [
        "cle---2020",
        "key:with-punctuation.and-dashes",
        "quote-img-src-x-onerror-alert-1-",
    ]


XSS = Case(
    "xss",
    ("xss.bib",),
    (),
    (),
    options="   :group-by: journal\n\n.. publications:: xss.bib\n   :style: plain\n",
)
DANGEROUS_SCHEME = re.compile(r"^(javascript|data|vbscript):", re.IGNORECASE)
SAFE_CLASS = re.compile(r"[A-Za-z0-9_-]+")


def _inert_url(value: str) -> bool:
    squashed = re.sub(r"[\x00-\x20]+", "", value)
    return DANGEROUS_SCHEME.match(squashed) is None


def assert_inert(publist: Tag) -> None:
    """Nothing in the list can run: no scripts, handlers, dangerous URLs or styles."""
    injected = ("script", "img", "iframe", "object", "embed", "svg", "style", "form", "input")
    assert not publist.find_all(injected)
    for element in publist.find_all(True):
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), (element.name, name)
            assert name != "style", element
            values = value if isinstance(value, list) else [value]
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                assert all(_inert_url(item) for item in values), (name, value)
            if name == "class":
                assert all(SAFE_CLASS.fullmatch(item) for item in values), value


def test_hostile_strings_never_become_markup(built: SphinxTestApp) -> None:
    page = html_of(built, "xss")
    lists = page.select("div.publist")
    assert len(lists) == 2
    for publist in lists:
        assert_inert(publist)
        assert len(publist.select(".publist-entry")) == 8
    text = lists[0].get_text()
    assert '<script>alert("title")</script>' in text
    assert '"><img src=x onerror=alert(1)>' in text
    # A hostile value reached an attribute, and stayed a value.
    groups = [group.get("data-publist-group") for group in lists[0].select(".publist-group")]
    assert '</p><iframe src="javascript:alert(1)"></iframe>' in groups
    raw = (Path(built.outdir) / "xss.html").read_text(encoding="utf-8")
    assert "<script>alert" not in raw
    assert "onerror=alert(1)>" not in raw.replace("onerror=alert(1)&gt;", "")


def test_every_unsafe_link_warns_at_its_entry(built: SphinxTestApp) -> None:
    links = [w for w in publist_warnings(built, "link") if "xss.bib" in w]
    assert len(links) >= 10
    assert all(re.search(r"xss\.bib:\d+$", location_of(w)) for w in links)
    assert not [w for w in publist_warnings(built) if "xss.bib:" not in w and "xss" in w]


def test_numbers_too_long_for_python_never_crash(tmp_path: Path) -> None:
    long = "7" * 5000
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(GENERATED_CONF, encoding="utf-8")
    (srcdir / "long.bib").write_text(
        _entry("long-title", f"Part {long}", f"\n  volume = {{{long}}},\n  citations = {{{long}}},")
        + _entry("short-title", "Part 2", "\n  volume = {5},"),
        encoding="utf-8",
    )
    (srcdir / "index.rst").write_text(
        "Long\n====\n\n.. publications:: long.bib\n   :sort: title\n\n"
        ".. publications:: long.bib\n   :filter: volume > 3\n\n"
        f".. publications:: long.bib\n   :filter: year > {long}\n",
        encoding="utf-8",
    )
    app = build(srcdir)
    by_title, by_volume, bad_filter = html_of(app).select("div.publist")
    assert [entry["id"] for entry in by_title.select(".publist-entry")] == [
        "short-title",
        "long-title",
    ]
    # A 5000-digit volume is still greater than 3.
    assert [entry["id"] for entry in by_volume.select(".publist-entry")] == [
        "short-title-2",
        "long-title-2",
    ]
    assert len(bad_filter.select(".publist-entry")) == 2
    (warning,) = publist_warnings(app)
    assert "[publist.filter]" in warning
    assert location_of(warning).endswith("index.rst:10")
