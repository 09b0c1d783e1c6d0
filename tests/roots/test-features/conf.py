extensions = ["sphinxcontrib_publist"]
exclude_patterns = ["_build"]
publist_highlight_authors = {"Kevin Swersky": ["K. Swersky"]}
publist_author_links = {
    "Richard Zemel": "https://www.cs.toronto.edu/~zemel/",
    "Sergey Levine": "javascript:alert(1)",
}
publist_citation_field = "citations"
