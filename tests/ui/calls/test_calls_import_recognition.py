"""The import dialog with strangers' exports (issue 11): a typed or pasted path, the
recognized layout and how sure it is, a guess the investigator must confirm, the zone chosen
for a platform remembered; the findings panel says why it found nothing."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from app.services.calls.dto import ImportOptions
from app.services.calls.importing import import_calls
from app.ui.calls.findings_panel import FindingsPanel
from app.ui.calls.import_dialog import ImportDialog

DATA = Path(__file__).resolve().parents[2] / "data" / "calls"


def _dialog(qtbot: Any, env: Any, case_id: int) -> ImportDialog:
    dialog = ImportDialog(env, case_id, "Europe/Moscow")
    qtbot.addWidget(dialog)
    return dialog


def test_typed_path_reads_the_file_and_names_the_layout(qtbot: Any, env: Any, case_id: int) -> None:
    dialog = _dialog(qtbot, env, case_id)
    dialog.file_edit.setText(f'"{DATA / "asterisk_testsuite_Master.csv"}"')  # pasted with quotes
    dialog.file_edit.editingFinished.emit()
    assert dialog.preview is not None and dialog.preview.preset == "asterisk-master"
    assert "asterisk-master" in dialog.recognized.text() and "95%" in dialog.recognized.text()
    dialog.file_edit.setText("/nowhere/Master.csv")
    dialog.file_edit.editingFinished.emit()
    assert "There is no file" in dialog.error.text()


def test_an_unsure_guess_must_be_confirmed(qtbot: Any, env: Any, case_id: int, tmp_path) -> None:
    path = tmp_path / "three_numbers.csv"
    path.write_text(
        "2025-10-09 14:03:11;+79161234567;+79037654321;+74951112233;65\n"
        "2025-10-09 14:10:00;+79037654321;+79161234567;+74951112233;0\n",
        encoding="utf-8",
    )
    dialog = _dialog(qtbot, env, case_id)
    dialog.set_path(path)
    dialog.set_tz("Europe/Moscow")
    assert dialog.preview.confidence < 0.6
    assert dialog.confirm_guess.isVisibleTo(dialog) and not dialog.import_button.isEnabled()
    dialog.confirm_guess.setChecked(True)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported) as signal:
        dialog.import_button.click()
    assert signal.args[0].imported == 2


def test_zone_chosen_for_a_platform_is_remembered(
    qtbot: Any, env: Any, case_id: int, tmp_path
) -> None:
    first = _dialog(qtbot, env, case_id)
    first.set_path(DATA / "3cx_cdr.csv")
    assert first.preview.preset == "3cx" and first.tz.currentIndex() == 0
    index = first.tz.findData("Asia/Yekaterinburg")
    first.tz.setCurrentIndex(index)
    first.tz.activated.emit(index)  # what picking it in the list does
    other = tmp_path / "3cx_next_week.csv"
    shutil.copyfile(DATA / "3cx_cdr.csv", other)
    second = _dialog(qtbot, env, case_id)
    second.set_path(other)
    assert second.tz.currentData() == "Asia/Yekaterinburg"
    assert second.preview.tz == "Asia/Yekaterinburg"


def test_no_findings_says_which_phones_are_missing(
    qtbot: Any, env: Any, case_id: int, sqlite_ctx: Any, ru_vpbx: Path
) -> None:
    import_calls(sqlite_ctx, case_id, ru_vpbx, ImportOptions(tz="Europe/Moscow"))
    panel = FindingsPanel(env, case_id)
    qtbot.addWidget(panel)
    panel.analyze()
    assert panel.findings == []
    assert "neither the complainant's nor the courier's phone number" in panel.status.text()


def test_orders_import_dialog(qtbot: Any, env: Any, case_id: int, sqlite_ctx: Any) -> None:
    from app.services.core.parties import PartyInput, add_party
    from app.ui.calls.tab import CallsTab, create_tab

    add_party(sqlite_ctx, case_id, PartyInput(role="subject", name="Петров Иван",
                                              courier_id="C-7781"))  # fmt: skip
    tab = create_tab(env, case_id, None)
    qtbot.addWidget(tab)
    assert isinstance(tab, CallsTab)
    dialog = tab.open_orders_import()
    dialog.file_edit.setText(str(DATA / "orders_ru_cp1251.csv"))
    dialog.file_edit.editingFinished.emit()
    assert dialog.preview is not None and dialog.preview.error is None
    assert dialog.table.rowCount() >= 1 and dialog.table.item(0, dialog.ORDER).text()
    assert "Delivered at 09.10.2025 14:25" in dialog.table.item(0, dialog.EVENTS).text()
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported) as signal:
        dialog.import_button.click()
    result = signal.args[0]
    assert result.created >= 1 and result.events >= 1
    assert "Orders created" in dialog.result_label.text()
