"""JATS and HTML in abstracts (Crossref, Zotero's "add by DOI") become markup, never raw tags."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_publist.bib.field_text import field_to_rich
from sphinxcontrib_publist.bib.latex import Conversion, latex_to_rich
from sphinxcontrib_publist.bib.latex_html import html_to_latex
from sphinxcontrib_publist.core.richtext import Break, Listing, Math, Styled, Text, plain_text


def abstract(source: str) -> Conversion:
    return field_to_rich("abstract", source)


def shown(source: str) -> str:
    return plain_text(abstract(source).rich)


# As Crossref's API gives an abstract, and Zotero stores it.
CROSSREF = (
    "<jats:title>Abstract</jats:title><jats:p>The <jats:italic>in vitro</jats:italic> "
    "CO<jats:sub>2</jats:sub> uptake rose 10<jats:sup>5</jats:sup>-fold &amp; "
    "<jats:bold>fast</jats:bold>.</jats:p>\n<jats:p>We conclude.</jats:p>"
)


def test_a_jats_abstract_becomes_paragraphs_and_styles() -> None:
    conversion = abstract(CROSSREF)
    assert conversion.rich == (
        Styled("strong", (Text("Abstract"),)),
        Break(),
        Text("The "),
        Styled("emph", (Text("in vitro"),)),
        Text(" CO"),
        Styled("sub", (Text("2"),)),
        Text(" uptake rose 10"),
        Styled("sup", (Text("5"),)),
        Text("-fold & "),
        Styled("strong", (Text("fast"),)),
        Text("."),
        Break(),
        Text("We conclude."),
    )
    assert conversion.unknown_macros == ()


@pytest.mark.parametrize(
    ("source", "rich"),
    [
        ("<p>One</p><p>Two</p>", (Text("One"), Break(), Text("Two"))),
        ("One<br>two<br/>three", (Text("One"), Break(), Text("two"), Break(), Text("three"))),
        (
            "<i>a</i> <em>b</em>",
            (Styled("emph", (Text("a"),)), Text(" "), Styled("emph", (Text("b"),))),
        ),
        (
            "<b>a</b><strong>b</strong>",
            (Styled("strong", (Text("a"),)), Styled("strong", (Text("b"),))),
        ),
        ("H<sub>2</sub>O", (Text("H"), Styled("sub", (Text("2"),)), Text("O"))),
        # Badly nested or unclosed tags still close, with the field at the latest.
        (
            "<b>x <i>y</b> z",
            (Styled("strong", (Text("x "), Styled("emph", (Text("y"),)))), Text(" z")),
        ),
        ("<p><i>open to the end</p>", (Styled("emph", (Text("open to the end"),)),)),
        ("<ul><li>a</li><li>b</li></ul>", (Listing(((Text("a"),), (Text("b"),))),)),
        (
            '<jats:list list-type="order"><jats:list-item><jats:p>a</jats:p></jats:list-item></jats:list>',
            (Listing(((Text("a"),),), ordered=True),),
        ),
        # Other tags go, their text stays; scripts and styles go whole.
        ('<span class="x">kept</span> <font>too</font>', (Text("kept too"),)),
        ("<p>a</p><script>alert(1)</script><style>p{}</style>", (Text("a"),)),
        ("<p>&lt;b&gt; is a tag</p>", (Text("<b> is a tag"),)),
        ("<p>ok</p><![CDATA[data]]>", (Text("ok"), Break(), Text("data"))),
    ],
)
def test_html_tags(source: str, rich: tuple[object, ...]) -> None:
    assert abstract(source).rich == rich


@pytest.mark.parametrize(
    "source",
    [r"$a<b$ and $c>d$", "if x < y and y > z", "a <b and c> d", "<<>>"],
)
def test_less_than_signs_alone_are_not_html(source: str) -> None:
    assert shown(source) == plain_text(latex_to_rich(source).rich)
    assert "<" in shown(source) or any(isinstance(node, Math) for node in abstract(source).rich)


def test_only_abstracts_are_read_as_html() -> None:
    # A title is LaTeX: its tags are text, shown as such (and escaped by the writers).
    title = "Breaking </script><script>alert(1)</script> out"
    assert plain_text(field_to_rich("title", title).rich) == title


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "<p>",
                    "</p>",
                    "<jats:italic>",
                    "</jats:italic>",
                    "<b>",
                    "</b>",
                    "<br>",
                    "<ul>",
                    "<li>",
                    "</ul>",
                    "<!--",
                    "-->",
                    "<![CDATA[",
                    "]]>",
                    "<",
                    ">",
                    "&amp;",
                    "&",
                    "{",
                    "}",
                    "\\",
                    "$",
                    "<script>",
                ]
            ),
            st.text(max_size=5),
        ),
        max_size=30,
    )
)
def test_any_markup_converts_without_raising_or_showing_a_tag(parts: list[str]) -> None:
    source = "".join(parts) + "</b>"
    html_to_latex(source)
    text = shown(source)
    for tag in ("<p>", "</p>", "<jats:italic>", "<script>", "</b>"):
        assert tag not in text
