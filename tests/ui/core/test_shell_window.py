"""Main window chrome: settings dialog, remembered layout, audit log viewer with chain
verification, the first-start demo offer, shortcuts that act on the open case."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.services.core import cases
from app.settings import Settings
from app.ui.audit_viewer import AuditViewer
from app.ui.main_window import MainWindow
from app.ui.settings_dialog import SettingsDialog


def test_settings_dialog_validates_and_saves(window: Any, qtbot: Any) -> None:
    window.settings_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, SettingsDialog)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    dialog.region.setText("MSK SPB")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.isVisible()
    dialog.region.setText("spb")
    dialog.tz.setCurrentText("Asia/Vladivostok")
    dialog.investigator.setText("Орлова Е.А.")
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    assert dialog.note.isVisible()  # the language applies after a restart
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    box = window.findChild(QMessageBox)
    assert box is not None
    box.close()
    saved = Settings.load(window.env.ctx.config_dir)
    assert (saved.default_region, saved.default_tz) == ("SPB", "Asia/Vladivostok")
    assert (saved.investigator_name, saved.language) == ("Орлова Е.А.", "ru")
    assert window.env.ctx.actor.startswith("Орлова Е.А. (")  # audited under the new name


def test_layout_is_remembered(env: Any, qtbot: Any, tmp_path: Path) -> None:
    path = str(tmp_path / "layout.ini")
    first = MainWindow(env, QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(first)
    first.show()
    first.resize(790, 560)  # within the offscreen screen, so the geometry comes back as is
    first.splitter.setSizes([600, 180])
    sizes = first.splitter.sizes()
    first.cases.view.horizontalHeader().resizeSection(first.cases.model.TITLE, 411)
    first.close()
    second = MainWindow(env, QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(second)
    second.show()
    assert second.size() == first.size()
    assert second.splitter.sizes() == sizes
    assert second.cases.view.horizontalHeader().sectionSize(second.cases.model.TITLE) == 411


def test_audit_viewer_lists_and_verifies(window: Any, case_id: int, qtbot: Any) -> None:
    window.open_case(case_id)
    window.case_audit_action.trigger()
    viewer = window.dialog
    assert isinstance(viewer, AuditViewer)
    assert viewer.model.rowCount() == 3  # case created, two parties added
    actions = {viewer.model.index(r, 3).data() for r in range(3)}
    assert actions == {"Created"}
    qtbot.mouseClick(viewer.verify_button, Qt.MouseButton.LeftButton)
    assert "intact" in viewer.status.text()
    viewer.close()


def test_demo_is_offered_once_on_empty_database(window: Any, qtbot: Any) -> None:
    window.offer_demo()
    # the first start asks who works here (dossiers are signed with it), then offers the demo
    identity = window.dialog
    assert isinstance(identity, SettingsDialog) and identity.isVisible()
    identity.accept()
    assert identity.isVisible()  # both are needed
    identity.investigator.setText("Петрова А. С.")
    identity.position.setText("специалист службы безопасности")
    identity.accept()
    assert Settings.load(window.env.ctx.config_dir).investigator_position
    box = window.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    page = cases.search_cases(window.env.ctx)
    assert page.total == 1
    view = window.current_view()
    assert view is not None and view.case_id == page.rows[0].id
    assert len(view.detail.parties) >= 3
    window.dialog = None
    window.offer_demo()  # already offered: never again
    assert window.dialog is None
    assert Settings.load(window.env.ctx.config_dir).demo_offered


def test_close_case_shortcut_and_undo_follows_case(window: Any, case_id: int, qtbot: Any) -> None:
    view = window.open_case(case_id)
    assert window.env.undo_group.activeStack() is view.undo_stack
    assert window.delete_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.case_tabs.count() == 0
    assert window.env.undo_group.activeStack() is None
    assert not window.delete_action.isEnabled()


def test_f5_reloads_list_and_open_case(window: Any, case_id: int, qtbot: Any) -> None:
    view = window.open_case(case_id)
    ctx = window.env.ctx
    current = cases.get_case(ctx, case_id)
    cases.update_case(ctx, case_id, current.version, title="Изменено на другом месте")
    with qtbot.waitSignal(window.env.case_changed):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert view.overview.title.text() == "Изменено на другом месте"
    assert window.cases.model.rowCount() == 1


def test_unsaved_edits_are_not_dropped_silently(window: Any, case_id: int, qtbot: Any) -> None:
    view = window.open_case(case_id)
    view.overview.findings.setPlainText("Вина курьера подтверждена")
    window.close_current_case()
    box = window.dialog
    assert isinstance(box, QMessageBox) and box.objectName() == "discardChanges"
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert window.case_tabs.count() == 1  # kept, edits intact
    assert view.overview.findings.toPlainText() == "Вина курьера подтверждена"
    window.close()
    box = window.dialog
    assert window.isVisible() and box.objectName() == "discardChanges"
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    assert cases.get_case(window.env.ctx, case_id).findings == ""


def test_status_bar_tells_what_undo_would_undo(window: Any, case_id: int) -> None:
    view = window.open_case(case_id)
    view.overview.title.setText("Другое название")
    view.overview.save()
    assert window.statusBar().currentMessage() == "Edit case — Ctrl+Z undoes it"


def test_feature_modules_warm_up_one_by_one_while_the_list_is_quiet(
    window: Any, monkeypatch: Any
) -> None:
    """After the list is shown the tabs' modules are imported on the read pool one tab at a
    time, a pause between; a search puts the next step back (an import holds the
    interpreter lock in stretches the GUI thread would wait out mid-search)."""
    from app.ui import main_window

    loaded: list[str] = []
    steps = [lambda name=name: loaded.append(name) for name in ("calls", "video", "timeline")]
    window._warm_steps = steps  # the window's own list, made when the list was shown
    timer = window._warm_timer
    assert window.warming_up and timer.isActive()
    assert timer.interval() == main_window.WARM_UP_DELAY_MS
    timer.start(5)  # nearly due when the user searches
    window.cases.search.setText("жалоба")
    window.cases.apply_filters()
    assert timer.interval() == main_window.WARM_UP_DELAY_MS and loaded == []
    timer.timeout.emit()
    assert loaded == ["calls"]  # one step, then a pause before the next
    assert timer.isActive() and timer.interval() == main_window.WARM_UP_STEP_MS
    timer.timeout.emit()
    timer.timeout.emit()
    assert loaded == ["calls", "video", "timeline"] and not window.warming_up
    window.cases.apply_filters()  # done: searches no longer touch it
    assert not timer.isActive()
