"""The tab inside the case view: registered, reachable, and its decode threads end with it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent


def test_case_view_shows_the_tab_and_stops_its_threads(
    qtbot: Any, env: Any, case_id: int, evidence_id: int
) -> None:
    from app.ui.cases.case_view import CaseView
    from app.ui.video.tab import VideoTab

    view = CaseView(env, case_id)  # deleted by the test itself, as the main window does
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert "Evidence" in titles
    tab = view.findChild(VideoTab)
    tab.open_evidence(evidence_id)
    qtbot.waitUntil(lambda: tab.player.view.exact, timeout=5000)
    threads = list(tab.player.player._workers._threads)
    assert all(t.isRunning() for t in threads)
    view.close_view()
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not any(t.isRunning() for t in threads)


def test_insert_and_delete_keys_reach_the_tab(
    qtbot: Any, env: Any, case_id: int, evidence_id: int, clip: Path
) -> None:
    from app.services.video.annotations import annotate, list_annotations
    from app.ui.video.add_dialog import AddEvidenceDialog
    from app.ui.video.tab import create_tab

    annotate(env.ctx, case_id, evidence_id, 1.0, "Курьер у двери")
    tab = create_tab(env, case_id)
    qtbot.addWidget(tab)
    tab.open_evidence(evidence_id)
    qtbot.waitUntil(lambda: tab.annotations.list.count() == 1, timeout=5000)
    tab.annotations.list.setCurrentRow(0)
    tab.delete_current()
    assert list_annotations(env.ctx, case_id) == []
    tab.add_record()
    dialog = tab.findChild(AddEvidenceDialog)
    assert dialog is not None and dialog.tz.currentText() == "Europe/Moscow"
    dialog.reject()
    tab.player.shutdown()


def test_timeline_opens_a_video_at_the_frame(
    qtbot: Any, env: Any, case_id: int, evidence_id: int
) -> None:
    from app.ui.cases.case_view import CaseView
    from app.ui.timeline.routing import route_open
    from app.ui.video.tab import VideoTab

    view = CaseView(env, case_id)
    tab = view.findChild(VideoTab)
    try:
        assert route_open(view, "annotation", f"evidence:{evidence_id}#frame=47")
        assert view.current_tab() is tab
        qtbot.waitUntil(lambda: tab.player.view.frame == 47 and tab.player.view.exact, timeout=5000)
    finally:
        view.close_view()
        view.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
