"""URL safety checks (placeholder until the full module lands)."""

from __future__ import annotations


def safe_url(url: str) -> str | None:
    """The URL if it is http(s) or relative, else None."""
    url = url.strip()
    if url.lower().startswith(("http://", "https://")):
        return url
    return None


def doi_url(doi: str) -> str | None:
    """The https://doi.org/ URL of a DOI."""
    doi = doi.strip().removeprefix("doi:").removeprefix("https://doi.org/")
    return f"https://doi.org/{doi}" if doi.startswith("10.") else None
