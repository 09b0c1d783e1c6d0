"""Translated labels in built pages; bib data is never translated.

The shipped catalogs are checked against their sources in ``tests/unit/nodes/test_labels.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from ..helpers import build, copy_root, html_of, warnings_of

LANGUAGES = ["de", "fr"]
EXPECTED = {
    "de": {
        "headings": ["Zeitschriftenartikel", "Konferenzbeiträge", "Bücher"],
        "status": "(im Erscheinen)",
        "summary": "Zusammenfassung anzeigen",
        "empty": "Keine Publikationen gefunden.",
        "et al.": "Jean Dupont u. a.",
    },
    "fr": {
        "headings": ["Articles de revues", "Articles de conférence", "Livres"],
        "status": "(à paraître)",
        "summary": "Afficher le résumé",
        "empty": "Aucune publication trouvée.",
        "et al.": "Jean Dupont et al.",
    },
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_labels_are_translated_and_bib_data_is_not(tmp_path: Path, language: str) -> None:
    app = build(copy_root("i18n", tmp_path / "src"), confoverrides={"language": language})
    assert warnings_of(app) == ""
    expected = EXPECTED[language]
    grouped, empty = html_of(app).select("div.publist")
    headings = [heading.get_text() for heading in grouped.select(".publist-group-heading")]
    assert headings == expected["headings"]
    assert grouped.select_one(".publist-status").get_text() == expected["status"]
    assert grouped.select_one("summary").get_text() == expected["summary"]
    assert empty.get_text().strip() == expected["empty"]
    # BibTeX's "and others" ends the author line in the page's language.
    author_lines = [line.get_text() for line in grouped.select(".publist-authors")]
    assert expected["et al."] in author_lines
    text = grouped.get_text()
    for bib_text in ("Über die Zukunft", "Books", "Anna Müller", ": Journal articles."):
        assert bib_text in text


def test_page_translations_never_reach_bib_data(tmp_path: Path) -> None:
    app = build(copy_root("i18n", tmp_path / "src"), "text")
    text = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
    # The page's own catalog applies to the page...
    assert text.startswith("Veröffentlichungen")
    # ...but not to a title or author that happens to equal one of its messages.
    assert "Die Bib-Daten wurden übersetzt" not in text
    assert "Zusammenfassung:" in text


def test_gettext_extracts_the_page_not_the_bib_data(tmp_path: Path) -> None:
    app: SphinxTestApp = build(copy_root("i18n", tmp_path / "src"), "gettext")
    assert warnings_of(app) == ""
    catalog = (Path(app.outdir) / "index.pot").read_text(encoding="utf-8")
    assert 'msgid "Publikationen"' in catalog
    for bib_text in ("Über die Zukunft", "Anna Müller", "Zeitschrift für Zukunft", "Books"):
        assert bib_text not in catalog
