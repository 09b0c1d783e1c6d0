"""Model stage: URL safety, and links built from DOIs and arXiv identifiers."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, unquote

_LATEX_ESCAPES = re.compile(r"\\([_%#&$~])")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_ALLOWED_SCHEMES = frozenset({"http", "https"})
_HTML_ENTITY = re.compile(r"&#|&[A-Za-z][A-Za-z0-9]*;")
_SCRIPT_WORDS = ("javascript", "vbscript", "livescript")
_DOI = re.compile(r"10\.\d{4,9}/\S+")
# Every resolver DOIs are written with: doi.org and its old names, and publishers' own.
_DOI_PREFIX = re.compile(
    r"^(?:doi:\s*|(?:https?://)?(?:(?:dx\.|www\.)?doi\.org|doi\.acm\.org"
    r"|doi\.ieeecomputersociety\.org|doi\.wiley\.com|doi\.apa\.org)/(?:doi:)?)",
    re.IGNORECASE,
)
_DOI_SAFE_CHARS = "/:;()._-+,=@"
_WWW = re.compile(r"^www\.[A-Za-z0-9-]+\.[A-Za-z0-9.-]*[A-Za-z](?:[/?#:]|$)", re.IGNORECASE)
_ARXIV_PREFIX = re.compile(
    r"^(?:arxiv:\s*|https?://(?:www\.)?arxiv\.org/(?:abs|pdf)/)", re.IGNORECASE
)
_ARXIV_NEW = re.compile(r"\d{4}\.\d{4,5}(?:v\d+)?")
_ARXIV_OLD = re.compile(r"[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?")
# An identifier inside free text ("arXiv:2101.00001", an arxiv.org URL), as notes write them.
_ARXIV_IN_TEXT = re.compile(
    rf"(?:arxiv[:.\s/]*|arxiv\.org/(?:abs|pdf)/)((?-i:{_ARXIV_NEW.pattern})|(?-i:{_ARXIV_OLD.pattern}))",
    re.IGNORECASE,
)


def safe_url(url: str) -> str | None:
    """Return the cleaned URL if it is http(s) or relative, else ``None`` (scripts, data...).

    ``www.example.org`` gets ``https://``; a relative path's spaces and non-ASCII
    letters (``my paper.pdf``) are percent-encoded, as a browser would send them.
    """
    cleaned = _clean(url)
    if _WWW.match(cleaned):
        cleaned = "https://" + cleaned
    elif cleaned and not _SCHEME.match(cleaned) and not cleaned.startswith("//"):
        # "java script:" is no path: the script words are looked for without spaces.
        if _looks_hostile(cleaned.replace(" ", "")):
            return None
        cleaned = _encoded_path(cleaned)
    if not cleaned or _looks_hostile(cleaned):
        return None
    scheme = _SCHEME.match(cleaned)
    if scheme is None:
        return _relative_or_none(cleaned)
    if scheme.group(1).lower() not in _ALLOWED_SCHEMES:
        return None
    rest = cleaned[scheme.end() :]
    if not rest.startswith("//") or len(rest) == 2 or rest[2] == "/":
        return None
    return scheme.group(1).lower() + ":" + rest


def has_space(url: str) -> bool:
    """Whether an absolute URL has a space inside, which no link can hold."""
    cleaned = _clean(url)
    return " " in cleaned and bool(_SCHEME.match(cleaned) or _WWW.match(cleaned))


def _encoded_path(path: str) -> str:
    if path.isascii() and " " not in path:
        return path
    return "".join(quote(ch) if ch == " " or _is_visible_non_ascii(ch) else ch for ch in path)


def _is_visible_non_ascii(ch: str) -> bool:
    return not ch.isascii() and not _is_invisible(ch)


def is_relative(url: str) -> bool:
    """Whether ``url`` names no scheme and no host: a path, resolved against the page."""
    return not _SCHEME.match(url) and not url.startswith(("//", "#"))


def doi_url(doi: str) -> str | None:
    """``https://doi.org/<doi>`` for a DOI given bare, as ``doi:…``, or as a doi.org URL."""
    cleaned = _clean(doi)
    prefix = _DOI_PREFIX.match(cleaned)
    if prefix is not None:
        cleaned = cleaned[prefix.end() :]
        if "/" in prefix.group(0):
            cleaned = unquote(cleaned)
    if not _DOI.fullmatch(cleaned) or _has_unsafe_characters(cleaned):
        return None
    return "https://doi.org/" + quote(cleaned, safe=_DOI_SAFE_CHARS)


def arxiv_url(eprint: str) -> str | None:
    """``https://arxiv.org/abs/<id>`` for a new-style or old-style arXiv identifier."""
    cleaned = _clean(eprint)
    prefix = _ARXIV_PREFIX.match(cleaned)
    if prefix is not None:
        cleaned = cleaned[prefix.end() :]
    if _ARXIV_NEW.fullmatch(cleaned) or _ARXIV_OLD.fullmatch(cleaned):
        return "https://arxiv.org/abs/" + cleaned
    return None


def arxiv_id_in(*texts: str) -> str:
    """The first arXiv identifier written in ``texts`` after "arXiv:" or arxiv.org; else ""."""
    for value in texts:
        found = _ARXIV_IN_TEXT.search(value)
        if found:
            return found.group(1)
    return ""


def _clean(value: str) -> str:
    r"""Strip surrounding whitespace and braces, undo ``\_``-style LaTeX escapes."""
    return _LATEX_ESCAPES.sub(r"\1", value.strip().strip("{}").strip())


def _looks_hostile(url: str) -> bool:
    # Browsers drop whitespace and control characters inside a scheme and decode
    # entities in attributes, so any of them is a sign of an obfuscated script URL.
    if _has_unsafe_characters(url) or _HTML_ENTITY.search(url):
        return True
    lowered = url.lower()
    return any(word in lowered for word in _SCRIPT_WORDS)


def _relative_or_none(url: str) -> str | None:
    # A colon before the first "/", "?" or "#" would be read as a scheme by some parser.
    first_segment = re.split(r"[/?#]", url, maxsplit=1)[0]
    if ":" in first_segment or url.startswith("//"):
        return None
    return url


def _has_unsafe_characters(url: str) -> bool:
    if "\\" in url:
        return True
    if url.isascii():
        # ASCII's invisible characters are the space and the controls, which
        # are not printable: a fast path for nearly every URL.
        return " " in url or not url.isprintable()
    return any(_is_invisible(ch) for ch in url)


def _is_invisible(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in "CZ"
