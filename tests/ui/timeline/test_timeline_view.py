"""The timeline tab with pytest-qt: lanes, zoom around the cursor, pan, filters, selection and
details, double-click routing, keyboard stepping, dossier marks, manual events with undo, export."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from app.domain.timeline import LaneMode
from app.services.core.audit import list_entries
from app.services.core.records import EventInput
from app.ui.timeline import commands
from app.ui.timeline.scene import ROW_H
from tests.timeline_support import DELIVERED


def _point_of(panel, event_id):
    """Where an event is drawn on the canvas."""
    scene = panel.canvas.scene
    event = next(e for e in scene.events if e.id == event_id)
    key = event.party if scene.mode is LaneMode.PARTY else event.source
    row = next(r for r in scene.rows if r.kind == event.kind and scene.lanes[r.lane].key == key)
    return QPoint(round(scene.x_of(event.start_s)) + 1, round(row.top + ROW_H / 2)), event


def _wheel(widget, pos, steps):
    event = QWheelEvent(
        QPointF(pos), QPointF(widget.mapToGlobal(pos)), QPoint(0, 0), QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)


def test_lanes_by_party_then_by_source(panel):
    scene = panel.canvas.scene
    assert [lane.key for lane in scene.lanes] == ["Курьер Петров", "Смирнова Ольга", ""]
    panel.lanes.setCurrentIndex(1)
    assert scene.mode is LaneMode.SOURCE
    assert {lane.key for lane in scene.lanes} == {
        "calls", "orders", "statements", "manual", "case", "analysis"
    }  # fmt: skip
    assert panel.count.text().startswith(str(len(panel.data.events)))


def test_wheel_zooms_around_the_cursor_and_drag_pans(panel, qtbot):
    canvas = panel.canvas
    scene = canvas.scene
    pos = QPoint(700, 100)
    anchor = scene.t_of(pos.x())
    spp = scene.spp
    _wheel(canvas, pos, 3)
    assert scene.spp < spp / 1.9
    assert abs(scene.t_of(pos.x()) - anchor) < scene.spp  # the instant under the cursor stays
    for _ in range(40):  # down to seconds...
        _wheel(canvas, pos, 3)
    assert scene.spp * (canvas.width() - 200) < 60
    for _ in range(60):  # ...and out to weeks
        _wheel(canvas, pos, -3)
    assert scene.spp * canvas.width() > 14 * 86400
    canvas.fit_all()
    assert " – " in panel.window_label.text()  # the window on screen, in the case zone
    t0 = scene.t0
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(800, 100))
    qtbot.mouseMove(canvas, QPoint(700, 100))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(700, 100))
    assert abs((scene.t0 - t0) - 100 * scene.spp) < scene.spp  # dragged left: later times


def test_filters_by_kind_party_and_text(panel, qtbot):
    total = len(panel.data.events)
    panel.set_checked("kind", {"call"})
    assert panel.shown and {e.kind for e in panel.shown} == {"call"}
    assert panel.count.text().startswith(f"{len(panel.shown)} of {total}")
    panel.set_checked("kind", set())
    panel.set_checked("party", {"Смирнова Ольга"})
    assert {e.party for e in panel.shown} == {"Смирнова Ольга"}
    assert [lane.key for lane in panel.canvas.scene.lanes] == ["Смирнова Ольга"]
    panel.set_checked("party", set())
    panel.search.setText("СТУК")  # applied after a pause in the typing
    qtbot.waitUntil(lambda: [e.kind for e in panel.shown] == ["manual"])


def test_findings_arrive_after_the_timeline_and_filter_their_calls(panel):
    assert panel.data.with_findings  # added by the background step after the first build
    panel.set_checked("finding", {"masking_bypass"})
    kinds = {e.kind for e in panel.shown}
    assert kinds == {"finding", "call"}
    assert all("masking_bypass" in e.tags for e in panel.shown)
    span = next(e for e in panel.shown if e.kind == "finding")
    panel.canvas.select(span)
    assert "Direct calls between the real numbers" in panel.details.body.text()


def test_click_selects_and_details_show_local_and_utc_time(panel, qtbot):
    delivered = next(e for e in panel.data.events if e.title.endswith("delivered"))
    panel.canvas.scene.fit(delivered.start_s - 600, delivered.start_s + 600)
    pos, event = _point_of(panel, delivered.id)
    qtbot.mouseClick(panel.canvas, Qt.MouseButton.LeftButton, pos=pos)
    assert panel.canvas.scene.selected is event
    text = panel.details.body.text()
    assert "09.10.2025 14:05:00 (UTC+03:00)" in text and "2025-10-09 11:05:00 UTC" in text
    assert "ORD-1001" in text


def test_double_click_routes_calls_and_orders(panel, qtbot):
    scene = panel.canvas.scene
    call = next(e for e in panel.data.events if e.kind == "call")
    scene.fit(call.start_s - 30, call.start_s + 30)
    pos, _ = _point_of(panel, call.id)
    with qtbot.waitSignal(panel.open_requested) as opened:
        qtbot.mouseDClick(panel.canvas, Qt.MouseButton.LeftButton, pos=pos)
    assert opened.args == ["call", call.ref] and call.ref.startswith("call:")

    order = next(e for e in panel.data.events if e.id.startswith("order_event:"))
    scene.fit(order.start_s - 30, order.start_s + 30)
    pos, _ = _point_of(panel, order.id)
    with qtbot.waitSignal(panel.open_requested) as opened:
        qtbot.mouseDClick(panel.canvas, Qt.MouseButton.LeftButton, pos=pos)
    assert opened.args == ["order", order.ref] and order.ref.startswith("order:")


def test_keyboard_steps_through_events_in_time_order(panel, qtbot):
    events = panel.canvas.scene.events
    panel.canvas.select(events[3])
    panel.canvas.setFocus()
    qtbot.keyClick(panel.canvas, Qt.Key.Key_Right)
    assert panel.canvas.scene.selected is events[4]
    qtbot.keyClick(panel.canvas, Qt.Key.Key_Left)
    qtbot.keyClick(panel.canvas, Qt.Key.Key_Left)
    assert panel.canvas.scene.selected is events[2]
    with qtbot.waitSignal(panel.open_requested) as opened:
        qtbot.keyClick(panel.canvas, Qt.Key.Key_Return)
    assert opened.args == [events[2].kind, events[2].ref]
    qtbot.keyClick(panel.canvas, Qt.Key.Key_F)  # fit to the selected event
    t0, t1 = panel.canvas.scene.visible_range()
    assert t0 < events[2].start_s < t1 and t1 - t0 < 600


def test_dossier_mark_is_undoable(panel, env, tcase):
    call = next(e for e in panel.data.events if e.kind == "call")
    panel.canvas.select(call)
    panel.details.dossier.click()
    marked = {e.id for e in panel.data.events if e.in_dossier}
    assert marked == {call.id}
    panel.dossier_only.setChecked(True)
    assert [e.id for e in panel.shown] == [call.id]
    env.undo_stack_for(tcase.id).undo()
    assert not any(e.in_dossier for e in panel.data.events)


def test_manual_event_add_edit_delete_with_undo_and_audit(panel, env, tcase, sqlite_ctx):
    stack = env.undo_stack_for(tcase.id)
    at = DELIVERED + timedelta(hours=10)
    commands.add_event(
        panel, EventInput(at=at, text="Звонок в домофон", uncertainty_s=600)
    ).run_first()
    added = [e for e in panel.data.events if e.title == "Звонок в домофон"]
    assert len(added) == 1 and added[0].uncertainty_s == 600 and added[0].start_utc == at
    stack.undo()
    assert not [e for e in panel.data.events if e.title == "Звонок в домофон"]
    stack.redo()
    [restored] = [e for e in panel.data.events if e.title == "Звонок в домофон"]
    assert restored.id == added[0].id

    panel.canvas.select_id(restored.id)
    assert panel.details.edit_button.isVisibleTo(panel) and panel.details.delete_button.isVisibleTo(
        panel
    )
    from app.services.timeline.build import manual_event

    info = manual_event(sqlite_ctx, tcase.id, int(restored.ref.split(":")[1]))
    commands.edit_event(panel, info, EventInput(at=at, text="Звонок в домофон дважды")).run_first()
    assert any(e.title == "Звонок в домофон дважды" for e in panel.data.events)
    stack.undo()
    assert any(e.title == "Звонок в домофон" for e in panel.data.events)
    actions = [(e.action, e.entity) for e in list_entries(sqlite_ctx, case_id=tcase.id)]
    assert actions[:4] == [
        ("update", "event"),
        ("update", "event"),
        ("restore", "event"),
        ("delete", "event"),
    ]


def test_export_csv_png_svg(panel, tmp_path, sqlite_ctx, tcase):
    panel.set_checked("kind", {"call", "order"})
    panel.export.export("csv", tmp_path / "t.csv")
    panel.export.export("png", tmp_path / "t.png")
    panel.export.export("svg", tmp_path / "t.svg")
    lines = (tmp_path / "t.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == len(panel.shown) + 1
    image = QImage(str(tmp_path / "t.png"))
    assert image.width() >= 1600 and image.height() > 100
    assert "<svg" in (tmp_path / "t.svg").read_text(encoding="utf-8")
    exports = [e.after for e in list_entries(sqlite_ctx, case_id=tcase.id) if e.action == "export"]
    assert sorted(e["format"] for e in exports) == ["csv", "png", "svg"]
    assert all(e["filter"] == "kinds=call,order" for e in exports)


def test_hover_tooltip_gives_case_zone_and_utc(panel, qtbot):
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    delivered = next(e for e in panel.data.events if e.title.endswith("delivered"))
    panel.canvas.scene.fit(delivered.start_s - 600, delivered.start_s + 600)
    pos, _ = _point_of(panel, delivered.id)
    empty = QPoint(pos.x(), pos.y() + 400)  # below the lanes: just the time there
    for where, expected in (
        (pos, ["Order ORD-1001: delivered", "09.10.2025 14:05:00 (UTC+03:00)", "11:05:00 UTC"]),
        (empty, ["(UTC+03:00)", "UTC"]),
    ):
        help_event = QHelpEvent(QHelpEvent.Type.ToolTip, where, panel.canvas.mapToGlobal(where))
        QApplication.sendEvent(panel.canvas, help_event)
        qtbot.waitUntil(QToolTip.isVisible)
        assert all(part in QToolTip.text() for part in expected), QToolTip.text()
        QToolTip.hideText()


def test_shift_drag_range_marks_its_events_for_the_dossier(panel, qtbot):
    delivered = next(e for e in panel.data.events if e.title.endswith("delivered"))
    scene = panel.canvas.scene
    scene.fit(delivered.start_s - 3600, delivered.start_s + 3600)
    a, b = round(scene.x_of(delivered.start_s - 60)), round(scene.x_of(delivered.start_s + 60))
    shift = Qt.KeyboardModifier.ShiftModifier
    qtbot.mousePress(panel.canvas, Qt.MouseButton.LeftButton, shift, QPoint(a, 100))
    qtbot.mouseMove(panel.canvas, QPoint(b, 100))
    qtbot.mouseRelease(panel.canvas, Qt.MouseButton.LeftButton, shift, QPoint(b, 100))
    start, end = scene.range_sel
    assert start < delivered.start_s < end
    assert panel.window_label.text().startswith("Range 09.10.2025 14:0")
    panel.mark_range_in_dossier(True)
    marked = {e.id for e in panel.data.events if e.in_dossier}
    inside = {e.id for e in panel.data.events if e.start_s <= end and e.end_s >= start}
    assert delivered.id in marked and marked == inside
    panel.canvas_fit_selection()
    t0, t1 = scene.visible_range()
    assert t1 - t0 < 200


def test_russian_labels(env, tcase, qtbot, qapp):
    from PySide6.QtCore import QLocale, QTranslator

    from app.paths import resource_path
    from app.ui.timeline.tab import create_tab, tab_title

    translator = QTranslator()
    assert translator.load("timeline_ru", str(resource_path("translations")))
    qapp.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Russian))
    try:
        assert tab_title() == "Хронология"
        panel = create_tab(env, tcase.id, None)
        qtbot.addWidget(panel)
        assert panel.lanes.currentText() == "Дорожки по участникам"
        panel.canvas.select(
            next(e for e in panel.data.events if e.id.startswith("finding:masking"))
        )
        assert "Прямые звонки" in panel.details.body.text()
        assert "Высокая" in panel.details.body.text()
        delivered = next(e for e in panel.data.events if e.title.endswith("delivered"))
        panel.canvas.select(delivered)
        assert "Заказ ORD-1001: доставлен" in panel.details.body.text()
    finally:
        qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English))


def test_closing_the_tab_while_it_loads_is_harmless(sqlite_ctx, tcase, qtbot):
    from app.ui.env import UiEnv
    from app.ui.tasks import TaskRunner
    from app.ui.timeline.tab import create_tab

    runner = TaskRunner()
    env = UiEnv(sqlite_ctx, runner)
    panel = create_tab(env, tcase.id, None)  # the build runs in a worker thread
    panel.deleteLater()
    qtbot.waitUntil(lambda: not runner.active_tasks(), timeout=20_000)
    assert runner.shutdown()


def test_lanes_that_do_not_fit_scroll_under_the_axis(panel, qtbot):
    panel.resize(1400, 260)
    canvas, scene = panel.canvas, panel.canvas.scene
    qtbot.waitUntil(canvas.vbar.isVisible)
    assert canvas.vbar.maximum() == int(scene.content_height() - canvas.height())
    milestone = next(e for e in panel.data.events if e.id == "milestone:received")
    canvas.select(milestone, reveal=True)  # the last lane: scrolled into view
    row = scene.row_of(milestone)
    assert scene.v_off > 0 and row.top - scene.v_off < canvas.height()
    pos = QPoint(round(scene.x_of(milestone.start_s)) + 1, round(row.top - scene.v_off + ROW_H / 2))
    canvas.select(None)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pos)
    assert canvas.scene.selected is milestone
    _wheel_shift = QWheelEvent(
        QPointF(pos), QPointF(canvas.mapToGlobal(pos)), QPoint(0, 0), QPoint(0, 120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ShiftModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    spp = scene.spp
    QApplication.sendEvent(canvas, _wheel_shift)
    assert scene.spp == spp and canvas.vbar.value() < row.top  # scrolled up, no zoom


def test_threaded_runner_loads_then_adds_findings(sqlite_ctx, tcase, qtbot):
    from app.ui.env import UiEnv
    from app.ui.tasks import TaskRunner
    from app.ui.timeline.tab import create_tab

    runner = TaskRunner()
    env = UiEnv(sqlite_ctx, runner)
    panel = create_tab(env, tcase.id, None)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: panel.data.with_findings, timeout=30_000)
    assert any(e.kind == "finding" for e in panel.shown)
    qtbot.waitUntil(lambda: not runner.active_tasks(), timeout=20_000)
    assert runner.shutdown()
