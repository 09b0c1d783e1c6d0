"""Words the list itself shows, translatable; bib data is never translated."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation

if TYPE_CHECKING:
    from sphinx.application import Sphinx

CATALOG = "sphinxcontrib_publist"
LOCALE_DIR = Path(__file__).parents[1] / "locales"
_ = get_translation(CATALOG)

# By type group (select/groups.py TYPE_GROUPS): one heading per group.
TYPE_LABELS = {
    "article": _("Journal articles"),
    "inproceedings": _("Conference papers"),
    "inbook": _("Book chapters"),
    "book": _("Books"),
    "proceedings": _("Proceedings"),
    "thesis": _("Theses"),
    "report": _("Reports"),
    "preprint": _("Preprints"),
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


SORT_CHOICE_LABELS = {
    "default": _("Default order"),
    "title": _("Title"),
    "-title": _("Title, descending"),
    "year": _("Year"),
    "-year": _("Year, descending"),
    "author": _("Author"),
}


def sort_choice(choice_id: str) -> str:
    """The sort menu's name for an order."""
    return str(SORT_CHOICE_LABELS[choice_id])


def control_labels() -> dict[str, str]:
    """The words of the interactive controls, handed to the script as data attributes.

    ``{count}`` and ``{label}`` are filled in by the script.
    """
    return {
        "tabs": str(_("Publication categories")),
        "sort": str(_("Sort by")),
        "search": str(_("Search publications")),
        "search-placeholder": str(_("Title, author, venue, abstract")),
        "no-results": str(_("No Results Found")),
        "count-one": str(_("1 publication")),
        "count": str(_("{count} publications")),
        "tab-count": str(_("{label} ({count})")),
    }


def facet_labels() -> dict[str, str]:
    """The words of the facet chips and the chart's bars, for the script.

    ``{year}`` and ``{count}`` are filled in by the script.
    """
    return {
        "facets": str(_("Filter publications")),
        "facet-year": str(_("Year")),
        "facet-type": str(_("Type")),
        "facet-venue": str(_("Venue")),
        "facet-keyword": str(_("Keyword")),
        "facet-coauthor": str(_("Co-author")),
        "clear-facets": str(_("Clear filters")),
        "chart-bar": str(_("{year}: {count} publications")),
        "chart-bar-one": str(_("{year}: 1 publication")),
    }


def jump_label() -> str:
    """The name of the bar of links to a grouped list's headings."""
    return str(_("Jump to"))


def paging_labels() -> dict[str, str]:
    """The words of a paged list's "Show more" button, for the script.

    ``{count}``, ``{shown}`` and ``{total}`` are filled in by the script.
    """
    return {
        "more": str(_("Show {count} more")),
        "shown": str(_("{shown} of {total} shown")),
        "loading": str(_("Loading all publications…")),
    }


def pager_label() -> str:
    """The name of a paged list's links to its pages."""
    return str(_("Pages"))


def previous_page() -> str:
    """The pager's link to the page before."""
    return str(_("Previous"))


def next_page() -> str:
    """The pager's link to the page after."""
    return str(_("Next"))


def page_heading(title: str, number: int) -> str:
    """The heading of a list's later page: the document's title and the page number."""
    return str(_("{title}, page {number}")).format(title=title, number=number)


def view_details() -> str:
    """The link from a list entry to its details."""
    return str(_("View details"))


def back_to_list() -> str:
    """The link from a details page back to its list."""
    return str(_("Back to the list"))


def details_field(name: str) -> str:
    """A field name on a details page: authors, venue, year, links, bibtex."""
    names = {
        "authors": _("Authors"),
        "venue": _("Published in"),
        "year": _("Year"),
        "links": _("Links"),
        "abstract": _("Abstract"),
        "bibtex": _("BibTeX"),
    }
    return str(names[name])


def chart_title() -> str:
    """The caption of the per-year chart."""
    return str(_("Publications per year"))


def chart_columns() -> tuple[str, str]:
    """The column headings of the per-year table of counts."""
    return str(_("Year")), str(_("Publications"))


# The default link labels, listed so message extraction finds them; a label
# configured in publist_link_fields is looked up in the catalog the same way.
LINK_LABELS = (
    _("URL"),
    _("DOI"),
    _("arXiv"),
    _("HTML"),
    _("PDF"),
    _("Supplementary"),
    _("Code"),
    _("Slides"),
    _("Video"),
    _("Poster"),
    _("Blog"),
    _("Website"),
    _("Project"),
)


def link_label(label: str) -> str:
    """A link's label, translated when the catalog knows it."""
    return str(_(label))


def bibtex_toggle() -> str:
    """The label of an entry's BibTeX toggle."""
    return str(_("BibTeX"))


def copy_bibtex() -> str:
    """The copy button's label."""
    return str(_("Copy"))


def copied_bibtex() -> str:
    """What the copy button announces once the entry is on the clipboard."""
    return str(_("BibTeX copied to the clipboard"))


def download_label() -> str:
    """What precedes the links to a list's files in its download control."""
    return str(_("Download:"))


def more_authors(count: int) -> str:
    """The toggle showing the names a long author line folds away."""
    return str(_("and {count} more")).format(count=count)


def et_al() -> str:
    """What ends an author line whose source says ``and others``."""
    return str(_("et al."))


def badge_label(kind: str, detail: str) -> str:
    """The text of one status badge."""
    if kind == "award":
        return detail or str(_("Award"))
    if kind == "selected":
        return str(_("Selected"))
    if kind == "citations":
        return str(_("Cited by {count}")).format(count=detail)
    return detail


MARK_MEANINGS = {
    "*": _("Equal contribution"),
    "\u2020": _("Corresponding author"),
}


def mark_meaning(mark: str) -> str:
    """What an author mark means, as the legend under a list says it."""
    return str(MARK_MEANINGS[mark])


def register(app: Sphinx) -> None:
    """Make the shipped translations of these labels available."""
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
