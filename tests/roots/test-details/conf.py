extensions = ["sphinxcontrib_publist"]
exclude_patterns = ["_build"]
publist_details = "pages"
suppress_warnings = ["publist.missing-field"]
publist_author_links = {"Richard Zemel": "https://example.org/zemel"}
# Details pages are listed in sitemap.xml, whose URLs are absolute.
html_baseurl = "https://ex.org/"
