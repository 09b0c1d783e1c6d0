"""Translated labels, shipped catalogs in step with their sources, bib data never translated."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_publist.nodes import labels

from .conftest import build, copy_root, html_of, warnings_of

PACKAGE = Path(labels.__file__).parent
LANGUAGES = ["de", "fr"]
EXPECTED = {
    "de": {
        "headings": ["Zeitschriftenartikel", "Konferenzbeiträge", "Bücher"],
        "status": "(im Erscheinen)",
        "summary": "Zusammenfassung anzeigen",
        "empty": "Keine Publikationen gefunden.",
    },
    "fr": {
        "headings": ["Articles de revues", "Articles de conférence", "Livres"],
        "status": "(à paraître)",
        "summary": "Afficher le résumé",
        "empty": "Aucune publication trouvée.",
    },
}


def catalog_path(language: str, suffix: str) -> Path:
    return labels.LOCALE_DIR / language / "LC_MESSAGES" / f"{labels.CATALOG}.{suffix}"


def source_messages() -> set[str]:
    """Every string the package passes to ``_()``."""
    found = set()
    for module in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


def translations(catalog: object) -> dict[str, str]:
    return {message.id: message.string for message in catalog if message.id}  # type: ignore[attr-defined]


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_translates_every_label(language: str) -> None:
    with catalog_path(language, "po").open("rb") as stream:
        po = translations(read_po(stream))
    assert source_messages() <= set(po)
    assert all(po.values())
    for msgid, msgstr in po.items():
        assert re.findall(r"\{\w+\}", msgstr) == re.findall(r"\{\w+\}", msgid), msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalog_matches_its_source(language: str) -> None:
    with catalog_path(language, "po").open("rb") as stream:
        po = translations(read_po(stream))
    with catalog_path(language, "mo").open("rb") as stream:
        mo = translations(read_mo(stream))
    assert mo == po


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
