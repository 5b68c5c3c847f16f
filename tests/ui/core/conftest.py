"""Fixtures for the shell's UI tests: a UiEnv with the synchronous task runner on a fresh
SQLite database, the main window with its state in a temp INI file, a case with parties."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from app.services.core import cases, parties
from app.services.core.cases import CaseInput
from app.services.core.parties import PartyInput


@pytest.fixture(autouse=True)
def _shell_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the shell: the feature tabs (tested by their owners, and
    possibly half-written in a shared tree) are left out of the case view."""
    monkeypatch.setattr("app.ui.cases.tabs.FEATURE_TABS", ())


@pytest.fixture
def window(env: Any, qtbot: Any, tmp_path: Path) -> Any:
    from app.ui.main_window import MainWindow

    state = QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)
    main = MainWindow(env, state)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def case_id(sqlite_ctx: Any) -> int:
    """A case received on 2025-09-16 with a complainant (phone) and a courier."""
    summary = cases.create_case(
        sqlite_ctx,
        CaseInput(
            title="Звонки клиентке после доставки",
            region="MSK",
            tz="Europe/Moscow",
            category="repeated_calls",
            received_at=datetime(2025, 9, 16, 7, 30, tzinfo=UTC),
        ),
    )
    parties.add_party(
        sqlite_ctx,
        summary.id,
        PartyInput(
            role="complainant",
            name="ИВАНОВА Мария Петровна",
            phones=("8 (916) 123-45-67",),
            address="г. Москва, ул. Тверская, д. 1, кв. 5",
        ),
    )
    parties.add_party(
        sqlite_ctx,
        summary.id,
        PartyInput(role="subject", name="Петров Игорь", courier_id="CR-1", phones=()),
    )
    return summary.id


@pytest.fixture
def window_factory(env: Any, qtbot: Any, tmp_path: Path) -> Any:
    """Build the main window later in the test (after translators are installed)."""
    from app.ui.main_window import MainWindow

    def make() -> Any:
        state = QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)
        main = MainWindow(env, state)
        qtbot.addWidget(main)
        main.show()
        return main

    return make
