"""The findings panel on the planted scenario: every misuse pattern listed with its label,
span in the case's zone and explanation; selecting one shows its calls in the table; the
thresholds editor stores the case's limits and the list follows them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale

from app.services.calls import analysis as calls_analysis
from app.ui.calls.tab import CallsTab, create_tab
from app.ui.calls.thresholds_dialog import ThresholdsDialog


def _tab(qtbot: Any, env: Any, case_id: int) -> CallsTab:
    tab = create_tab(env, case_id, None)
    qtbot.addWidget(tab)
    assert isinstance(tab, CallsTab)
    return tab


def _kinds(tab: CallsTab) -> set[str]:
    return {f.kind for f in tab.findings.findings}


def test_findings_listed_and_selecting_one_filters_the_table(
    qtbot: Any, env: Any, scenario_case: int
) -> None:
    tab = _tab(qtbot, env, scenario_case)
    panel = tab.findings
    assert {"masking_bypass", "after_delivery_contact", "night_contact", "call_burst"} <= _kinds(
        tab
    )
    labels = {panel.table.item(r, panel.KIND).text() for r in range(panel.table.rowCount())}
    assert "Direct calls bypassing the number masking" in labels and "Calls at night" in labels
    assert panel.table.item(0, panel.SEVERITY).text() in ("High", "Medium", "Low")
    row = next(i for i, f in enumerate(panel.findings) if f.kind == "call_burst")
    burst = panel.findings[row]
    # 23:15 Moscow time, shown in the case's zone (20:15 UTC).
    assert panel.table.item(row, panel.PERIOD).text().startswith("09.10.2025 23:15")
    total = tab.model.rowCount()
    with qtbot.waitSignal(tab.calls_loaded, timeout=2000) as signal:
        panel.select(row)
    assert signal.args == [len(burst.call_ids)] and len(burst.call_ids) < total
    assert set(tab.model.ids()) == set(burst.call_ids)
    assert tab.finding_label.isVisibleTo(tab) and "Bursts of calls" in tab.finding_label.text()
    assert panel.explanation.toPlainText() == burst.explanation_en
    with qtbot.waitSignal(tab.calls_loaded, timeout=2000) as signal:
        tab.show_all_button.click()
    assert signal.args == [total]
    assert not tab.finding_label.isVisibleTo(tab)


def test_explanation_in_russian_when_the_ui_speaks_russian(
    qtbot: Any, env: Any, scenario_case: int
) -> None:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Russian))
    try:
        tab = _tab(qtbot, env, scenario_case)
        tab.findings.select(0)
        assert tab.findings.explanation.toPlainText() == tab.findings.findings[0].explanation_ru
    finally:
        QLocale.setDefault(previous)


def test_thresholds_saved_per_case_and_applied(qtbot: Any, env: Any, scenario_case: int) -> None:
    tab = _tab(qtbot, env, scenario_case)
    assert "call_burst" in _kinds(tab)
    current = calls_analysis.get_thresholds(env.ctx, scenario_case)
    dialog = ThresholdsDialog(current, tab)
    qtbot.addWidget(dialog)
    dialog.spins["burst_min_calls"].setValue(10)
    dialog.spins["night_start_h"].setValue(8)  # same as the end: refused inline
    dialog.accept()
    assert dialog.error.isVisibleTo(dialog) and "night" in dialog.error.text()
    dialog.spins["night_start_h"].setValue(22)
    with qtbot.waitSignal(tab.findings.analyzed, timeout=2000):
        tab.findings.save_thresholds(dialog.thresholds())
    assert calls_analysis.get_thresholds(env.ctx, scenario_case).burst_min_calls == 10
    assert "call_burst" not in _kinds(tab)


def test_big_case_analyzed_on_request(
    qtbot: Any, env: Any, scenario_case: int, monkeypatch: Any
) -> None:
    from app.ui.calls import findings_panel

    monkeypatch.setattr(findings_panel, "AUTO_ANALYZE_MAX", 100)  # the scenario has 131
    tab = _tab(qtbot, env, scenario_case)
    assert tab.findings.findings == []
    assert "131 calls" in tab.findings.status.text() and "Analyze" in tab.findings.status.text()
    with qtbot.waitSignal(tab.findings.analyzed, timeout=5000):
        tab.findings.analyze_button.click()
    assert "call_burst" in _kinds(tab)
