extensions = ["myst_parser", "sphinxcontrib_publist"]
exclude_patterns = ["_build"]
publist_bibfiles = ["refs.bib"]
