"""\"Being edited elsewhere\" while it happens: an investigator's unsaved edit of a case shows
on the manager's open case within seconds, and goes when the edit is reverted."""

from __future__ import annotations

from pathlib import Path

import pytest
from office_support import make_window
from PySide6.QtWidgets import QLabel

from app.services.core import cases
from app.services.core.bootstrap import OPENED_COPIES, close_context, data_path
from app.services.office import presence

pytestmark = pytest.mark.postgres


def test_an_edit_in_progress_is_shown_on_the_other_workstation(office, qtbot, tmp_path: Path):
    ctx_a = office.context("inv_a", tmp_path / "a")
    ctx_m = office.context("mgr_a", tmp_path / "m")
    ctx_b = office.context("inv_b", tmp_path / "b")
    windows = []
    try:
        case = cases.create_case(
            ctx_a, cases.CaseInput(title="Звонки после доставки", region="MSK", tz="Europe/Moscow")
        )
        # a copy of a file of a case since destroyed, left on the manager's workstation
        stale = data_path(ctx_m, *OPENED_COPIES, "0123456789abcdef")
        (stale / "объяснение.pdf").write_bytes(b"%PDF-1.4 personal data")
        window_a = make_window(ctx_a, qtbot, tmp_path / "wa", threaded=True)
        window_m = make_window(ctx_m, qtbot, tmp_path / "wm", threaded=True)
        windows = [window_a, window_m]
        view_a = window_a.open_case(case.id)
        view_m = window_m.open_case(case.id)
        qtbot.waitUntil(
            lambda: view_a.detail is not None and view_m.detail is not None, timeout=5000
        )
        banner = view_m.findChild(QLabel, "editingElsewhere")
        assert banner is not None and banner.isHidden()
        assert not view_a.overview.changes()  # a case just opened is not being edited
        # Investigator A types in the title without saving: a lease, and the manager sees it.
        view_a.overview.title.setText("Звонки после доставки и угрозы")
        qtbot.waitUntil(lambda: not banner.isHidden(), timeout=5000)
        assert office.logins["inv_a"] in banner.text()
        assert [e.login for e in presence.editing_elsewhere(ctx_m, case.id)] == [
            office.logins["inv_a"]
        ]
        # Nobody outside the case learns of it; nobody can hold a lease in another's name.
        assert presence.editing_elsewhere(ctx_b, case.id) == []
        assert office.sql("inv_b", "SELECT count(*) FROM case_presence") == [(0,)]
        with pytest.raises(Exception, match="row-level security"):
            office.sql(
                "mgr_a",
                "INSERT INTO case_presence (case_id, login, what, seen_at) "
                f"VALUES ({case.id}, '{office.logins['inv_a']}', 'case', now())",
            )
        # A reverts: the lease ends and the banner goes.
        view_a.overview.title.setText("Звонки после доставки")
        qtbot.waitUntil(lambda: banner.isHidden(), timeout=5000)
        assert presence.editing_elsewhere(ctx_m, case.id) == []
    finally:
        for window in windows:
            window.env.live.stop()
            window.env.tasks.shutdown()
        for ctx in (ctx_a, ctx_m, ctx_b):
            close_context(ctx)
