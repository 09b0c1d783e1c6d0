extensions = ["sphinxcontrib_publist"]
exclude_patterns = ["_build"]
