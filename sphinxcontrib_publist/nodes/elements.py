"""Every custom node of the extension; their visitors are registered in ``registry.py``.

HTML gets its own markup for these (native ``<details>`` toggles, badges,
inline SVG); the other writers render most of them as the generic node they
resemble, and print what a reader of paper needs.
"""

from __future__ import annotations

from docutils import nodes


class publist_list(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """A whole publication list; ``data`` holds ``data-publist-*`` attributes for the script."""


class publist_group(nodes.General, nodes.Element):  # noqa: N801
    """The entries sharing one group value, after their heading."""


class publist_entry(nodes.Part, nodes.Element):  # noqa: N801
    """One publication: an item of the list's bullet list."""


class publist_pending(nodes.General, nodes.Element):  # noqa: N801
    """A formatted entry, turned into nodes only while it is written (see ``expand.py``)."""


class publist_abstract(nodes.General, nodes.Element):  # noqa: N801
    """An abstract: first child is its label paragraph, then the text."""


class publist_bibtex(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """An entry's BibTeX: a label paragraph, then a ``literal_block``."""


class publist_authors(nodes.Part, nodes.Element):  # noqa: N801
    """A folded author line: a ``<div>`` in HTML, since ``<details>`` cannot sit in a ``<p>``."""


class publist_more_authors(nodes.Inline, nodes.Element):  # noqa: N801
    """The folded names: first child says "and N more", the second holds the names."""


class publist_badge(nodes.Inline, nodes.TextElement):  # noqa: N801
    """A status badge; its text child is the ``[bracketed]`` form other builders print."""


class publist_download(nodes.General, nodes.Element):  # noqa: N801
    """Where a list's download control goes; replaced by its links when written."""


class publist_chart(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """A bar chart of ``counts`` (year, count) pairs; its child is the table of counts."""


class publist_coins(nodes.Inline, nodes.Element):  # noqa: N801 (docutils node naming)
    """An empty COinS span; ``coins`` holds its OpenURL ContextObject."""


class publist_jump(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """A grouped list's bar of links to its headings: ``links`` (id, label) pairs, ``label``."""


class publist_details_link(nodes.reference):  # noqa: N801 (docutils node naming)
    """The "View details" link where the title links to the same page: one tab stop, not two."""


class publist_pager(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """A paged list's links to its pages: ``hrefs`` (from page 1), ``current``, the labels."""


class publist_search_words(nodes.General, nodes.TextElement):  # noqa: N801
    """Words of entries shown on a list's later pages: Sphinx's search reads them, no one sees them."""
