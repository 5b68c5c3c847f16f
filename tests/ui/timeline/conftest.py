"""Fixtures of the timeline UI tests: a `UiEnv` with the synchronous task runner on a fresh
SQLite database, a realistic case, and the timeline panel on it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.timeline_support import TimelineCase, make_case


@pytest.fixture
def tcase(sqlite_ctx: Any, tmp_path: Path) -> TimelineCase:
    return make_case(sqlite_ctx, tmp_path, calls=60)


@pytest.fixture
def panel(env: Any, tcase: TimelineCase, qtbot: Any) -> Any:
    from app.ui.timeline.tab import create_tab

    widget = create_tab(env, tcase.id, None)
    qtbot.addWidget(widget)
    widget.resize(1400, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.canvas.fit_all()
    return widget
