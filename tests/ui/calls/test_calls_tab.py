"""The call tab on a real database: table over ids, filter by digits, reveal with an audit
entry, select a call by id (what the timeline does), the model checked by qtmodeltester."""

from __future__ import annotations

from typing import Any

from app.services.calls import query as calls_query
from app.services.calls.dto import CallFilter
from app.services.core import audit
from app.ui.calls.call_model import CallTableModel
from app.ui.calls.tab import CallsTab, create_tab, tab_title
from app.ui.cases.tabs import FEATURE_TABS


def _tab(qtbot: Any, env: Any, case_id: int) -> CallsTab:
    tab = create_tab(env, case_id, None)
    qtbot.addWidget(tab)
    assert isinstance(tab, CallsTab)
    return tab


def test_registered_as_case_tab() -> None:
    assert "calls" in [t.key for t in FEATURE_TABS]
    assert tab_title() == "Calls"


def test_table_shows_case_calls_masked_in_case_zone(
    qtbot: Any, env: Any, case_with_calls: int, sqlite_ctx: Any
) -> None:
    tab = _tab(qtbot, env, case_with_calls)
    total = len(calls_query.call_ids(sqlite_ctx, case_with_calls, CallFilter()))
    assert total > 0 and tab.model.rowCount() == total
    model = tab.model
    first = model.index(0, CallTableModel.START)
    assert model.data(first) == "09.10.2025 14:03:11"  # Moscow time, as in the file
    caller = model.data(model.index(0, CallTableModel.CALLER))
    assert "***" in caller and "Курьер Петров" in caller
    assert model.data(model.index(0, CallTableModel.DURATION)) == "1:05"
    assert model.data(model.index(0, CallTableModel.STATUS)) == "Answered"
    assert model.data(model.index(0, CallTableModel.SOURCE)) == "ru_vpbx_cp1251.csv:2"
    assert "%n" not in tab.count_label.text() and str(total) in tab.count_label.text()


def test_filter_by_any_run_of_digits(qtbot: Any, env: Any, case_with_calls: int) -> None:
    tab = _tab(qtbot, env, case_with_calls)
    with qtbot.waitSignal(tab.calls_loaded, timeout=2000) as signal:
        tab.filters.number.setText("0611")  # the short service number, as written
    assert signal.args == [1]
    assert tab.model.call_at(0).caller.endswith("11")


def test_filter_by_digits_in_a_busy_case(qtbot: Any, env: Any, scenario_case: int) -> None:
    tab = _tab(qtbot, env, scenario_case)
    total = tab.model.rowCount()
    with qtbot.waitSignal(tab.calls_loaded, timeout=2000):
        tab.filters.number.setText("765-43")  # digits of the complainant, with a dash
    assert tab.model.rowCount() == 11 < total
    for row in range(tab.model.rowCount()):
        call = tab.model.call_at(row)
        assert "Иванова" in f"{call.caller_party} {call.callee_party}"
    with qtbot.waitSignal(tab.calls_loaded, timeout=2000) as signal:
        tab.filters.number.setText("000000")
    assert signal.args == [0]
    with qtbot.waitSignal(tab.calls_loaded, timeout=2000):
        tab.filters.clear()
    assert tab.model.rowCount() == total


def test_filter_by_status_and_party(qtbot: Any, env: Any, case_with_calls: int) -> None:
    tab = _tab(qtbot, env, case_with_calls)
    with qtbot.waitSignal(tab.calls_loaded, timeout=2000):
        tab.filters.status.setCurrentIndex(tab.filters.status.findData("missed"))
    statuses = {tab.model.call_at(r).status for r in range(tab.model.rowCount())}
    assert statuses == {"missed"}
    tab.filters.clear()
    courier = tab.filters.party.findText("Курьер Петров (Courier (subject))")
    assert courier > 0
    with qtbot.waitSignal(tab.calls_loaded, timeout=2000):
        tab.filters.party.setCurrentIndex(courier)
    assert tab.model.rowCount() > 0


def test_reveal_writes_an_audit_entry(
    qtbot: Any, env: Any, case_with_calls: int, sqlite_ctx: Any
) -> None:
    tab = _tab(qtbot, env, case_with_calls)
    assert not tab.reveal_button.isEnabled()  # nothing selected
    tab.table.selectRow(0)
    assert tab.reveal_button.isEnabled()
    ids = tab.selected_ids()
    assert len(ids) == 1
    masked = tab.model.data(tab.model.index(0, CallTableModel.CALLER))
    dialog = tab.reveal_selected()
    assert dialog is not None and dialog.isVisible()
    dialog.reason.setText("callback to the complainant")
    with qtbot.waitSignal(env.privacy.revealed, timeout=2000):
        dialog.accept()
    shown = tab.model.data(tab.model.index(0, CallTableModel.CALLER))
    assert "***" not in shown and shown != masked and "916" in shown
    assert tab.model.data(tab.model.index(0, 0), CallTableModel.REVEALED_ROLE) is True
    entries = [e for e in audit.list_entries(sqlite_ctx, case_with_calls) if e.action == "reveal"]
    assert len(entries) == 1
    assert entries[0].after["reason"] == "callback to the complainant"
    assert entries[0].after["call_ids"] == ids


