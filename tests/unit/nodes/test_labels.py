"""The shipped catalogs: every label translated, placeholders kept, .mo in step with .po."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from sphinxcontrib_publist.nodes import labels

PACKAGE = Path(labels.__file__).parent
LANGUAGES = ["de", "fr"]


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
