extensions = ["sphinxcontrib_publist"]
exclude_patterns = ["_build"]
publist_details = "pages"
suppress_warnings = ["publist.missing-field"]
