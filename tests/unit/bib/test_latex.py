"""LaTeX in bib fields to rich text: tables of inputs, real-world fields, properties."""

# The expected values are typographic characters (dashes, curly quotes) on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import functools
import itertools
import re
import time
from collections.abc import Iterator

import pybtex.errors
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pybtex.database import parse_file

from sphinxcontrib_publist.bib.latex import Conversion, latex_to_plain, latex_to_rich
from sphinxcontrib_publist.core.richtext import (
    DisplayMath,
    Inline,
    Link,
    Math,
    RichText,
    Styled,
    Text,
    plain_text,
)

from ...helpers import CORPUS

NBSP = "\u00a0"
THIN = "\u2009"


def emph(*children: Inline) -> Styled:
    return Styled("emph", children)


@pytest.mark.parametrize(
    ("source", "plain"),
    [
        (r"{\"o}", "ö"),
        (r"\"{o}", "ö"),
        (r"\"o", "ö"),
        (r"M{\"u}ller", "Müller"),
        (r"\'e", "é"),
        (r"\'{E}", "É"),
        (r"\`a", "à"),
        (r"\^{\i}", "î"),
        (r"\^\i", "î"),
        (r"\"{\i}", "ï"),
        (r"\~n", "ñ"),
        (r"\v{c}", "č"),
        (r"\v c", "č"),
        (r"\c{c}", "ç"),
        (r"\c c", "ç"),
        (r"\H{o}", "ő"),
        (r"\k{a}", "ą"),
        (r"\r{a}", "å"),
        (r"\.{z}", "ż"),
        (r"\={a}", "ā"),
        (r"\u{g}", "ğ"),
        (r"\d{s}", "ṣ"),
        (r"\t{oo}", "o\u0361o"),
        (r"\'{\ae}", "ǽ"),
        (r"{\ss}", "ß"),
        (r"Stra{\ss}e", "Straße"),
        (r"\ss{}e", "ße"),
        (r"{\o}", "ø"),
        (r"{\O}", "Ø"),
        (r"{\aa}", "å"),
        (r"{\AA}", "Å"),
        (r"{\ae}", "æ"),
        (r"{\oe}", "œ"),
        (r"{\l}", "ł"),
        (r"{\L}ukasz", "Łukasz"),
        (r"{\i}", "ı"),
        (r"\&", "&"),
        (r"50\%", "50%"),
        (r"\$5", "$5"),
        (r"a\_b", "a_b"),
        (r"\#1", "#1"),
        (r"\{x\}", "{x}"),
        (r"\"{}", "¨"),
        (r"\textendash", "–"),
        (r"\textemdash", "—"),
        (r"\textbackslash", "\\"),
        (r"\ldots", "…"),
        (r"\dots", "…"),
        (r"\copyright", "©"),
        (r"\textdegree C", "°C"),
    ],
)
def test_accents_and_special_characters(source: str, plain: str) -> None:
    assert latex_to_plain(source) == plain


