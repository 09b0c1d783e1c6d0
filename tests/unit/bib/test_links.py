"""Entry links: each kind, its label and URL, hostile URLs dropped and reported."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_publist.bib.links import (
    DEFAULT_LINK_FIELDS,
    EntryLink,
    entry_links,
    link_problems,
)
from sphinxcontrib_publist.bib.model import Publication
from sphinxcontrib_publist.core.diagnostics import Subtype


def publication(**fields: str) -> Publication:
    return Publication(
        key="k",
        entry_type="article",
        fields=dict(fields),
        raw_fields=dict(fields),
        source="refs.bib",
        line=7,
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"url": "https://example.org/p"}, ("url", "URL", "https://example.org/p", False)),
        ({"doi": "10.1000/xyz"}, ("doi", "DOI", "https://doi.org/10.1000/xyz", False)),
        (
            {"doi": "https://doi.org/10.1000/xyz"},
            ("doi", "DOI", "https://doi.org/10.1000/xyz", False),
        ),
        (
            {"eprint": "2110.11346", "archiveprefix": "arXiv"},
            ("arxiv", "arXiv", "https://arxiv.org/abs/2110.11346", False),
        ),
        (
            {"eprint": "hep-th/9901001", "eprinttype": "arxiv"},
            ("arxiv", "arXiv", "https://arxiv.org/abs/hep-th/9901001", False),
        ),
        ({"pdf": "papers/p.pdf"}, ("pdf", "PDF", "papers/p.pdf", True)),
        ({"pdf": "/papers/p.pdf"}, ("pdf", "PDF", "/papers/p.pdf", True)),
        ({"code": "https://github.com/a/b"}, ("code", "Code", "https://github.com/a/b", False)),
        ({"slides": "http://example.org/s"}, ("slides", "Slides", "http://example.org/s", False)),
        ({"video": "https://youtu.be/x"}, ("video", "Video", "https://youtu.be/x", False)),
        ({"poster": "poster.png"}, ("poster", "Poster", "poster.png", True)),
        ({"project": "https://p.org/"}, ("project", "Project", "https://p.org/", False)),
    ],
)
def test_each_link_kind(fields: dict[str, str], expected: tuple[str, str, str, bool]) -> None:
    assert entry_links(publication(**fields), DEFAULT_LINK_FIELDS) == (EntryLink(*expected),)
    assert link_problems(publication(**fields), DEFAULT_LINK_FIELDS) == []


def test_links_follow_the_mapping_order_and_labels() -> None:
    pub = publication(code="https://c.org", pdf="https://p.org/a.pdf", blog="https://b.org")
    links = entry_links(pub, {"blog": "Blog post", "pdf": "Paper", "code": "Code"})
    assert [(link.kind, link.label_key) for link in links] == [
        ("blog", "Blog post"),
        ("pdf", "Paper"),
        ("code", "Code"),
    ]


def test_a_field_missing_from_the_mapping_gives_no_link() -> None:
    assert entry_links(publication(code="https://c.org"), {"pdf": "PDF"}) == ()


def test_the_same_url_is_linked_once() -> None:
    pub = publication(url="https://doi.org/10.1000/xyz", doi="10.1000/xyz")
    # The url is the DOI's link, and says so.
    assert [link.kind for link in entry_links(pub, DEFAULT_LINK_FIELDS)] == ["doi"]


def test_an_eprint_of_another_archive_is_silently_ignored() -> None:
    pub = publication(eprint="hal-01234", eprinttype="HAL")
    assert entry_links(pub, DEFAULT_LINK_FIELDS) == ()
    assert link_problems(pub, DEFAULT_LINK_FIELDS) == []


HOSTILE = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "&#106;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "\\\\evil\\share",
    "jav\u200bascript:alert(1)",
]


@pytest.mark.parametrize("field", ["url", "pdf", "code", "slides", "video", "poster", "project"])
@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_urls_are_dropped_and_reported(field: str, value: str) -> None:
    pub = publication(**{field: value})
    assert entry_links(pub, DEFAULT_LINK_FIELDS) == ()
    problems = link_problems(pub, DEFAULT_LINK_FIELDS)
    assert len(problems) == 1
    assert problems[0].subtype is Subtype.LINK
    assert (problems[0].source, problems[0].line) == ("refs.bib", 7)
    assert field in problems[0].message


@pytest.mark.parametrize(
    ("fields", "expected_word"),
    [
        ({"doi": "javascript:alert(1)"}, "DOI"),
        ({"eprint": "javascript:alert(1)", "eprinttype": "arxiv"}, "arXiv"),
        ({"arxiv": "not an id"}, "arXiv"),
    ],
)
def test_bad_identifiers_are_reported(fields: dict[str, str], expected_word: str) -> None:
    pub = publication(**fields)
    problems = link_problems(pub, DEFAULT_LINK_FIELDS)
    assert [expected_word in problem.message for problem in problems] == [True]
    assert entry_links(pub, {**DEFAULT_LINK_FIELDS, "arxiv": "arXiv"}) == ()


SCHEMES = st.sampled_from(["", "javascript:", "JAVASCRIPT:", "data:", "http://", "https://", "//"])


@settings(max_examples=300, deadline=None)
@given(
    field=st.sampled_from(sorted(DEFAULT_LINK_FIELDS)), scheme=SCHEMES, rest=st.text(max_size=40)
)
def test_every_emitted_link_is_http_or_relative(field: str, scheme: str, rest: str) -> None:
    fields = {field: scheme + rest}
    if field == "eprint":
        fields["archiveprefix"] = "arXiv"
    for link in entry_links(publication(**fields), DEFAULT_LINK_FIELDS):
        lowered = link.url.lower()
        assert lowered.startswith(("http://", "https://")) or (
            ":" not in link.url.split("/")[0] and not link.url.startswith("//")
        )
        assert not lowered.startswith(("javascript", "vbscript", "data:"))
        assert all(char.isprintable() and not char.isspace() for char in link.url)


@pytest.mark.parametrize(
    "url",
    [
        "https://doi.org/10.1103/PhysRev.47.777",
        "http://dx.doi.org/10.1103/PhysRev.47.777",
        "http://doi.acm.org/10.1103/PhysRev.47.777",
    ],
)
def test_a_url_that_is_the_doi_is_shown_as_the_doi(url: str) -> None:
    pub = publication(url=url, doi="10.1103/PhysRev.47.777")
    assert entry_links(pub, DEFAULT_LINK_FIELDS) == (
        EntryLink("doi", "DOI", "https://doi.org/10.1103/PhysRev.47.777"),
    )


def test_al_folio_link_fields_are_understood() -> None:
    # From al-folio's sample papers.bib.
    pub = publication(
        arxiv="1706.03762",
        html="https://journals.aps.org/pr/abstract/10.1103/PhysRev.47.777",
        pdf="example pdf.pdf",
        supp="supplementary.pdf",
        blog="https://blog.example.org/post",
        website="www.example.org",
        poster="poster.pdf",
    )
    links = entry_links(pub, DEFAULT_LINK_FIELDS)
    assert [(link.kind, link.label_key, link.url) for link in links] == [
        ("arxiv", "arXiv", "https://arxiv.org/abs/1706.03762"),
        ("html", "HTML", "https://journals.aps.org/pr/abstract/10.1103/PhysRev.47.777"),
        ("pdf", "PDF", "example%20pdf.pdf"),
        ("supp", "Supplementary", "supplementary.pdf"),
        ("poster", "Poster", "poster.pdf"),
        ("blog", "Blog", "https://blog.example.org/post"),
        ("website", "Website", "https://www.example.org"),
    ]
    assert link_problems(pub, DEFAULT_LINK_FIELDS) == []


def test_a_link_with_a_space_inside_is_reported_and_not_linked() -> None:
    pub = publication(code="https://github.com/example/my repo")
    assert entry_links(pub, DEFAULT_LINK_FIELDS) == ()
    (problem,) = link_problems(pub, DEFAULT_LINK_FIELDS)
    assert problem.subtype is Subtype.LINK
    assert (problem.source, problem.line) == ("refs.bib", 7)
    assert "has a space inside" in problem.message


def test_bibbase_url_fields_are_links_labelled_by_their_suffix() -> None:
    entry = publication(
        url_paper="https://example.org/p.pdf",
        url_code="https://github.com/x/y",
        url_talk_video="https://example.org/v",
        url_slides="javascript:alert(1)",
    )
    assert [
        (link.kind, link.label_key, link.url) for link in entry_links(entry, DEFAULT_LINK_FIELDS)
    ] == [
        ("url", "Paper", "https://example.org/p.pdf"),
        ("code", "Code", "https://github.com/x/y"),
        ("url", "Talk video", "https://example.org/v"),
    ]
    (problem,) = link_problems(entry, [])
    assert (problem.subtype, problem.line) == (Subtype.LINK, entry.line)
    assert "url_slides" in problem.message
