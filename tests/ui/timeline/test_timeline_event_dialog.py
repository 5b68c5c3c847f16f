"""The manual event dialog reads and writes times in the case's zone; double-click on empty
timeline space adds an event there through it."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from app.services.core.records import EventInput
from app.ui.timeline.event_dialog import ManualEventDialog


def test_dialog_shows_local_time_and_returns_utc(qtbot):
    at = datetime(2025, 10, 9, 11, 30, tzinfo=UTC)
    initial = EventInput(at=at, text="Стук", uncertainty_s=900, source="соседка", party_id=2)
    dialog = ManualEventDialog(
        "Asia/Vladivostok", [(1, "Смирнова"), (2, "Петров")], at, None, initial
    )
    qtbot.addWidget(dialog)
    assert dialog.when.text() == "09.10.2025 21:30:00"  # UTC+10
    assert dialog.uncertainty.value() == 15 and dialog.party.currentText() == "Петров"
    dialog.when.setDateTime(dialog.when.dateTime().addSecs(3600))
    result = dialog.result_input()
    assert result.at == datetime(2025, 10, 9, 12, 30, tzinfo=UTC)
    assert (result.text, result.uncertainty_s, result.source, result.party_id) == (
        "Стук", 900, "соседка", 2
    )  # fmt: skip
    dialog.text.setPlainText("   ")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_double_click_on_empty_space_adds_an_event_there(panel, qtbot, monkeypatch):
    scene = panel.canvas.scene
    lane_row = next(r for r in scene.rows if r.kind == "manual")
    x = 900
    t = scene.t_of(x)

    def accept(dialog):
        dialog.text.setPlainText("Машина курьера у подъезда")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ManualEventDialog, "exec", accept)
    qtbot.mouseDClick(
        panel.canvas, Qt.MouseButton.LeftButton, pos=QPoint(x, round(lane_row.top + 300))
    )
    [added] = [e for e in panel.data.events if e.title == "Машина курьера у подъезда"]
    assert abs(added.start_s - t) < 1.0 and added.kind == "manual"
