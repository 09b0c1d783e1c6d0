"""Model stage: HTML and JATS markup in a field, read as the LaTeX it stands for.

Crossref and publishers' sites give abstracts as JATS (``<jats:p>``,
``<jats:italic>``) or HTML, and reference managers paste them into bib files as
they are. The tags become the LaTeX markup the converter knows (paragraphs,
emphasis, bold, sub- and superscripts, lists); other tags are dropped, their
text kept. The stdlib's HTML parser reads them, so nothing it cannot parse is
ever shown or passed on as markup.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# Fields copied from where they are written in HTML.
HTML_FIELDS = frozenset({"abstract"})
# Only a field with a closing tag, a line break or a JATS tag is HTML: a "<" in
# text or math ("$a<b$ and $c>d$") never is.
HTML_MARKUP = re.compile(
    r"</(?:jats:)?[A-Za-z][A-Za-z0-9-]*\s*>|<br\s*/?>|<jats:[a-z]", re.IGNORECASE
)
# Tag (its namespace prefix dropped) -> the LaTeX that opens it and closes it.
STYLES = {
    "i": ("\\textit{", "}"),
    "em": ("\\textit{", "}"),
    "italic": ("\\textit{", "}"),
    "b": ("\\textbf{", "}"),
    "strong": ("\\textbf{", "}"),
    "bold": ("\\textbf{", "}"),
    "sub": ("\\textsubscript{", "}"),
    "sup": ("\\textsuperscript{", "}"),
    "sc": ("\\textsc{", "}"),
    "u": ("\\underline{", "}"),
    "underline": ("\\underline{", "}"),
    "code": ("\\texttt{", "}"),
    "tt": ("\\texttt{", "}"),
    "monospace": ("\\texttt{", "}"),
    "title": ("\\par\\textbf{", "}\\par "),
    "ul": ("\\begin{itemize}", "\\end{itemize}"),
    "ol": ("\\begin{enumerate}", "\\end{enumerate}"),
}
_LEFTOVER_MARKUP = re.compile(r"<!--|-->|</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?(?:>|$)")
PARAGRAPHS = frozenset(("p", "div", "sec", "br", "abstract", "blockquote"))
ITEMS = frozenset(("li", "list-item"))
# Elements whose text is not part of what a reader sees.
HIDDEN = frozenset(("script", "style", "annotation", "label"))


def has_html(source: str) -> bool:
    """Whether ``source`` holds HTML or JATS markup."""
    return "<" in source and HTML_MARKUP.search(source) is not None


def html_to_latex(source: str) -> str:
    """``source`` with its tags turned into LaTeX markup or dropped; never raises."""
    translator = _Translator()
    translator.feed(source)
    translator.close()
    return translator.finish()


class _Translator(HTMLParser):
    def __init__(self) -> None:
        # References are decoded apart from the text, where leftover markup is looked for.
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.open: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        name = _local(tag)
        if name in HIDDEN:
            self.hidden += 1
        elif name == "list":
            # JATS says whether a list is numbered in an attribute.
            ordered = dict(attrs).get("list-type") == "order"
            self._open("ol" if ordered else "ul")
        elif name in STYLES:
            self._open(name)
        elif name in PARAGRAPHS:
            self.out.append("\\par ")
        elif name in ITEMS:
            self.out.append("\\item ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if _local(tag) in PARAGRAPHS:
            self.out.append("\\par ")

    def handle_endtag(self, tag: str) -> None:
        name = _local(tag)
        if name in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        name = {"list": "ul"}.get(name, name)
        if name == "ul" and "ul" not in self.open and "ol" in self.open:
            name = "ol"
        if name in self.open:
            while self.open:
                closed = self.open.pop()
                self.out.append(STYLES[closed][1])
                if closed == name:
                    break
        elif name in PARAGRAPHS:
            self.out.append("\\par ")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            # What the parser gives back unparsed at the end (an unclosed comment or
            # tag) is markup all the same.
            self.out.append(_LEFTOVER_MARKUP.sub("", data))

    def handle_entityref(self, name: str) -> None:
        if not self.hidden:
            self.out.append(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        if not self.hidden:
            self.out.append(html.unescape(f"&#{name};"))

    def unknown_decl(self, data: str) -> None:
        if data.startswith("CDATA["):
            self.handle_data(data.removeprefix("CDATA["))

    def _open(self, name: str) -> None:
        self.out.append(STYLES[name][0])
        self.open.append(name)

    def finish(self) -> str:
        # Tags left open close with the field.
        closing = "".join(STYLES[name][1] for name in reversed(self.open))
        return "".join(self.out) + closing


def _local(tag: str) -> str:
    return tag.rpartition(":")[2].lower()
