"""Fixtures of the newcomer tests: the main window (state in a temp INI file, the feature tabs
included) and the demo case."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture
def window(env: Any, qtbot: Any, tmp_path: Path) -> Any:
    from app.ui.main_window import MainWindow

    env.ctx.settings.demo_offered = True  # no first-start questions in these tests
    env.ctx.settings.investigator_name = "Петрова Анна Сергеевна"
    env.ctx.settings.investigator_position = "специалист службы безопасности"
    state = QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)
    main = MainWindow(env, state)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def demo_case(sqlite_ctx: Any) -> int:
    from app.services import demo

    return demo.create_demo_case(sqlite_ctx).id
