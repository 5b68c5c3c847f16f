"""Decision and blacklist: closing a case with the blacklist measure offers to list its courier,
the blacklist dialog adds and lifts entries; a failed undo step clears the history; keyboard
shortcuts reach the open case."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget

from app.services.core import cases, parties
from app.ui.blacklist_dialog import BlacklistDialog
from app.ui.cases.party_dialog import PartyDialog
from app.ui.cases.tabs import FeatureTab


def test_closing_with_blacklist_offers_to_list_courier(
    window: Any, case_id: int, qtbot: Any
) -> None:
    ctx = window.env.ctx
    detail = cases.get_case(ctx, case_id)
    detail = cases.set_status(ctx, case_id, "in_progress", detail.version)
    cases.set_status(ctx, case_id, "awaiting_decision", detail.version)
    view = window.open_case(case_id)
    overview = view.overview
    overview.measure.setCurrentIndex(overview.measure.findData("blacklist"))
    qtbot.mouseClick(overview.findChild(QPushButton, "status_closed"), Qt.MouseButton.LeftButton)
    box = overview.findChild(QMessageBox, "offerBlacklist")
    assert box is not None and "CR-1" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    [entry] = parties.blacklist_check(ctx, "CR-1")
    assert entry.case_id == case_id and detail.number in entry.reason
    courier = next(p for p in view.detail.parties if p.courier_id == "CR-1")
    assert courier.blacklisted


def test_blacklist_dialog_adds_and_lifts(window: Any, qtbot: Any) -> None:
    window.blacklist_action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, BlacklistDialog)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()  # courier ID and reason are required
    dialog.courier_id.setText("CR-900")
    dialog.reason.setText("звонки клиентке с личного номера")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 1
    ctx = window.env.ctx
    assert [e.courier_id for e in parties.blacklist_check(ctx, "CR-900")] == ["CR-900"]
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.toggle_button, Qt.MouseButton.LeftButton)
    assert parties.blacklist_check(ctx, "CR-900") == []
    assert dialog.model.index(0, 5).data() == "lifted"
    dialog.close()


def test_failed_undo_clears_history(window: Any, case_id: int, qtbot: Any) -> None:
    view = window.open_case(case_id)
    view.overview.title.setText("Первая правка")
    view.overview.save()
    ctx = window.env.ctx
    # A colleague edits the case; this window has not reloaded since.
    current = cases.get_case(ctx, case_id)
    cases.update_case(ctx, case_id, current.version, title="Правка коллеги")
    window.undo_action.trigger()
    box = view.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible()
    qtbot.waitUntil(lambda: view.undo_stack.count() == 0)
    assert cases.get_case(ctx, case_id).title == "Правка коллеги"
    assert view.overview.title.text() == "Правка коллеги"


def test_shortcuts_reach_the_open_case(window: Any, case_id: int, qtbot: Any) -> None:
    view = window.open_case(case_id)
    view.tabs.setCurrentWidget(view.parties)
    view.parties.table.selectRow(0)
    window.cases.view.setFocus()
    qtbot.keyClick(window.cases.view, Qt.Key.Key_Delete)  # focus in the list: nothing deleted
    assert len(cases.get_case(window.env.ctx, case_id).parties) == 2
    view.parties.table.setFocus()
    qtbot.keyClick(view.parties.table, Qt.Key.Key_F2)
    assert isinstance(view.parties.dialog, PartyDialog)
    assert view.parties.dialog.party is not None  # edit, not add
    view.parties.dialog.reject()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.cases.search.hasFocus()
    view.overview.summary.setPlainText("Сохранено по Ctrl+S")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert cases.get_case(window.env.ctx, case_id).summary == "Сохранено по Ctrl+S"


def test_unsaved_edits_survive_reloads_caused_elsewhere(window: Any, case_id: int) -> None:
    view = window.open_case(case_id)
    overview = view.overview
    overview.title.setText("Черновик названия")
    overview.summary.setPlainText("Мой черновик фабулы")
    ctx = window.env.ctx
    # A party added from another tab reloads the case; a colleague edits the summary.
    parties.add_party(ctx, case_id, parties.PartyInput(role="witness", name="Сосед"))
    current = cases.get_case(ctx, case_id)
    cases.update_case(ctx, case_id, current.version, summary="Фабула коллеги")
    view.reload()
    assert overview.title.text() == "Черновик названия"
    assert overview.summary.toPlainText() == "Фабула коллеги"
    assert overview.error.isVisible() and "The complaint" in overview.error.text()
    overview.save()
    detail = cases.get_case(ctx, case_id)
    assert (detail.title, detail.summary) == ("Черновик названия", "Фабула коллеги")
    assert not overview.save_button.isEnabled()


class ProbeTab(QWidget):
    def __init__(self, parent: Any) -> None:
        super().__init__(parent)
        self.box = QLineEdit(self)
        QVBoxLayout(self).addWidget(self.box)

    def focus_search(self) -> None:
        self.box.setFocus()


def test_find_goes_to_the_search_of_the_focused_tab(
    window: Any, case_id: int, qtbot: Any, monkeypatch: Any
) -> None:
    probe_tab = FeatureTab("probe", lambda: "Probe", lambda env, case_id, parent: ProbeTab(parent))
    monkeypatch.setattr("app.ui.cases.tabs.FEATURE_TABS", (probe_tab,))
    view = window.open_case(case_id)
    probe = view.feature_tabs["probe"]
    view.tabs.setCurrentIndex(view.tabs.count() - 1)
    probe.setFocus()
    qtbot.keyClick(probe, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert probe.box.hasFocus()
    window.cases.view.setFocus()
    qtbot.keyClick(window.cases.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.cases.search.hasFocus()
