"""Fixtures of the call-log UI tests: a case on a fresh SQLite database, a `UiEnv` with the
synchronous task runner, and the real-format call-log fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.services.cases import CaseInput, create_case

DATA = Path(__file__).resolve().parents[2] / "data" / "calls"


@pytest.fixture
def env(qapp: Any, sqlite_ctx: Any) -> Iterator[Any]:
    from app.ui.env import UiEnv
    from app.ui.tasks import SyncTaskRunner

    tasks = SyncTaskRunner()
    ui_env = UiEnv(sqlite_ctx, tasks)
    yield ui_env
    ui_env.deleteLater()
    tasks.deleteLater()


@pytest.fixture
def case_id(sqlite_ctx: Any) -> int:
    case = create_case(
        sqlite_ctx,
        CaseInput(title="Calls after delivery", region="Москва", tz="Europe/Moscow"),
    )
    return int(case.id)


@pytest.fixture
def ru_vpbx() -> Path:
    """A cp1251, `;`-separated virtual-PBX export with Russian headers and bad rows."""
    return DATA / "ru_vpbx_cp1251.csv"
