"""Select stage: which publications a list shows, in which order, groups and tabs.

Sphinx-free: the filter language (``filters``, ``tokens``, ``comparisons``) reads
the values of ``fields``; ``sort``, ``groups`` and ``tabs`` arrange them;
``interactive`` plans the browser's sort and tab controls.
"""

from .filters import Filter, parse_filter
from .groups import NO_GROUPING, Group, group_publications
from .sort import SortKey, parse_sort, sort_publications, sort_ranks
from .tabs import Tab, parse_tab_option, parse_tabs

__all__ = [
    "NO_GROUPING",
    "Filter",
    "Group",
    "SortKey",
    "Tab",
    "group_publications",
    "parse_filter",
    "parse_sort",
    "parse_tab_option",
    "parse_tabs",
    "sort_publications",
    "sort_ranks",
]
