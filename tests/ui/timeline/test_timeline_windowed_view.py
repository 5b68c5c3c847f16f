"""The timeline view of a big call log: counted calls drawn as bars in their parties' lanes, the
calls of a small stretch read one by one after a zoom (off the GUI thread, latest wins), the
count and the range include counted calls, filters that need the calls themselves say so.
The limits are lowered so that a 60-call log is "big"."""

from __future__ import annotations

from typing import Any

import pytest

from app.services.timeline import call_window
from tests.timeline_support import TimelineCase


@pytest.fixture
def windowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(call_window, "DETAIL_LIMIT", 10)
    monkeypatch.setattr(call_window, "WINDOW_DETAIL", 15)


def _settled(panel: Any, qtbot: Any) -> None:
    qtbot.waitUntil(lambda: panel.data is not None and not panel.calls.pending(), timeout=5000)


def test_counted_calls_are_bars_until_a_zoom_reads_them(
    windowed: None, panel: Any, qtbot: Any, tcase: TimelineCase
) -> None:
    _settled(panel, qtbot)
    data = panel.data
    assert data.calls is not None and data.calls.total == 60
    assert not [e for e in data.events if e.kind == "call"]
    scene = panel.canvas.scene
    assert scene.calls is not None and not scene.calls.detailed
    call_rows = [r for r in scene.rows if r.kind == "call"]
    assert {scene.lanes[r.lane].key for r in call_rows} == set(data.calls.lanes)
    # through the translator the suite may have installed ("71 events")
    assert panel.count.text() == panel.tr("%n event(s)", "", len(data.events) + 60)
    assert sum(lane.count for lane in scene.lanes) == len(data.events) + 60
    image = panel.canvas.grab()  # paints the bars
    assert not image.isNull()

    # a bar under the pointer says how many calls it holds
    bar = max(scene.calls.bars, key=lambda b: b.calls)
    row = next(r for r in call_rows if scene.lanes[r.lane].key == bar.lane)
    hit = scene.bar_hit(scene.x_of(bar.start_s) + 0.5, row.top + 10 - scene.v_off)
    assert hit is not None and hit.calls >= bar.calls

    # zoom to a stretch of a few calls: they are read one by one
    first = data.calls.first_utc.timestamp()
    scene.fit(first, first + 600, margin=0)
    panel.canvas.view_changed.emit()
    qtbot.waitUntil(lambda: panel.calls.window.detailed, timeout=5000)
    _settled(panel, qtbot)
    loaded = [e for e in scene.events if e.kind == "call"]
    assert loaded and scene.calls is None
    assert all(e.ref.startswith("call:") and "***" in e.title for e in loaded)
    panel.canvas.select_id(loaded[0].id)
    assert scene.selected is not None and scene.selected.id == loaded[0].id

    # a text filter cannot be applied to counted calls: the count says to zoom in
    panel.canvas.fit_all()
    _settled(panel, qtbot)
    assert scene.calls is not None
    panel.search.setText("answered")
    panel.apply_filters()
    assert scene.calls is None and "zoom in" in panel.count.text()


def test_party_filter_keeps_only_that_lanes_bars(
    windowed: None, panel: Any, qtbot: Any, tcase: TimelineCase
) -> None:
    _settled(panel, qtbot)
    panel.set_checked("party", {"Курьер Петров"})
    scene = panel.canvas.scene
    keys = {scene.lanes[r.lane].key for r in scene.rows if r.kind == "call"}
    assert keys == {"Курьер Петров"}
    counted = panel.data.calls.lane_totals["Курьер Петров"]
    assert scene.counted_calls(*scene.visible_range()) == counted
    panel.set_checked("kind", {"order"})
    assert scene.calls is None and not [r for r in scene.rows if r.kind == "call"]
