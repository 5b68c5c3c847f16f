"""TaskRunner: results and errors on the GUI thread, progress forwarded, cancel, the
synchronous twin, and the feature tab registry."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThread

from app.domain.progress import check_cancel
from app.ui.cases.tabs import FEATURE_TABS
from app.ui.tasks import SyncTaskRunner, TaskRunner


@pytest.fixture
def runner(qapp: Any) -> Any:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()
    tasks.deleteLater()


def test_db_task_result_arrives_on_gui_thread(runner: TaskRunner, qtbot: Any) -> None:
    seen: dict[str, Any] = {}

    def work(progress: Any) -> int:
        seen["worker"] = threading.get_ident()
        progress.report(1, 2, "half")
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["gui"] = QThread.currentThread() is qtbot_thread

    qtbot_thread = QThread.currentThread()
    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        runner.run_db(work, done, title="t")
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42
    assert seen["gui"] is True
    assert seen["worker"] != threading.get_ident()
    assert runner.active_tasks() == []


def test_error_goes_to_on_error_or_unhandled_signal(runner: TaskRunner, qtbot: Any) -> None:
    errors: list[BaseException] = []
    runner.run_cpu(lambda _p: 1 / 0, "div", on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ZeroDivisionError)
    with qtbot.waitSignal(runner.unhandled_error, timeout=5000) as blocker:
        runner.run_cpu(lambda _p: int("x"), "parse")
    assert isinstance(blocker.args[1], ValueError)


def test_cancel_stops_task_without_callbacks(runner: TaskRunner, qtbot: Any) -> None:
    started = threading.Event()
    release = threading.Event()
    calls: list[str] = []

    def work(progress: Any) -> None:
        started.set()
        release.wait(5)
        check_cancel(progress)
        calls.append("finished work")

    task = runner.run_cpu(work, "long", lambda _r: calls.append("done"), calls.append)
    assert started.wait(5)
    task.cancel()
    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        release.set()
    assert calls == []


def test_progress_reports_reach_the_gui(runner: TaskRunner, qtbot: Any) -> None:
    gate = threading.Event()

    def work(progress: Any) -> None:
        progress.report(3, 3, "all")
        gate.wait(5)

    with qtbot.waitSignal(runner.task_progress, timeout=5000) as blocker:
        runner.run_cpu(work, "p")
    assert blocker.args[0].last == (3, 3, "all")
    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        gate.set()


def test_sync_runner_has_same_api_and_runs_at_once(qapp: Any) -> None:
    runner = SyncTaskRunner()
    out: list[Any] = []
    runner.run_db(lambda _p: "db", out.append)
    runner.run_cpu(lambda _p: "cpu", "t", out.append)
    runner.run_read(lambda _p: "read", out.append)
    runner.run_db(lambda _p: 1 / 0, None, lambda e: out.append(type(e).__name__))
    assert out == ["db", "cpu", "read", "ZeroDivisionError"]
    assert runner.active_tasks() == []


def test_feature_tabs_are_a_static_list_in_feature_order() -> None:
    """Every feature tab is imported with the case view: none can go missing silently."""
    assert [t.key for t in FEATURE_TABS] == ["calls", "messages", "video", "timeline"]
    assert all(t.title() for t in FEATURE_TABS)


def test_a_tab_that_fails_to_open_says_so(env: Any, qtbot: Any, monkeypatch: Any) -> None:
    from app.services.core import cases
    from app.ui.cases.case_view import CaseView
    from app.ui.cases.tabs import FeatureTab

    def broken(env: Any, case_id: int, parent: Any) -> Any:
        raise RuntimeError("no decoder")

    monkeypatch.setattr(
        "app.ui.cases.tabs.FEATURE_TABS", (FeatureTab("probe", lambda: "Probe", broken),)
    )
    case = cases.create_case(env.ctx, cases.CaseInput(title="t", region="MSK", tz="UTC"))
    view = CaseView(env, case.id)
    qtbot.addWidget(view)
    assert view.tabs.tabText(view.tabs.count() - 1) == "Probe"
    page = view.tabs.widget(view.tabs.count() - 1)
    assert page.objectName() == "brokenFeatureTab" and "no decoder" in page.text()
    assert "probe" not in view.feature_tabs


def test_status_widget_shows_running_task_and_cancels(runner: TaskRunner, qtbot: Any) -> None:
    from app.ui.widgets.task_status import TaskStatusWidget

    widget = TaskStatusWidget(runner)
    qtbot.addWidget(widget)
    assert widget.isHidden()  # idle: nothing in the status bar
    started = threading.Event()
    outcome: list[str] = []

    def work(progress: Any) -> None:
        started.set()
        while not progress.cancelled():
            progress.report(1, 10, "importing")
            sum(range(20_000))  # a slice of work between cancel checks
        check_cancel(progress)

    runner.run_cpu(work, "Import calls", lambda _r: outcome.append("done"), outcome.append)
    assert started.wait(5)
    qtbot.waitUntil(lambda: widget.isVisible() and widget.bar.maximum() == 10)
    assert widget.label.text() == "Import calls"
    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        qtbot.mouseClick(widget.cancel_button, Qt.MouseButton.LeftButton)
    assert widget.isHidden()
    assert outcome == []  # a cancelled task reports neither result nor error
