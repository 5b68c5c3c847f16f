"""Every tab of the demo case and every dialog fits a 1366×768 laptop and a 1920×1080 screen
with the case list shown: no control clipped, no tool bar overflowing, no tab scrolling
sideways. Window sizes are the client areas left by a title bar and a desktop panel."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLineEdit
from ui.newcomer.layout_check import clipped_controls, sideways_scrolling

from app.ui.i18n import install_translators

SIZES = {"1366x768": (1366, 706), "1920x1080": (1920, 1018)}


def _settle(qtbot: Any, window: Any) -> None:
    QApplication.processEvents()
    qtbot.waitUntil(lambda: window.isVisible())
    QApplication.processEvents()


@pytest.fixture
def language(qapp: Any, request: Any) -> Iterator[str]:
    """The UI's language, installed before the window is built (Russian runs longer)."""
    installed = install_translators(qapp, request.param)
    yield request.param
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English))


@pytest.mark.parametrize("language", ["en", "ru"], indirect=True)
@pytest.mark.parametrize("size", SIZES)
def test_every_tab_of_the_demo_case_fits(
    size: str, language: str, window: Any, demo_case: int, qtbot: Any
) -> None:
    width, height = SIZES[size]
    window.resize(width, height)
    view = window.open_case(demo_case)
    _settle(qtbot, window)
    assert window.splitter.sizes()[0] > 200, "the case list is shown"
    problems: dict[str, list[str]] = {}
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        _settle(qtbot, window)
        page = view.tabs.widget(index)
        found = clipped_controls(page) + sideways_scrolling(page)
        if found:
            problems[view.tabs.tabText(index)] = found
    found = clipped_controls(window.cases)
    if found:
        problems["case list"] = found
    assert problems == {}, problems


def _dialogs(window: Any, case_id: int) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for name, open_it in (
        ("settings", lambda: window.show_settings(require_identity=True)),
        ("audit", lambda: window.show_audit(case_id)),
        ("blacklist", window.show_blacklist),
        ("help", window.show_help),
        ("export", window.export_current),
        ("new case", window.new_case),
    ):
        open_it()
        out.append((name, window.dialog))
    return out


@pytest.mark.parametrize("size", SIZES)
def test_every_dialog_fits(size: str, window: Any, demo_case: int, qtbot: Any) -> None:
    width, height = SIZES[size]
    window.resize(width, height)
    window.open_case(demo_case)
    problems: dict[str, list[str]] = {}
    for name, dialog in _dialogs(window, demo_case):
        assert isinstance(dialog, QDialog), name
        qtbot.waitUntil(dialog.isVisible)
        need = dialog.minimumSizeHint()
        if need.width() > width or need.height() > height:
            problems[name] = [f"needs at least {need.width()}x{need.height()}"]
        dialog.resize(min(dialog.width(), width), min(dialog.height(), height))
        QApplication.processEvents()
        found = clipped_controls(dialog)
        if found:
            problems.setdefault(name, []).extend(found)
        dialog.close()
    assert problems == {}, problems


def test_a_cut_placeholder_is_found(qapp: Any) -> None:
    """Qt elides an empty box's placeholder silently and never counts it in the box's minimum
    size: the check measures it (a search box's hint is what a newcomer reads first)."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    top = QWidget()
    layout = QVBoxLayout(top)
    edit = QLineEdit(top)
    edit.setPlaceholderText("Search: number, title, name, phone digits, order number")
    combo = QComboBox(top)
    combo.setEditable(True)
    combo.lineEdit().setPlaceholderText("a time zone, e.g. Europe/Moscow or Asia/Vladivostok")
    layout.addWidget(edit)
    layout.addWidget(combo)
    top.resize(160, 80)
    top.show()
    found = clipped_controls(top)
    assert len(found) == 2 and all("placeholder needs" in f for f in found), found
    top.resize(700, 80)
    QApplication.processEvents()
    assert clipped_controls(top) == []
    edit.setText("typed")  # a box with text shows the text, not the hint
    top.resize(160, 80)
    QApplication.processEvents()
    assert not any(edit.placeholderText()[:20] in f for f in clipped_controls(top))
    top.close()
