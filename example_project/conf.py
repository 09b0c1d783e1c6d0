"""Sphinx configuration of the example site: Kevin Swersky's publications."""

project = "Kevin Swersky"
author = "Kevin Swersky"
copyright = "Kevin Swersky"
# EPUB 3 requires a version; a profile site has no releases, so it is the year.
version = release = "2026"

extensions = ["myst_parser", "sphinxcontrib_publist"]

html_theme = "furo"
# Where the site is published: details pages, the sitemap and feeds use absolute URLs.
html_baseurl = "https://example.org/kevin-swersky/"
html_title = "Kevin Swersky"
exclude_patterns = ["_build", "requirements.txt"]

# Every list on this site is about one person: emphasise his name where it is
# shown, and leave it out of author lines, as a profile page does.
publist_highlight_authors = ["Kevin Swersky"]
publist_omit_authors = ["Kevin Swersky"]

# Several entries in refs.bib have an abstract but no title, exactly as on the
# profile page they come from. They still render; this line only silences the
# one "publist.missing-field" warning each would give.
suppress_warnings = ["publist.missing-field"]

latex_documents = [
    ("index", "kevin-swersky.tex", "Kevin Swersky: Publications", author, "howto"),
]
man_pages = [("index", "kevin-swersky", "Publications of Kevin Swersky", [author], 7)]

# One abstract writes its input vector as \x, its authors' own macro: define it
# once, for MathJax in HTML and for LaTeX in the PDF.
publist_math_macros = {"x": r"\mathbf{x}"}
