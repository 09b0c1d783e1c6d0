"""Sphinx configuration of the sphinxcontrib-publist documentation, built with itself."""

import os

from sphinxcontrib_publist import __version__

project = "sphinxcontrib-publist"
author = "sphinxcontrib-publist developers"
copyright = "sphinxcontrib-publist developers"
version = release = __version__

extensions = ["myst_parser", "sphinxcontrib_publist"]
myst_enable_extensions = ["colon_fence"]

# Snippets are shown with literalinclude and rendered with include, never read as pages.
exclude_patterns = ["_build", "snippets"]
nitpicky = True

html_theme = "furo"
html_title = f"sphinxcontrib-publist {release}"
# The details pages' sitemap and metadata use absolute URLs; Read the Docs says where it publishes.
html_baseurl = os.environ.get(
    "READTHEDOCS_CANONICAL_URL", "https://sphinxcontrib-publist.readthedocs.io/en/latest/"
)
# Frames the rendered examples; _static holds only images the pages include.
html_static_path = ["_css"]
html_css_files = ["examples.css"]

# One abstract in refs.bib writes its input vector as \x, an author's own macro:
# define it once, for MathJax in HTML and for LaTeX in the PDF.
publist_math_macros = {"x": r"\mathbf{x}"}

latex_documents = [
    ("index", "sphinxcontrib-publist.tex", "sphinxcontrib-publist", author, "manual"),
]
man_pages = [
    ("index", "sphinxcontrib-publist", "Publication lists from BibTeX for Sphinx", [author], 7)
]

# The refs.bib author whose entries the :person: example shows.
publist_people = {"Kevin Swersky": {"variants": ["K. Swersky"]}}
