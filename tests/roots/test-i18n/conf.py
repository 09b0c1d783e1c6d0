extensions = ["sphinxcontrib_publist"]
exclude_patterns = ["_build"]
project = "Internationalisation"
language = "de"
locale_dirs = ["locales"]
