extensions = ["myst_parser", "sphinxcontrib_publist"]
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
suppress_warnings = ["publist.missing-field"]
