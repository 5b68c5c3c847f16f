"""The office in the workstation: the decision dialog and the destruction dialog on a single
workstation, and two workstations on one office server that see each other's changes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from office_support import make_window
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from app.domain import timeutil
from app.services.core import cases, parties
from app.services.core.bootstrap import close_context
from app.services.office import decisions, destruction
from app.ui.office.decision_dialog import DecisionDialog
from app.ui.office.destruction_dialog import DestructionDialog


def _case(ctx: Any, region: str = "MSK") -> Any:
    case = cases.create_case(
        ctx, cases.CaseInput(title="Сообщения клиентке", region=region, tz="Europe/Moscow")
    )
    parties.add_party(
        ctx, case.id, parties.PartyInput(role="subject", name="Курьер", courier_id="C-7781")
    )
    return case


def test_decision_dialog_proposes_and_approves_on_a_workstation(env, qtbot, sqlite_ctx):
    case = _case(sqlite_ctx)
    dialog = DecisionDialog(env, case.id)
    qtbot.addWidget(dialog)
    assert dialog.propose_button.isEnabled() and not dialog.approve_button.isEnabled()
    dialog.measure.setCurrentIndex(dialog.measure.findData("warning"))
    dialog.findings.setPlainText("Писал клиентке с личного номера")
    dialog.propose_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.approve_button.isEnabled()
    dialog.comment.setPlainText("Согласовано")
    dialog.approve_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    assert cases.get_case(sqlite_ctx, case.id).status == "closed"
    assert not dialog.propose_button.isEnabled()


def test_destruction_dialog_shows_due_cases_and_writes_the_act(env, qtbot, sqlite_ctx, tmp_path):
    case = _case(sqlite_ctx)
    decisions.propose(sqlite_ctx, case.id, "no_violation", "Нарушение не подтвердилось")
    decisions.approve(sqlite_ctx, case.id)
    task = destruction.plan(sqlite_ctx, now=timeutil.now_utc() + timedelta(days=400))
    destruction.confirm(sqlite_ctx, task.id)
    dialog = DestructionDialog(env)
    qtbot.addWidget(dialog)
    assert dialog.cases.rowCount() == 1 and dialog.tasks.rowCount() == 1
    dialog.task_table.selectRow(0)
    dialog.run_button.click()
    qtbot.waitUntil(lambda: dialog.tasks.record_at(0).status == "done")
    assert dialog.cases.rowCount() == 0
    out = tmp_path / "act.pdf"
    dialog.write_act(task.id, out)
    qtbot.waitUntil(out.exists)
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.postgres
def test_two_workstations_see_each_others_changes(office, qtbot, tmp_path: Path):
    ctx_a = office.context("inv_a", tmp_path / "a")
    ctx_m = office.context("mgr_a", tmp_path / "m")
    try:
        window_a = make_window(ctx_a, qtbot, tmp_path / "wa", threaded=True)
        window_m = make_window(ctx_m, qtbot, tmp_path / "wm", threaded=True)
        label = window_m.findChild(QLabel, "officeConnection")
        qtbot.waitUntil(lambda: "mgr_a" in label.text(), timeout=10_000)
        assert window_a.findChild(QAction, "decisionAction") is not None
        # Investigator A opens a case: the manager's list shows it within 2 s, no reload.
        case = _case(ctx_a)
        qtbot.waitUntil(lambda: window_m.cases.model.rowCount() == 1, timeout=2000)
        view = window_m.open_case(case.id)
        qtbot.waitUntil(lambda: view.detail is not None, timeout=5000)
        window_m.show_audit()
        viewer = window_m.dialog
        qtbot.waitUntil(lambda: viewer.model.rowCount() > 0, timeout=5000)
        entries = viewer.model.rowCount()
        decisions.propose(ctx_a, case.id, "blacklist", "Звонил клиентке с разных номеров")
        qtbot.waitUntil(lambda: view.detail.status == "awaiting_decision", timeout=2000)
        qtbot.waitUntil(lambda: viewer.model.rowCount() > entries, timeout=2000)
        message = window_m.statusBar().currentMessage()
        assert office.logins["inv_a"] in message
    finally:
        for window in (locals().get("window_a"), locals().get("window_m")):
            if window is not None:
                window.env.live.stop()
                window.env.tasks.shutdown()
        close_context(ctx_a)
        close_context(ctx_m)
