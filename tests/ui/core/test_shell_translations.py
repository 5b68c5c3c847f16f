"""Translations: every message of every feature's Russian .ts is finished, the compiled .qm
files load with Qt's own, and the window really speaks Russian."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from app.paths import resource_path
from app.ui.i18n import choose_language, install_translators, translation_files
from app.ui.labels import status_label

TS_FILES = sorted(resource_path("translations").glob("*_ru.ts"))


def test_app_translation_exists() -> None:
    assert resource_path("translations", "app_ru.ts") in TS_FILES


@pytest.mark.parametrize("ts", TS_FILES, ids=[p.name for p in TS_FILES])
def test_every_russian_message_is_finished(ts: Any) -> None:
    problems = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            assert translation is not None
            kind = translation.get("type")
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            if kind in ("unfinished", "vanished", "obsolete") or not all(
                f and f.strip() for f in forms
            ):
                problems.append(f"{name}: {source!r}")
    assert problems == [], f"{ts.name}: {len(problems)} unfinished: {problems[:10]}"


@pytest.mark.parametrize("ts", TS_FILES, ids=[p.name for p in TS_FILES])
def test_every_ts_is_compiled(ts: Any) -> None:
    qm = ts.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime - 1


def test_language_choice() -> None:
    assert choose_language("ru") == "ru"
    assert choose_language("en", QLocale(QLocale.Language.Russian)) == "en"
    assert choose_language("", QLocale(QLocale.Language.Russian)) == "ru"
    assert choose_language("", QLocale(QLocale.Language.German)) == "en"


@pytest.fixture
def russian(qapp: Any) -> Iterator[list[Any]]:
    installed = install_translators(qapp, "ru")
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English))


def test_russian_translators_load(russian: list[Any]) -> None:
    # Qt's own qtbase plus one per feature file.
    assert len(russian) == 1 + len(translation_files("ru"))
    assert status_label("awaiting_decision") == "Ожидает решения"  # the one vocabulary
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Отмена"


def test_window_speaks_russian(russian: list[Any], window_factory: Any, case_id: int) -> None:
    window = window_factory()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Дело", "&Правка", "&Сервис", "&Справка"]
    view = window.open_case(case_id)
    assert view.tabs.tabText(0) == "Обзор и решение"
    view.orders.add_record()
    dialog = view.orders.dialog
    # A string of the dialogs' shared base class, looked up from a subclass.
    assert dialog.courier.itemText(0) == "(нет)"
    assert view.overview.findChild(
        type(view.overview.save_button), "status_in_progress"
    ).text() == ("Взять в работу")
