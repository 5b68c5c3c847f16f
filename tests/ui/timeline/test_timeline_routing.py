"""Double-click in the timeline tab of a real case view opens the record where it lives."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from app.ui.timeline.scene import ROW_H


@pytest.fixture
def view(env, tcase, qtbot, monkeypatch):
    # only the tabs this test routes to: the others' tabs are tested by their owners
    from app.ui.cases import tabs

    wanted = [t for t in tabs.FEATURE_TABS if t.key in ("calls", "timeline")]
    monkeypatch.setattr("app.ui.cases.tabs.FEATURE_TABS", tuple(wanted))
    from app.ui.cases.case_view import CaseView

    widget = CaseView(env, tcase.id)
    qtbot.addWidget(widget)
    widget.resize(1500, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _show(view, widget):
    page = next(
        i for i in range(view.tabs.count())
        if view.tabs.widget(i) is widget or view.tabs.widget(i).isAncestorOf(widget)
    )  # fmt: skip
    view.tabs.setCurrentIndex(page)


def _current(view):
    """The current tab's own widget (a feature tab may sit in a scroll area)."""
    page = view.tabs.currentWidget()
    return page.widget() if hasattr(page, "widget") and callable(page.widget) else page


def _double_click(qtbot, panel, event):
    scene = panel.canvas.scene
    scene.fit(event.start_s - 60, event.start_s + 60)
    row = next(
        r for r in scene.rows if r.kind == event.kind and scene.lanes[r.lane].key == event.party
    )
    pos = QPoint(round(scene.x_of(event.start_s)) + 1, round(row.top + ROW_H / 2))
    qtbot.mouseDClick(panel.canvas, Qt.MouseButton.LeftButton, pos=pos)


def test_double_click_opens_statement_manual_event_and_call(view, tcase, qtbot):
    panel = view.findChild(QWidget, "featureTab_timeline")
    _show(view, panel)
    panel.canvas.resize(1200, 500)

    statement = next(e for e in panel.data.events if e.kind == "statement")
    _double_click(qtbot, panel, statement)
    assert _current(view) is view.statements
    assert view.statements.current().id == tcase.statement_id

    _show(view, panel)
    manual = next(e for e in panel.data.events if e.kind == "manual")
    _double_click(qtbot, panel, manual)
    assert _current(view) is view.events
    assert view.events.current().id == tcase.manual_id

    _show(view, panel)
    call = next(e for e in panel.data.events if e.kind == "call")
    _double_click(qtbot, panel, call)
    calls_tab = view.findChild(QWidget, "featureTab_calls")
    assert _current(view) is calls_tab
    assert calls_tab.selected_ids() == [int(call.ref.split(":")[1])]
