"""Fixture shared by every UI test: a `UiEnv` with the synchronous task runner on a fresh
SQLite database (each feature folder adds its own case and widgets)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture
def env(qapp: Any, sqlite_ctx: Any) -> Iterator[Any]:
    from app.ui.env import UiEnv
    from app.ui.tasks import SyncTaskRunner

    tasks = SyncTaskRunner()
    ui_env = UiEnv(sqlite_ctx, tasks)
    yield ui_env
    ui_env.deleteLater()
    tasks.deleteLater()