@pytest.mark.parametrize(
    ("source", "plain"),
    [
        ("pages 1--10", "pages 1–10"),
        ("wait---what", "wait—what"),
        ("a-b", "a-b"),
        ("-{}-", "--"),
        ("Fig.~1", f"Fig.{NBSP}1"),
        ("``quotes''", "“quotes”"),
        ("`single'", "‘single’"),
        ("don't", "don’t"),
        (r"``simulation-driven''", "“simulation-driven”"),
        ("a\\\\b", "a b"),
        (r"a\newline b", "a b"),
        (r"a\ b", "a b"),
        (r"TUG\,2013", f"TUG{THIN}2013"),
        (r"a\thinspace b", f"a{THIN}b"),
        (r"vs.\ them", "vs. them"),
        (r"hy\-phen", "hyphen"),
        (r"\textit{it}\/ here", "it here"),
        ("  many \t spaces\nand\r\nlines  ", "many spaces and lines"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_ligatures_spaces_and_breaks(source: str, plain: str) -> None:
    assert latex_to_plain(source) == plain


@pytest.mark.parametrize(
    ("source", "rich"),
    [
        (r"\emph{x}", (emph(Text("x")),)),
        (r"\textit{x}", (emph(Text("x")),)),
        (r"\textsl{x}", (emph(Text("x")),)),
        (r"\textbf{x}", (Styled("strong", (Text("x"),)),)),
        (r"\texttt{x}", (Styled("code", (Text("x"),)),)),
        (r"\textsc{x}", (Styled("smallcaps", (Text("x"),)),)),
        (r"\textsuperscript{th}", (Styled("sup", (Text("th"),)),)),
        (r"\textsubscript{2}", (Styled("sub", (Text("2"),)),)),
        (r"\underline{u}", (Styled("underline", (Text("u"),)),)),
        (r"\emph {spaced}", (emph(Text("spaced")),)),
        (r"\emph x", (emph(Text("x")),)),
        (r"\emph{}", ()),
        (r"{\it x}", (emph(Text("x")),)),
        (r"{\em x}", (emph(Text("x")),)),
        (r"{\bf x}", (Styled("strong", (Text("x"),)),)),
        (r"{\sc x}", (Styled("smallcaps", (Text("x"),)),)),
        (r"{\tt x}", (Styled("code", (Text("x"),)),)),
        (r"{\rm x}", (Text("x"),)),
        (r"a {\it b} c", (Text("a "), emph(Text("b")), Text(" c"))),
        (r"{\it a {\bf b}}", (emph(Text("a "), Styled("strong", (Text("b"),))),)),
        (r"\emph{a \textbf{b} c}", (emph(Text("a "), Styled("strong", (Text("b"),)), Text(" c")),)),
        (r"\emph{trailing } ", (emph(Text("trailing")),)),
        (r"{\bf unclosed", (Styled("strong", (Text("unclosed"),)),)),
        (r"\mkbibquote{Q}", (Text("“Q”"),)),
        (r"\path|a@b.org|", (Styled("code", (Text("a@b.org"),)),)),
        ("\\verb!a\n  b!", (Styled("code", (Text("a b"),)),)),
    ],
)
def test_styles(source: str, rich: RichText) -> None:
    assert latex_to_rich(source).rich == rich


@pytest.mark.parametrize(
    ("source", "rich"),
    [
        (r"$p(y | \x)$", (Math(r"p(y | \x)"),)),
        ("Cu$_2$O", (Text("Cu"), Math("_2"), Text("O"))),
        (r"\(a+b\)", (Math("a+b"),)),
        ("$$E = mc^2$$", (DisplayMath("E = mc^2"),)),
        (r"\[x\]", (DisplayMath("x"),)),
        (r"$\$5$", (Math(r"\$5"),)),
        (r"$\frac{a}{b}$ c", (Math(r"\frac{a}{b}"), Text(" c"))),
        (r"\ensuremath{\alpha}", (Math(r"\alpha"),)),
        ("a $ lone", (Text("a $ lone"),)),
        (r"a \( lone", (Text("a lone"),)),
        ("$$ lone", (Text("$$ lone"),)),
        ("$ $ empty", (Text("empty"),)),
        ("50% of $x$", (Text("50% of "), Math("x"))),
    ],
)
def test_math_is_kept_verbatim(source: str, rich: RichText) -> None:
    assert latex_to_rich(source).rich == rich


@pytest.mark.parametrize(
    ("source", "rich", "unsafe"),
    [
        (
            r"\url{https://example.org/a\_b}",
            (Link("https://example.org/a_b", (Text("https://example.org/a_b"),)),),
            (),
        ),
        (
            r"see \href{https://x.org}{\emph{here}}",
            (Text("see "), Link("https://x.org", (emph(Text("here")),))),
            (),
        ),
        (r"\href{javascript:alert(1)}{click}", (Text("click"),), ("javascript:alert(1)",)),
        (r"\url{data:text/html,x}", (Text("data:text/html,x"),), ("data:text/html,x",)),
        (
            r"\href{https://a.org}{\url{https://b.org}}",
            (Link("https://a.org", (Text("https://b.org"),)),),
            (),
        ),
    ],
)
def test_links_only_when_safe(source: str, rich: RichText, unsafe: tuple[str, ...]) -> None:
    conversion = latex_to_rich(source)
    assert (conversion.rich, conversion.unsafe_links) == (rich, unsafe)


@pytest.mark.parametrize(
    ("source", "plain"),
    [
        ("{{Double}} {{Braces}}", "Double Braces"),
        ("The {DNA} of {{GaN}}", "The DNA of GaN"),
        (r"\TeX", "TeX"),
        (r"\LaTeX{} is", "LaTeX is"),
        (r"{\LaTeX} is", "LaTeX is"),
        (r"\TeX\ for all", "TeX for all"),
        (r"The \TeX book", "The TeXbook"),
        (r"\BibTeX", "BibTeX"),
        (r"\LaTeXe", "LaTeX2ε"),
        (r"\XeLaTeX", "XeLaTeX"),
        (r"\MF{} and \MP", "METAFONT and MetaPost"),
        (r"{\TUB} \acro{TUG}", "TUGboat TUG"),
        (r"\PDF{} files", "PDF files"),
        (r"Library\Dash What", "Library—What"),
        (r"\nth{21} and \nth{2}", "21st and 2nd"),
        (r"\nth{12}", "12th"),
        (r"DVIto\kern-.15em VDU", "DVItoVDU"),
        (r"{\tt\char`\\let}", "\\let"),
        (r"{\tt\char65}", "A"),
        (r"\noopsort{1973b}1973", "1973"),
        (r"Type-\{\vphantom\}{{II}}\vphantom\{\}", "Type-{II}"),
        (r"100\textasciimacron{}1", "100¯1"),
        ("a%\n  b", "ab"),
        ("a\n% a comment\nb", "a b"),
        ("50% of", "50% of"),
        ("a 50 % b", "a 50 % b"),
    ],
)
def test_braces_logos_and_comments(source: str, plain: str) -> None:
    assert latex_to_plain(source) == plain


@pytest.mark.parametrize(
    ("source", "plain", "unknown"),
    [
        (r"\foo{arg}", "arg", ("\\foo",)),
        (r"a \foo b", "a b", ("\\foo",)),
        (r"\foo \bar{x} \foo{y}", "x y", ("\\foo", "\\bar")),
        (r"\<", "", ("\\<",)),
        (r"\'{\nosuchletter}", "", ("\\nosuchletter",)),
        (r"\emph{known}", "known", ()),
    ],
)
def test_unknown_macros_keep_their_argument(
    source: str, plain: str, unknown: tuple[str, ...]
) -> None:
    conversion = latex_to_rich(source)
    assert (plain_text(conversion.rich), conversion.unknown_macros) == (plain, unknown)


@pytest.mark.parametrize(
    "source",
    [
        "unbalanced { braces",
        "unbalanced } braces }}",
        "a lone $ dollar",
        "trailing backslash \\",
        "\\",
        "{" * 500 + "deep" + "}" * 500,
        "\\emph{" * 500 + "deep" + "}" * 500,
        "{\\bf " * 500 + "deep",
        "\\href{https://x.org}{" * 100,
        "\\url{" * 1000,
        "\\'" * 1000,
        "$$" * 1001,
        "\\(" * 1000,
        "%\n" * 1000,
        "\\char",
        '\\char"110000',
        "\\path|unclosed",
        "\\verb",
        "\\kern",
        "\\nth{}",
    ],
)
def test_malformed_input_never_raises(source: str) -> None:
    assert isinstance(latex_to_rich(source), Conversion)
    assert isinstance(latex_to_plain(source), str)


def test_deep_styles_are_capped() -> None:
    rich = latex_to_rich("\\emph{" * 500 + "deep" + "}" * 500).rich
    assert plain_text(rich) == "deep"
    assert _depth(rich) <= 40


@pytest.mark.parametrize(
    "source",
    [
        "{" * 200_000 + "x" + "}" * 200_000,
        "\\url{" * 100_000,
        "\\(" * 100_000,
        "$$ " + "$ " * 100_000,
        "{\\em " * 100_000,
        "\\foo" * 100_000,
        "a%" * 100_000,
        "\n%" * 100_000,
        "\\'{a" + " " * 100_000,
        "\\kern" + "1" * 100_000,
        "\\char" + "9" * 100_000,
        "".join(f"\\path{chr(0x4E00 + i)}" for i in range(20_000)),
    ],
)
def test_pathological_input_stays_fast(source: str) -> None:
    started = time.perf_counter()
    latex_to_rich(source)
    assert time.perf_counter() - started < 5.0


def test_five_megabytes_convert() -> None:
    chunk = (
        r"Cu$_2$O films {\it grown} at 50\% --- see \emph{Fig.~1} and ``this''. "
        "We consider the problem of learning representations that achieve group and subgroup "
        "fairness with respect to multiple sensitive attributes, and we show empirically that "
        "the resulting encoder allows for the adaptation of a single representation. "
    )
    source = chunk * (5_000_000 // len(chunk))
    started = time.perf_counter()
    plain = latex_to_plain(source)
    assert time.perf_counter() - started < 30.0
    assert plain.startswith("Cu_2O films grown at 50% — see Fig.\u00a01 and “this”. We")
    assert plain.endswith("representation.")


@pytest.mark.parametrize(
    ("source", "rich"),
    [
        (
            r"a standard discriminative classifier of $p(y | \x)$ as an energy based model",
            (
                Text("a standard discriminative classifier of "),
                Math(r"p(y | \x)"),
                Text(" as an energy based model"),
            ),
        ),
        (
            r"but are also \emph{flexibly fair}, meaning",
            (Text("but are also "), emph(Text("flexibly fair")), Text(", meaning")),
        ),
        (
            r"examples from other {\it distractor} classes",
            (Text("examples from other "), emph(Text("distractor")), Text(" classes")),
        ),
        (
            r"the resulting encoder---which does not require",
            (Text("the resulting encoder—which does not require"),),
        ),
        (
            r"an ``simulation-driven'' approach",
            (Text("an “simulation-driven” approach"),),
        ),
        (
            r"{\"U}ber die M{\"o}glichkeit der Conjunktion",
            (Text("Über die Möglichkeit der Conjunktion"),),
        ),
        (
            r"{On {\TeX} and Greek\dots}",
            (Text("On TeX and Greek…"),),
        ),
        (
            r"{A {\MF}--{\acro{EPS}} interface}",
            (Text("A METAFONT–EPS interface"),),
        ),
        (
            r"{\'{E}}tude de l'oxyde entre $80$ et $1000\,\mathrm{K}$",
            (Text("Étude de l’oxyde entre "), Math("80"), Text(" et "), Math(r"1000\,\mathrm{K}")),
        ),
        (
            r"{{III}}\textendash{{V}} Nanowires",
            (Text("III–V Nanowires"),),
        ),
    ],
)
def test_real_world_fields(source: str, rich: RichText) -> None:
    assert latex_to_rich(source).rich == rich


@pytest.mark.parametrize(
    "source",
    [
        "plain words only",
        "  spaced   words\n",
        r"{\"o} and \emph{x} and $y$ --- {\it z}",
        "unbalanced { $ \\",
    ],
)
def test_plain_is_the_text_of_rich(source: str) -> None:
    assert latex_to_plain(source) == plain_text(latex_to_rich(source).rich)


# Real-world files: titles and abstracts never leave a backslash behind.

CORPUS_FILES = [
    "tugboat.bib",
    "jabref-groups-abstracts.bib",
    "biblatex-examples.bib",
    "zotero-bbt-7166.bib",
]
# Commands whose output legitimately is a backslash ({\tt\bs relax}, {\tt\char`\\let}).
BACKSLASH_MAKERS = re.compile(r"\\(?:bs|textbackslash|backslash)(?![A-Za-z])|\\char\s*`\\\\")


@functools.cache
def _corpus_fields(name: str) -> list[str]:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"corpus file {path} not available")
    with pybtex.errors.capture():
        data = parse_file(str(path))
    return [
        value
        for entry in data.entries.values()
        for field_name, value in entry.fields.items()
        if field_name.lower() in ("title", "abstract")
    ]


def _texts(rich: RichText) -> Iterator[str]:
    pending = list(rich)
    while pending:
        node = pending.pop()
        if isinstance(node, Text):
            yield node.value
        elif isinstance(node, (Styled, Link)):
            pending.extend(node.children)


def _depth(rich: RichText) -> int:
    deepest, pending = 0, [(node, 1) for node in rich]
    while pending:
        node, depth = pending.pop()
        deepest = max(deepest, depth)
        if isinstance(node, (Styled, Link)):
            pending.extend((child, depth + 1) for child in node.children)
    return deepest


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_leaves_no_backslash(name: str) -> None:
    fields = _corpus_fields(name)
    assert fields
    for value in fields:
        conversion = latex_to_rich(value)
        backslashes = sum(text.count("\\") for text in _texts(conversion.rich))
        allowed = len(BACKSLASH_MAKERS.findall(value))
        assert conversion.unknown_macros or backslashes <= allowed, value


def test_corpus_unknown_macros_are_rare() -> None:
    fields = _corpus_fields("tugboat.bib")
    with_unknown = [value for value in fields if latex_to_rich(value).unknown_macros]
    assert len(with_unknown) < len(fields) / 20


# Properties.

LATEXISH = st.lists(
    st.sampled_from(
        [
            *"ab xyZ\\{}$%~-`'\"^_&#()[]|,.\n\t",
            "\\emph",
            "\\it ",
            "\\url",
            "\\href",
            "\\'",
            '\\"',
            "\\v",
            "\\c",
            "\\i",
            "\\ss",
            "\\(",
            "\\)",
            "\\[",
            "\\]",
            "$$",
            "\\TeX",
            "\\foo",
            "\\char",
            "\\path",
            "\\nth",
        ]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), LATEXISH))
def test_conversion_never_raises(source: str) -> None:
    conversion = latex_to_rich(source)
    assert latex_to_plain(source) == plain_text(conversion.rich)
    assert len(set(conversion.unknown_macros)) == len(conversion.unknown_macros)


@settings(max_examples=300, deadline=None)
@given(LATEXISH)
@example("\\path\\emph\n\\\n")
def test_text_nodes_are_merged_and_trimmed(source: str) -> None:
    rich = latex_to_rich(source).rich
    for siblings in _sibling_lists(rich):
        for left, right in itertools.pairwise(siblings):
            assert not (isinstance(left, Text) and isinstance(right, Text))
    plain = plain_text(rich)
    assert plain == plain.strip(" ")
    assert "\n" not in "".join(_texts(rich))


# Balanced braces, no escaped braces, no math, no verbatim (\url{a{b}} shows its braces).
BALANCED_LEAF = st.lists(
    st.sampled_from(
        [
            *"ab cD-'`~,.%\n",
            "\\emph",
            "\\'",
            '\\"',
            "\\^",
            "\\v ",
            "\\i",
            "\\TeX",
            "\\foo",
            "\\it ",
            "\\bf ",
            "\\ss",
            "\\&",
            "\\\\",
            "\\nth",
            "\\mkbibquote",
        ]
    ),
    max_size=8,
).map("".join)
BALANCED_PLAIN = st.recursive(
    BALANCED_LEAF,
    lambda inner: st.one_of(
        inner.map(lambda text: "{" + text + "}"),
        inner.map(lambda text: "\\emph{" + text + "}"),
        inner.map(lambda text: "{\\bf " + text + "}"),
        st.tuples(inner, inner).map("".join),
    ),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(BALANCED_PLAIN)
def test_balanced_braces_never_show(source: str) -> None:
    plain = latex_to_plain(source)
    assert "{" not in plain
    assert "}" not in plain
    assert all(not isinstance(node, Math) for node in latex_to_rich(source).rich)


def _sibling_lists(rich: RichText) -> Iterator[RichText]:
    pending = [rich]
    while pending:
        siblings = pending.pop()
        yield siblings
        pending.extend(node.children for node in siblings if isinstance(node, (Styled, Link)))
