"""Rich text: what a reader sees of it, and plain strings as rich text."""

from __future__ import annotations

import pytest

from sphinxcontrib_publist.core.diagnostics import PublistError
from sphinxcontrib_publist.core.richtext import (
    EMPTY,
    Link,
    Math,
    Name,
    RichText,
    Styled,
    Text,
    plain_text,
    text,
)


@pytest.mark.parametrize(
    ("rich", "plain"),
    [
        (EMPTY, ""),
        ((Text("a"), Text(" b")), "a b"),
        ((Styled("emph", (Text("deep "), Styled("strong", (Text("nets"),)))),), "deep nets"),
        ((Text("energy "), Math(r"E = mc^2")), r"energy E = mc^2"),
        ((Link("https://a.org", (Text("here"),)),), "here"),
        ((Name("Ada Lovelace", highlighted=True, url="https://a.org"), Text(" et al.")),
         "Ada Lovelace et al."),
    ],
)  # fmt: skip
def test_plain_text(rich: RichText, plain: str) -> None:
    assert plain_text(rich) == plain


@pytest.mark.parametrize(("value", "rich"), [("", ()), ("x", (Text("x"),)), (" ", (Text(" "),))])
def test_text(value: str, rich: RichText) -> None:
    assert text(value) == rich


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (PublistError("bad"), "bad"),
        (PublistError("bad", 0), "bad (at character 1)"),
        (PublistError("bad", 41), "bad (at character 42)"),
    ],
)
def test_a_publist_error_says_where_counting_from_one(error: PublistError, shown: str) -> None:
    assert str(error) == shown
    assert error.message == "bad"
