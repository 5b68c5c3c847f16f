"""The import dialog end to end on real-format files: detection shown, zone asked for,
mapping fixed by hand, import with rejected rows and their report, re-import refused, presets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.services.calls import intake as calls
from app.services.calls.dto import ImportOptions
from app.services.calls.importing import import_calls
from app.ui.calls.import_dialog import ImportDialog


def _dialog(qtbot: Any, env: Any, case_id: int) -> ImportDialog:
    dialog = ImportDialog(env, case_id, "Europe/Moscow")
    qtbot.addWidget(dialog)
    return dialog


def test_ru_export_detected_zone_asked_then_imported(
    qtbot: Any, env: Any, case_id: int, ru_vpbx: Path, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, env, case_id)
    dialog.set_path(ru_vpbx)
    preview = dialog.preview
    assert preview is not None
    assert preview.encoding == "cp1251" and preview.delimiter == ";" and preview.has_header
    assert "cp1251" in dialog.detected.text()
    # The file does not say its zone: the dialog asks instead of guessing.
    assert preview.error_field == "tz"
    assert dialog.error.isVisibleTo(dialog) and "time zone" in dialog.error.text()
    assert not dialog.import_button.isEnabled()
    dialog.set_tz("Europe/Moscow")
    assert dialog.preview.error is None
    assert dialog.import_button.isEnabled()
    # First parsed row: 14:03:11 Moscow time, numbers masked; 31.02 shown as rejected.
    parsed = dialog.tables.parsed
    assert parsed.item(0, 1).text() == "09.10.2025 14:03:11"
    assert "***" in parsed.item(0, 3).text()
    rejected_texts = [parsed.item(r, 1).text() for r in range(parsed.rowCount())]
    assert any("Impossible date" in t and "31.02.2025" in t for t in rejected_texts)

    with qtbot.waitSignal(dialog.imported) as signal:
        dialog.import_button.click()
    result = signal.args[0]
    assert result.imported > 0
    reasons = {r.reason for r in result.rejected}
    assert {"bad_date", "empty_caller", "bad_duration"} <= reasons
    assert dialog.pages.currentWidget() is dialog.result_view
    view = dialog.result_view
    assert view.rejected.rowCount() == len(result.rejected)
    labels = {view.rejected.item(r, 1).text() for r in range(view.rejected.rowCount())}
    assert "Duration is not a number" in labels
    report = tmp_path / "rejected.csv"
    view.save_report(report)
    text = report.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "line;reason;detail"
    assert len(text.splitlines()) == len(result.rejected) + 1


def test_same_file_again_is_refused(
    qtbot: Any, env: Any, case_id: int, ru_vpbx: Path, sqlite_ctx: Any
) -> None:
    import_calls(sqlite_ctx, case_id, ru_vpbx, ImportOptions(tz="Europe/Moscow"))
    dialog = _dialog(qtbot, env, case_id)
    dialog.set_path(ru_vpbx)
    dialog.set_tz("Europe/Moscow")
    dialog.import_button.click()
    assert dialog.outcome is None
    assert "already imported" in dialog.error.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.pages.currentIndex() == 0


def test_mapping_fixed_by_hand_and_saved_as_preset(
    qtbot: Any, env: Any, case_id: int, tmp_path: Path
) -> None:
    # Headers no guesser knows: the required fields must be mapped by hand.
    source = tmp_path / "odd.csv"
    source.write_text(
        "Когда;Абонент 1;Абонент 2;Сек\n"
        "2025-10-09 14:03:11;+79161234567;+79037654321;65\n"
        "2025-10-09 15:00:00;+79161234567;+79037654321;5\n",
        encoding="utf-8",
    )
    dialog = _dialog(qtbot, env, case_id)
    dialog.set_path(source)
    dialog.set_tz("Europe/Moscow")
    assert dialog.preview.error_field == "map"
    assert "mapping" in dialog.error.text()
    assert not dialog.import_button.isEnabled()
    dialog.mapping.select("start", "Когда")
    dialog.mapping.select("caller", "Абонент 1")
    dialog.mapping.select("callee", "Абонент 2")
    dialog.mapping.select("duration", "Сек")
    assert dialog.preview.error is None
    assert dialog.tables.parsed.item(0, 2).text() == "1:05"
    assert dialog.import_button.isEnabled()

    dialog.save_preset_as("odd operator")
    assert dialog.preset.currentData() == "odd operator"
    saved = {p.name: p for p in calls.list_presets(env.ctx)}["odd operator"]
    assert saved.mapping["caller"] == "Абонент 1" and saved.tz == "Europe/Moscow"
    # A fresh dialog with that preset reads the file without any hand work.
    again = _dialog(qtbot, env, case_id)
    again.set_preset("odd operator")
    again.set_path(source)
    assert again.preview.error is None
    assert again.mapping.combo("duration").currentData() == "Сек"
    assert again.delete_preset_button.isEnabled()
    again.delete_preset()
    assert "odd operator" not in {p.name for p in calls.list_presets(env.ctx)}
    assert again.preset.currentData() is None and again.preview.error_field == "map"
    again.set_preset("ru-vpbx")
    assert not again.delete_preset_button.isEnabled()  # built-in


def test_stopped_import_keeps_nothing(
    qtbot: Any, env: Any, case_id: int, ru_vpbx: Path, sqlite_ctx: Any
) -> None:
    from app.services.calls.query import call_ids
    from app.ui.tasks import TaskRunner

    runner = TaskRunner(cpu_threads=1)
    env.tasks = runner
    dialog = ImportDialog(env, case_id, "Europe/Moscow")
    qtbot.addWidget(dialog)
    dialog.set_path(ru_vpbx)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
    dialog.set_tz("Europe/Moscow")
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)
    with qtbot.waitSignal(runner.task_finished, timeout=10000):
        dialog.start_import()
        dialog.cancel_import()
    assert dialog.outcome is None and dialog.task is None
    assert "nothing was imported" in dialog.status.text()
    assert dialog.import_button.isEnabled()
    assert call_ids(sqlite_ctx, case_id) == []
    runner.shutdown()


def test_xlsx_export_previewed(qtbot: Any, env: Any, case_id: int, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Дата звонка", "Номер звонящего", "Номер вызываемого", "Длительность"])
    sheet.append(["09.10.2025 14:03:11", "+79161234567", "+79037654321", "65"])
    path = tmp_path / "export.xlsx"
    book.save(path)
    dialog = _dialog(qtbot, env, case_id)
    dialog.set_path(path)
    dialog.set_tz("Europe/Samara")
    assert "Excel workbook" in dialog.detected.text()
    assert dialog.preview.error is None
    assert dialog.tables.parsed.item(0, 1).text() == "09.10.2025 13:03:11"  # Moscow view
