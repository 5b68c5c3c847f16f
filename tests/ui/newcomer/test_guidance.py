"""Where a newcomer stops: the unsaved-changes prompt keeps the work by default, F1 shows the
window's real shortcuts and the guide in the interface's language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.services.core import cases


def test_unsaved_prompt_saves_by_default(window: Any, demo_case: int, qtbot: Any) -> None:
    view = window.open_case(demo_case)
    view.overview.findings.setPlainText("Вина курьера подтверждена")
    window.close_current_case()
    box = window.dialog
    assert isinstance(box, QMessageBox)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Save)
    assert box.escapeButton() is box.button(QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.case_tabs.count() == 0)
    assert cases.get_case(window.env.ctx, demo_case).findings == "Вина курьера подтверждена"


def test_f1_lists_the_window_s_shortcuts_and_the_guide(
    window: Any, demo_case: int, qtbot: Any
) -> None:
    window.open_case(demo_case)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(window, "dialog", None) is not None)
    dialog = window.dialog
    assert dialog.objectName() == "helpDialog"
    text = dialog.shortcut_text()
    for keys, action in (("Ctrl+N", "New case"), ("Ctrl+E", "Export dossier"), ("F1", "Help")):
        assert any(line.startswith(keys + "\t") and action in line for line in text.splitlines())
    guide = dialog.guide.toPlainText()
    assert "Findings" in guide and "Ctrl+E" in guide
    assert dialog.guide.document().resource(2, dialog.guide.source().resolved("step-case_en.png"))
