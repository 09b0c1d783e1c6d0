"""Model stage: Markdown in a field (al-folio's ``award``), read as the LaTeX it stands for.

al-folio renders its ``award`` field as Markdown: ``**bold**``, ``*italic*``,
``[text](url)``. markdown-it-py reads it, with only those inline rules on; the
text between stays LaTeX, for the converter, which checks every link's URL.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# Fields written in Markdown by the tools that make them.
MARKDOWN_FIELDS = frozenset({"award"})
# LaTeX's backslashes are hidden from Markdown, whose escapes would eat \' and \&.
_BACKSLASH = "\ue000"
_OPENERS = {"strong_open": "\\textbf{", "em_open": "\\emph{", "s_open": "{"}
_CLOSERS = frozenset({"strong_close", "em_close", "s_close"})


@functools.cache
def _parser() -> MarkdownIt:
    # Imported on first use: it takes a tenth of a second, and few lists have awards.
    from markdown_it import MarkdownIt

    return MarkdownIt("zero").enable(["emphasis", "link", "backticks"])


def markdown_to_latex(source: str) -> str:
    """``source`` with its Markdown emphasis, links and code turned into LaTeX markup."""
    if not any(mark in source for mark in "*_[`"):
        return source
    latex: list[str] = []
    for block in _parser().parseInline(source.replace("\\", _BACKSLASH)):
        for token in block.children or ():
            if token.type == "text":
                latex.append(token.content)
            elif token.type in _OPENERS:
                latex.append(_OPENERS[token.type])
            elif token.type in _CLOSERS or token.type == "link_close":
                latex.append("}")
            elif token.type == "link_open":
                href = str(token.attrs.get("href", "")).replace(_BACKSLASH, "\\")
                # \href reads its URL verbatim, braces balanced.
                latex.append("\\href{" + href.replace("{", "%7B").replace("}", "%7D") + "}{")
            elif token.type == "code_inline":
                latex.append("\\texttt{" + token.content + "}")
            elif token.type == "softbreak":
                latex.append(" ")
    return "".join(latex).replace(_BACKSLASH, "\\")
