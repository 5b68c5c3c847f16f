"""Fixtures shared by every UI test: a `UiEnv` with the synchronous task runner on a fresh
SQLite database (each feature folder adds its own case and widgets), and the guard that fails
a GUI test on painter misuse or on a Python exception raised inside Qt (slot, paint event).

pytest-qt fails a test on an exception Qt swallowed (its exception capture stays on: never set
`qt_no_exception_capture`); the guard adds Qt's own painter warnings ("QBackingStore::endPaint()
called with active painter", "QPainter::begin: ..."), which Qt prints and otherwise lets pass.
tests/ui/newcomer/test_qt_guard.py proves both on widgets that misbehave."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

PAINTER_MISUSE = re.compile(
    r"QPainter::|QBackingStore::endPaint|QWidget::repaint: Recursive repaint|"
    r"QPaintDevice: Cannot destroy paint device that is being painted"
)


@pytest.fixture(autouse=True)
def qt_guard(qapp: Any) -> Iterator[list[str]]:
    """Collects Qt's painter misuse warnings; fails the test on any."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    problems: list[str] = []
    previous: Any = None

    def handler(kind: QtMsgType, context: Any, message: str) -> None:
        if PAINTER_MISUSE.search(message):
            problems.append(f"Qt: {message}")
        if previous is not None:
            previous(kind, context, message)

    previous = qInstallMessageHandler(handler)
    try:
        yield problems
        qapp.processEvents()  # deliver pending paints and deferred deletes of this test
    finally:
        qInstallMessageHandler(previous)
    if problems:
        pytest.fail("\n".join(problems[:10]), pytrace=False)


@pytest.fixture
def env(qapp: Any, sqlite_ctx: Any) -> Iterator[Any]:
    from app.ui.env import UiEnv
    from app.ui.tasks import SyncTaskRunner

    tasks = SyncTaskRunner()
    ui_env = UiEnv(sqlite_ctx, tasks)
    yield ui_env
    ui_env.deleteLater()
    tasks.deleteLater()
