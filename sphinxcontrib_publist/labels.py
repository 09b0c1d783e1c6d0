"""Words the list itself shows, translatable; bib data is never translated."""

from __future__ import annotations

from sphinx.locale import get_translation

CATALOG = "sphinxcontrib_publist"
_ = get_translation(CATALOG)

TYPE_LABELS = {
    "article": _("Journal articles"),
    "inproceedings": _("Conference papers"),
    "conference": _("Conference papers"),
    "proceedings": _("Proceedings"),
    "book": _("Books"),
    "mvbook": _("Books"),
    "inbook": _("Book chapters"),
    "incollection": _("Book chapters"),
    "phdthesis": _("Theses"),
    "mastersthesis": _("Theses"),
    "thesis": _("Theses"),
    "techreport": _("Technical reports"),
    "report": _("Technical reports"),
    "unpublished": _("Unpublished work"),
    "online": _("Online resources"),
    "misc": _("Other publications"),
}


def group_label(field: str, value: str) -> str:
    """The heading of a group."""
    if field == "type":
        return str(TYPE_LABELS.get(value, value.capitalize() or _("Other publications")))
    if not value:
        return str(_("Undated")) if field == "year" else str(_("Other"))
    return value


def preview_abstract() -> str:
    """The abstract toggle's label."""
    return str(_("Preview abstract"))


def abstract_label() -> str:
    """The label printed before an abstract where it cannot be folded."""
    return str(_("Abstract:"))


def to_appear() -> str:
    """The status of accepted, not yet published work."""
    return str(_("(to appear)"))


def no_publications() -> str:
    """The message of an empty list."""
    return str(_("No publications found."))
