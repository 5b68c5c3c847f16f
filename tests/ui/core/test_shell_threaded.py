"""The same workstation flows on the real, threaded TaskRunner: writes in the DB lane, reads
in the read pool, results back on the GUI thread. Waits on conditions, never on time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.services.core import cases


@pytest.fixture
def threaded_window(sqlite_ctx: Any, qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    from app.ui.env import UiEnv
    from app.ui.main_window import MainWindow
    from app.ui.tasks import TaskRunner

    tasks = TaskRunner()
    env = UiEnv(sqlite_ctx, tasks)
    window = MainWindow(env, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    yield window
    tasks.shutdown()
    qtbot.waitUntil(lambda: not tasks.active_tasks())


def test_create_edit_undo_on_worker_threads(threaded_window: Any, qtbot: Any) -> None:
    window = threaded_window
    ctx = window.env.ctx
    window.new_case()
    dialog = window.dialog
    dialog.title.setText("Курьер приходил к двери ночью")
    dialog.region.setText("KZN")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: window.current_view() is not None)
    view = window.current_view()
    qtbot.waitUntil(lambda: view.detail is not None)
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 1)
    assert view.overview.title.text() == "Курьер приходил к двери ночью"

    view.overview.title.setText("Визит к двери ночью")
    view.overview.save()
    qtbot.waitUntil(lambda: view.undo_stack.count() == 1)
    assert cases.get_case(ctx, view.case_id).title == "Визит к двери ночью"
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: view.overview.title.text() == "Курьер приходил к двери ночью")
    assert cases.get_case(ctx, view.case_id).title == "Курьер приходил к двери ночью"
    window.redo_action.trigger()
    window.undo_action.trigger()  # queued quickly: each step reads its version in the lane
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: not window.env.tasks.active_tasks())
    assert cases.get_case(ctx, view.case_id).title == "Визит к двери ночью"
    assert view.undo_stack.count() == 1 and view.undo_stack.canUndo()
