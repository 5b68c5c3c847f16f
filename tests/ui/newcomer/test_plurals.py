"""Counts read naturally in both languages: English "1 case" / "2 cases" (an English plural
catalogue, no "(s)"), Russian "1 дело" / "3 дела" / "5 дел"; every plural message has its forms."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from app.paths import resource_path
from app.ui.i18n import install_translators

ENGLISH = sorted(resource_path("translations").glob("*_en.ts"))


@pytest.fixture
def translated(qapp: Any, request: Any) -> Iterator[str]:
    installed = install_translators(qapp, request.param)
    yield request.param
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English))


def count(n: int) -> str:
    return QCoreApplication.translate("CaseListPanel", "%Ln case(s)", "", n)


@pytest.mark.parametrize("translated", ["en"], indirect=True)
def test_english_counts(translated: str) -> None:
    assert [count(n) for n in (1, 2, 21)] == ["1 case", "2 cases", "21 cases"]
    assert count(100_001) == "100,001 cases"  # thousands grouped as the language does


@pytest.mark.parametrize("translated", ["ru"], indirect=True)
def test_russian_counts(translated: str) -> None:
    assert [count(n) for n in (1, 3, 5, 21, 12)] == [
        "1 дело",
        "3 дела",
        "5 дел",
        "21 дело",
        "12 дел",
    ]
    assert count(100_001) == "100\u00a0001 дело"  # a non-breaking space between thousands


@pytest.mark.parametrize("ts", ENGLISH, ids=[p.name for p in ENGLISH])
def test_every_english_plural_has_two_forms(ts: Any) -> None:
    for message in ET.parse(ts).getroot().iter("message"):
        forms = [f.text or "" for f in message.iter("numerusform")]
        assert len(forms) == 2 and all(
            "(s)" not in f and ("%n" in f or "%Ln" in f) for f in forms
        ), forms
