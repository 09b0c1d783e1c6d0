extensions = ["myst_parser", "sphinxcontrib_publist"]
exclude_patterns = ["_build"]
publist_bibfiles = ["refs.bib"]
project = "Pub role"
copyright = "2026, the lab"
version = "1"
