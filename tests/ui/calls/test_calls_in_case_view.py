"""The call tab inside the case view: registered under its key, titled in the UI language,
and a timeline double-click (`route_open`, ref `call:<id>`) selects the call."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.services.calls import query as calls_query
from app.services.calls.dto import CallFilter
from app.ui.calls.tab import CallsTab
from app.ui.cases.case_view import CaseView
from app.ui.timeline.routing import route_open


def test_timeline_opens_a_call_in_the_call_tab(qtbot: Any, env: Any, scenario_case: int) -> None:
    view = CaseView(env, scenario_case)
    qtbot.addWidget(view)
    tab = view.findChild(QWidget, "featureTab_calls")
    assert isinstance(tab, CallsTab) and view.feature_tabs["calls"] is tab
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert "Calls" in titles
    target = calls_query.call_ids(env.ctx, scenario_case, CallFilter(number="5550102"))[-1]
    with qtbot.waitSignal(tab.calls_loaded, timeout=2000):
        tab.filters.number.setText("4567")  # hides the target (another number)
    assert tab.model.row_of(target) < 0
    assert route_open(view, "call", f"call:{target}")
    qtbot.waitUntil(lambda: tab.selected_ids() == [target], timeout=2000)
    assert view.tabs.currentWidget().isAncestorOf(tab)