def test_select_call_clears_filters_that_hide_it(qtbot: Any, env: Any, scenario_case: int) -> None:
    tab = _tab(qtbot, env, scenario_case)
    last_id = tab.model.id_at(tab.model.rowCount() - 1)
    with qtbot.waitSignal(tab.calls_loaded, timeout=2000):
        tab.filters.number.setText("7654321")
    assert tab.model.row_of(last_id) < 0
    tab.select_call(last_id)
    qtbot.waitUntil(lambda: tab.selected_ids() == [last_id], timeout=2000)
    assert tab.filters.is_default()


def test_model_passes_qtmodeltester(qtmodeltester: Any, env: Any, case_with_calls: int) -> None:
    model = CallTableModel(lambda ids: calls_query.calls_by_ids(env.ctx, ids), "Europe/Moscow")
    model.set_ids(calls_query.call_ids(env.ctx, case_with_calls, CallFilter()))
    qtmodeltester.check(model, force_py=True)
    model.set_ids([])
    qtmodeltester.check(model, force_py=True)


def test_import_from_the_tab_fills_the_table(
    qtbot: Any, env: Any, case_id: int, ru_vpbx: Any
) -> None:
    tab = _tab(qtbot, env, case_id)
    assert tab.model.rowCount() == 0
    tab.open_import()
    dialog = tab.dialog
    assert dialog is not None
    dialog.set_path(ru_vpbx)
    dialog.set_tz("Europe/Moscow")
    with qtbot.waitSignal(tab.calls_loaded, timeout=2000) as signal:
        dialog.import_button.click()
    assert signal.args == [4]
    assert tab.model.data(tab.model.index(0, CallTableModel.START)) == "09.10.2025 14:03:11"
    dialog.close()


def test_filter_by_time_range_in_the_case_zone(qtbot: Any, env: Any, scenario_case: int) -> None:
    from datetime import UTC, datetime

    tab = _tab(qtbot, env, scenario_case)
    bar = tab.filters
    # 09.10.2025 23:00–24:00 Moscow time is 20:00–21:00 UTC: the four night calls.
    bar.start_from.set_utc(datetime(2025, 10, 9, 20, 0, tzinfo=UTC))
    bar.start_to.set_utc(datetime(2025, 10, 9, 21, 0, tzinfo=UTC))
    assert bar.start_from.text() == "09.10.2025 23:00:00"
    bar.use_to.setChecked(True)
    with qtbot.waitSignal(tab.calls_loaded, timeout=2000):
        bar.use_from.setChecked(True)
    assert tab.model.rowCount() == 4
    starts = [tab.model.data(tab.model.index(r, CallTableModel.START)) for r in range(4)]
    assert starts[0] == "09.10.2025 23:15:00" and starts[-1] == "09.10.2025 23:31:00"


def test_selection_kept_when_the_case_changes_elsewhere(
    qtbot: Any, env: Any, scenario_case: int
) -> None:
    tab = _tab(qtbot, env, scenario_case)
    row = tab.model.rowCount() - 3
    tab.table.selectRow(row)
    chosen = tab.selected_ids()
    with qtbot.waitSignal(tab.calls_loaded, timeout=2000):
        env.case_changed.emit(scenario_case)  # e.g. a party edited in another tab
    assert tab.selected_ids() == chosen


def test_a_filter_shows_its_first_page_then_grows_beneath_it(
    qtbot: Any, env: Any, scenario_case: int, monkeypatch: Any
) -> None:
    """A common number of a big case shows its first page at once; the other matches are
    appended under it (rows inserted, not a reset: the view keeps its place and selection)."""
    import app.ui.calls.tab as tab_module

    monkeypatch.setattr(tab_module, "FIRST_PAGE", 3)
    tab = _tab(qtbot, env, scenario_case)
    events: list[tuple[str, int, str]] = []
    model = tab.model
    model.modelReset.connect(
        lambda: events.append(("reset", model.rowCount(), tab.count_label.text()))
    )
    model.rowsInserted.connect(
        lambda _parent, first, last: events.append(("insert", last - first + 1, ""))
    )
    with qtbot.waitSignal(tab.calls_loaded, timeout=2000) as signal:
        tab.filters.number.setText("765-43")
    assert signal.args == [11]
    assert [(kind, rows) for kind, rows, _text in events] == [("reset", 3), ("insert", 8)]
    assert "11" in tab.count_label.text()
    whole = calls_query.call_ids(env.ctx, scenario_case, CallFilter(number="765-43"))
    assert model.ids() == whole
