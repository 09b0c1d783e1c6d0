extensions = ["sphinxcontrib_publist"]
exclude_patterns = ["_build"]
# Details pages are listed in a sitemap, whose URLs are absolute.
html_baseurl = "https://lab.example.org/"
publist_bibfiles = ["lab.bib"]
publist_people = {
    "Kevin Swersky": {
        "variants": ["K. Swersky"],
        "url": "https://example.org/kevin",
        "page": "people/kevin",
    },
    "Richard Zemel": {"page": "people/richard"},
}
