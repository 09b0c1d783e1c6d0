extensions = ["sphinxcontrib_publist"]
exclude_patterns = ["_build"]
publist_bibfiles = ["refs.bib"]
# Sphinx 7 leaves "[publist.<subtype>]" off warnings unless asked.
show_warning_types = True
