extensions = ["sphinxcontrib_publist"]
exclude_patterns = ["_build"]
publist_bibfiles = ["refs.bib"]
