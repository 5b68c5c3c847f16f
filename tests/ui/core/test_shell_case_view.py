"""The case workstation: creating a case through the dialog, editing with undo/redo, delete
with undo (restore), reveal with an audit entry, conflicts, blacklisted courier warning,
inline validation in the edit dialogs."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton

from app.services.core import audit, cases, evidence_files, parties
from app.ui.cases.case_dialog import NewCaseDialog
from app.ui.cases.party_dialog import PartyDialog
from app.ui.cases.record_dialogs import StatementDialog


def _ok(dialog: Any) -> QPushButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def _open(window: Any, case_id: int, tab: str) -> Any:
    view = window.open_case(case_id)
    view.tabs.setCurrentWidget(getattr(view, tab))
    return view


def test_create_case_through_dialog(window: Any, qtbot: Any) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialog
    assert isinstance(dialog, NewCaseDialog) and dialog.isVisible()
    dialog.region.setText("NSK")
    dialog.tz.setCurrentText("Asia/Novosibirsk")
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # no title yet: explained inline, nothing saved
    assert dialog.error.isVisible() and "title" in dialog.error.text()
    assert cases.search_cases(window.env.ctx).total == 0
    dialog.title.setText("Курьер писал клиентке в мессенджер")
    dialog.category.setCurrentIndex(dialog.category.findData("harassment"))
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    page = cases.search_cases(window.env.ctx)
    assert page.total == 1
    created = page.rows[0]
    assert created.region == "NSK" and created.category == "harassment"
    assert created.number.startswith("NSK-")
    view = window.current_view()
    assert view is not None and view.case_id == created.id
    assert view.detail.tz == "Asia/Novosibirsk"
    assert window.cases.model.rowCount() == 1


def test_edit_undo_redo(window: Any, case_id: int, qtbot: Any) -> None:
    window.cases.reload()
    view = _open(window, case_id, "overview")
    overview = view.overview
    assert not overview.save_button.isEnabled()
    overview.title.setText("Новое название")
    overview.summary.setPlainText("Итог проверки")
    assert overview.save_button.isEnabled()
    qtbot.mouseClick(overview.save_button, Qt.MouseButton.LeftButton)
    ctx = window.env.ctx
    assert cases.get_case(ctx, case_id).title == "Новое название"
    assert view.undo_stack.count() == 1
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    detail = cases.get_case(ctx, case_id)
    assert (detail.title, detail.summary) == ("Звонки клиентке после доставки", "")
    assert overview.title.text() == "Звонки клиентке после доставки"
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert cases.get_case(ctx, case_id).title == "Новое название"
    # The list shows the new title too.
    model = window.cases.model
    assert model.data(model.index(model.row_of(case_id), model.TITLE)) == "Новое название"


def test_delete_undo_is_restore(window: Any, case_id: int, qtbot: Any) -> None:
    view = _open(window, case_id, "parties")
    tab = view.parties
    tab.table.selectRow(0)
    name = tab.current().name
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    ctx = window.env.ctx
    assert [p.name for p in cases.get_case(ctx, case_id).parties] == ["Петров Игорь"]
    window.undo_action.trigger()
    names = [p.name for p in cases.get_case(ctx, case_id).parties]
    assert name in names and len(names) == 2
    assert tab.model.rowCount() == 2
    window.redo_action.trigger()
    assert len(cases.get_case(ctx, case_id).parties) == 1
    actions = [e.action for e in audit.list_entries(ctx, case_id=case_id)]
    assert actions[:3] == ["delete", "restore", "delete"]


def test_add_party_undo_redo_keeps_one_record(window: Any, case_id: int, qtbot: Any) -> None:
    view = _open(window, case_id, "parties")
    view.parties.add_record()
    dialog = view.parties.dialog
    assert isinstance(dialog, PartyDialog)
    dialog.role.setCurrentIndex(dialog.role.findData("witness"))
    dialog.name.setText("Соседка")
    dialog.phones.setPlainText("+7 903 111 22 33")
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    ctx = window.env.ctx
    witness = [p for p in cases.get_case(ctx, case_id).parties if p.name == "Соседка"]
    assert witness and witness[0].phones_masked == ("+7 903 ***-**-33",)
    window.undo_action.trigger()
    assert all(p.name != "Соседка" for p in cases.get_case(ctx, case_id).parties)
    window.redo_action.trigger()
    again = [p for p in cases.get_case(ctx, case_id).parties if p.name == "Соседка"]
    assert [p.id for p in again] == [witness[0].id]


def test_party_dialog_explains_bad_phone(window: Any, case_id: int, qtbot: Any) -> None:
    view = _open(window, case_id, "parties")
    view.parties.add_record()
    dialog = view.parties.dialog
    dialog.name.setText("Свидетель")
    dialog.phones.setPlainText("+7 916 123-45-67\n12345")
    assert dialog.error.isVisible() and "12345" in dialog.error.text()
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert len(cases.get_case(window.env.ctx, case_id).parties) == 2


def test_statement_cannot_predate_the_case(window: Any, case_id: int, qtbot: Any) -> None:
    view = _open(window, case_id, "statements")
    view.statements.add_record()
    dialog = view.statements.dialog
    assert isinstance(dialog, StatementDialog)
    dialog.text.setPlainText("Курьер звонил мне ночью.")
    dialog.taken_at.set_utc(datetime(2025, 9, 1, 9, tzinfo=UTC))
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "16.09.2025" in dialog.error.text()
    dialog.taken_at.set_utc(datetime(2025, 9, 17, 9, tzinfo=UTC))
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert len(cases.get_case(window.env.ctx, case_id).statements) == 1


def test_reveal_asks_reason_and_writes_audit_entry(window: Any, case_id: int, qtbot: Any) -> None:
    view = _open(window, case_id, "parties")
    tab = view.parties
    rows = range(tab.model.rowCount())
    row = next(r for r in rows if tab.model.record_at(r).role == "complainant")
    tab.table.selectRow(row)
    masked = tab.model.index(row, tab.PHONES).data()
    assert masked == "+7 916 ***-**-67"
    tab.reveal_phones()
    dialog = window.env.privacy.dialog
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a reason is required
    dialog.reason.setText("перезвонить заявительнице")
    assert ok.isEnabled()
    with qtbot.waitSignal(window.env.privacy.revealed):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert tab.model.index(row, tab.PHONES).data() == "+7 916 123-45-67"
    entry = audit.list_entries(window.env.ctx, case_id=case_id)[0]
    assert entry.action == "reveal" and entry.entity == "party"
    assert entry.after == {"field": "phones", "reason": "перезвонить заявительнице"}
    assert "123-45" not in str(entry.after)
    view.reload()  # the revealed value is not kept once the data is reloaded
    assert tab.model.index(row, tab.PHONES).data() == masked


def test_conflict_offers_reload(window: Any, case_id: int, qtbot: Any) -> None:
    view = _open(window, case_id, "overview")
    ctx = window.env.ctx
    # Another workstation edits the case after this window loaded it.
    other = cases.get_case(ctx, case_id)
    cases.update_case(ctx, case_id, other.version, title="Изменено коллегой")
    view.overview.title.setText("Моё название")
    view.overview.save()
    box = view.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible()
    assert "changed this record" in box.text()
    reload_button = next(b for b in box.buttons() if b.text() == "Reload")
    qtbot.mouseClick(reload_button, Qt.MouseButton.LeftButton)
    assert view.overview.title.text() == "Изменено коллегой"
    assert cases.get_case(ctx, case_id).title == "Изменено коллегой"
    assert view.undo_stack.count() == 0


def test_blacklisted_courier_warns(window: Any, case_id: int, qtbot: Any) -> None:
    ctx = window.env.ctx
    parties.blacklist_add(ctx, "CR-777", "угрозы клиентке", case_id)
    view = _open(window, case_id, "parties")
    view.parties.add_record()
    dialog = view.parties.dialog
    dialog.role.setCurrentIndex(dialog.role.findData("subject"))
    dialog.name.setText("Сидоров")
    dialog.courier_id.setText("CR-777")
    dialog.check_blacklist()
    assert dialog.blacklist_note.isVisible()
    assert "угрозы клиентке" in dialog.blacklist_note.text()
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    box = view.parties.findChild(QMessageBox, "blacklistWarning")
    assert box is not None and box.isVisible() and "CR-777" in box.text()
    assert (
        "BLACKLISTED"
        in view.parties.model.index(
            view.parties.model.row_of(max(p.id for p in view.detail.parties)), view.parties.COURIER
        ).data()
    )


def test_status_workflow_buttons(window: Any, case_id: int, qtbot: Any) -> None:
    view = _open(window, case_id, "overview")
    overview = view.overview
    for name in ("status_in_progress", "status_awaiting_decision"):
        qtbot.mouseClick(overview.findChild(QPushButton, name), Qt.MouseButton.LeftButton)
    close = overview.findChild(QPushButton, "status_closed")
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert overview.error.isVisible()  # a measure must be chosen first
    assert cases.get_case(window.env.ctx, case_id).status == "awaiting_decision"
    overview.measure.setCurrentIndex(overview.measure.findData("blacklist"))
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    detail = cases.get_case(window.env.ctx, case_id)
    assert (detail.status, detail.measure) == ("closed", "blacklist")


def test_statement_with_signed_copy(window: Any, case_id: int, qtbot: Any, tmp_path: Any) -> None:
    scan = tmp_path / "объяснение_смирновой.pdf"
    scan.write_bytes(b"%PDF-1.4 signed statement scan")
    view = _open(window, case_id, "statements")
    view.statements.add_record()
    dialog = view.statements.dialog
    dialog.text.setPlainText("Подтверждаю звонки ночью.")
    dialog.taken_at.set_utc(datetime(2025, 9, 17, 9, tzinfo=UTC))
    dialog.attach_file(scan)
    assert dialog.scan_name() == "объяснение_смирновой.pdf"
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    ctx = window.env.ctx
    [statement] = cases.get_case(ctx, case_id).statements
    stored = evidence_files.get_evidence(ctx, statement.attachment_id)
    assert (stored.kind, stored.original_name) == ("statement", scan.name)
    assert evidence_files.evidence_path(ctx, stored).read_bytes() == scan.read_bytes()
    tab = view.statements
    assert tab.model.index(0, 3).data() == scan.name
    # Editing the text keeps the signed copy.
    tab.table.selectRow(0)
    tab.edit_current()
    assert tab.dialog.scan_name() == scan.name
    tab.dialog.text.setPlainText("Подтверждаю звонки ночью с разных номеров.")
    qtbot.mouseClick(_ok(tab.dialog), Qt.MouseButton.LeftButton)
    [edited] = cases.get_case(ctx, case_id).statements
    assert edited.attachment_id == statement.attachment_id
    assert edited.text.endswith("с разных номеров.")


def test_signed_copy_typed_as_a_path(window: Any, case_id: int, qtbot: Any, tmp_path: Any) -> None:
    """The signed copy's row is the shared file field: a path pasted with quotes is taken when
    OK is clicked; a path that names no file is explained under the form, nothing stored."""
    scan = tmp_path / "скан.jpg"
    scan.write_bytes(b"\xff\xd8\xff signed scan")
    view = _open(window, case_id, "statements")
    view.statements.add_record()
    dialog = view.statements.dialog
    dialog.text.setPlainText("Звонков не было.")
    dialog.taken_at.set_utc(datetime(2025, 9, 17, 9, tzinfo=UTC))
    dialog.scan.edit.setText(str(tmp_path / "нет_такого.pdf"))
    dialog.scan.edit.editingFinished.emit()
    assert dialog.error.isVisible() and "нет_такого.pdf" in dialog.error.text()
    assert dialog.scan_path is None
    dialog.scan.edit.setText(f'"{scan}"')
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    [statement] = cases.get_case(window.env.ctx, case_id).statements
    stored = evidence_files.get_evidence(window.env.ctx, statement.attachment_id)
    assert stored.original_name == scan.name
