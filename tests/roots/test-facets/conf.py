extensions = ["myst_parser", "sphinxcontrib_publist"]
exclude_patterns = ["_build"]
publist_highlight_authors = ["Ada Lovelace"]
