extensions = ["sphinxcontrib_publist"]
exclude_patterns = ["_build"]
publist_omit_authors = ["Kevin Swersky"]
