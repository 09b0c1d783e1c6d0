"""URL safety, DOI links and arXiv links."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_publist.core.urls import arxiv_url, doi_url, safe_url


@pytest.mark.parametrize(
    ("url", "cleaned"),
    [
        ("https://example.org/a?b=1&c=2#d", "https://example.org/a?b=1&c=2#d"),
        ("http://example.org", "http://example.org"),
        ("HTTPS://Example.org/X", "https://Example.org/X"),
        ("  {https://example.org/}  ", "https://example.org/"),
        (r"https://example.org/a\_b\%20c\#d\&e", "https://example.org/a_b%20c#d&e"),
        ("https://example.org/~user", "https://example.org/~user"),
        ("https://example.org/caf\u00e9", "https://example.org/caf\u00e9"),
        ("papers/paper.pdf", "papers/paper.pdf"),
        ("../paper.pdf", "../paper.pdf"),
        ("/abs/path.html", "/abs/path.html"),
        ("#section", "#section"),
        ("?q=1", "?q=1"),
        ("page.html#a:b", "page.html#a:b"),
    ],
)
def test_safe_urls_are_cleaned(url: str, cleaned: str) -> None:
    assert safe_url(url) == cleaned


@pytest.mark.parametrize(
    "url",
    [
        "",
        "   ",
        "{}",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\x00script:alert(1)",
        "\x01javascript:alert(1)",
        "java\u200bscript:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "&#106avascript:alert(1)",
        "javascript&colon;alert(1)",
        "%6Aavascript:alert(1)",
        "jav%61script:alert(1)",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
        "ftp://example.org/",
        "mailto:someone@example.org",
        "//evil.example/",
        "\\\\evil.example\\share",
        "/\\evil.example",
        "https:\\\\evil.example",
        "http:///nohost",
        "https://",
        "http:example.org",
        "https://example.org/has space",
        "https://example.org/javascript:alert(1)",
        "a:b/c",
    ],
)
def test_unsafe_urls_are_rejected(url: str) -> None:
    assert safe_url(url) is None


@pytest.mark.parametrize(
    ("doi", "url"),
    [
        ("10.1000/182", "https://doi.org/10.1000/182"),
        ("doi:10.1000/182", "https://doi.org/10.1000/182"),
        ("DOI: 10.1000/182", "https://doi.org/10.1000/182"),
        ("https://doi.org/10.1000/182", "https://doi.org/10.1000/182"),
        ("http://dx.doi.org/10.1000/182", "https://doi.org/10.1000/182"),
        ("{10.1103/PhysRevB.81.125403}", "https://doi.org/10.1103/PhysRevB.81.125403"),
        (r"10.1000/a\_b", "https://doi.org/10.1000/a_b"),
        (
            "10.1002/(SICI)1097-4636(199601)30:1<1::AID-JBM1>3.0.CO;2-X",
            "https://doi.org/10.1002/(SICI)1097-4636(199601)30:1%3C1::AID-JBM1%3E3.0.CO;2-X",
        ),
        ("10.1000/a#b?c", "https://doi.org/10.1000/a%23b%3Fc"),
        ("https://doi.org/10.1000/a%3Cb", "https://doi.org/10.1000/a%3Cb"),
    ],
)
def test_doi_urls(doi: str, url: str) -> None:
    assert doi_url(doi) == url


@pytest.mark.parametrize(
    "doi",
    ["", "not a doi", "11.1000/182", "10.1000", "10.1000/", "10.1000/a b", "javascript:10.1/x"],
)
def test_invalid_dois(doi: str) -> None:
    assert doi_url(doi) is None


@pytest.mark.parametrize(
    ("eprint", "url"),
    [
        ("2101.00001", "https://arxiv.org/abs/2101.00001"),
        ("arXiv:2101.00001v2", "https://arxiv.org/abs/2101.00001v2"),
        ("0706.0001", "https://arxiv.org/abs/0706.0001"),
        ("hep-th/9901001", "https://arxiv.org/abs/hep-th/9901001"),
        ("math.AG/0101001v1", "https://arxiv.org/abs/math.AG/0101001v1"),
        ("https://arxiv.org/abs/1703.10593", "https://arxiv.org/abs/1703.10593"),
    ],
)
def test_arxiv_urls(eprint: str, url: str) -> None:
    assert arxiv_url(eprint) == url


@pytest.mark.parametrize("eprint", ["", "arXiv:", "2101.1", "hep-th/99", "../etc", "a b/1234567"])
def test_invalid_arxiv_identifiers(eprint: str) -> None:
    assert arxiv_url(eprint) is None


def _visible(text: str) -> str:
    return "".join(
        ch for ch in text if not ch.isspace() and unicodedata.category(ch)[0] not in "CZ"
    )


SCRIPTY = st.builds(
    lambda before, word, after: before + word + after,
    st.text(max_size=10),
    st.sampled_from(["javascript", "JavaScript", "java\tscript", "ja\x00vascript", "JAVA SCRIPT"]),
    st.text(alphabet=st.sampled_from(list(":/()&#;% \t\n\x0bx1")), max_size=10),
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), SCRIPTY))
def test_javascript_is_never_accepted(url: str) -> None:
    result = safe_url(url)
    if "javascript" in _visible(url).lower():
        assert result is None
    if result is not None:
        assert result == result.strip()
        assert _visible(result) == result
        assert (
            result.lower().startswith(("http://", "https://"))
            or ":" not in result.split("/")[0].split("?")[0].split("#")[0]
        )


@pytest.mark.parametrize(
    ("url", "cleaned"),
    [
        # al-folio sites name their PDFs as they were saved.
        ("my paper.pdf", "my%20paper.pdf"),
        ("assets/pdf/M\u00fcller 2020.pdf", "assets/pdf/M%C3%BCller%202020.pdf"),
        ("www.example.org", "https://www.example.org"),
        ("www.example.org/lab?x=1", "https://www.example.org/lab?x=1"),
    ],
)
def test_what_people_write_for_a_link(url: str, cleaned: str) -> None:
    assert safe_url(url) == cleaned


@pytest.mark.parametrize(
    "url", ["https://example.org/my paper.pdf", "java script:alert(1)", "a\tb.pdf", "a\u200bb"]
)
def test_spaces_make_no_absolute_link(url: str) -> None:
    assert safe_url(url) is None


@pytest.mark.parametrize(
    "doi",
    [
        "http://doi.acm.org/10.1145/1234.5678",
        "https://doi.acm.org/10.1145/1234.5678",
        "http://dx.doi.org/10.1145/1234.5678",
        "https://dx.doi.org/10.1145/1234.5678",
        "http://doi.org/10.1145/1234.5678",
        "doi.org/10.1145/1234.5678",
        "https://www.doi.org/10.1145/1234.5678",
        "doi:10.1145/1234.5678",
        "DOI: 10.1145/1234.5678",
    ],
)
def test_every_doi_resolver_is_accepted(doi: str) -> None:
    assert doi_url(doi) == "https://doi.org/10.1145/1234.5678"
