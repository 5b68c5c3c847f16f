"""An office server for the tests (imported by the office conftests): a fresh PostgreSQL database
set up with `admin init`, one shared evidence folder, people of every role (logins unique to
the test, dropped after), and a main window for a person's workstation."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest
import sqlalchemy as sa


@dataclass
class Office:
    url: str  # the server administrator (the schema owner)
    share: Path
    logins: dict[str, str] = field(default_factory=dict)  # who -> login

    def url_for(self, who: str) -> str:
        login = self.logins[who]
        return sa.engine.make_url(self.url).set(username=login).render_as_string(False)

    def dsn_for(self, who: str) -> str:
        return self.url_for(who).replace("postgresql+psycopg://", "postgresql://")

    def sql(self, who: str, statement: str, params: Any = None) -> list[tuple[Any, ...]]:
        """Run plain SQL as that person, as psql would."""
        with psycopg.connect(self.dsn_for(who), autocommit=True) as conn:
            cur = conn.execute(statement, params)
            return cur.fetchall() if cur.description else []

    def context(self, who: str, data_dir: Path) -> Any:
        from app.services.core.bootstrap import open_context

        return open_context(data_dir, self.url_for(who), evidence_dir=self.share)


PEOPLE = {
    "inv_a": (["investigator"], ["MSK"], []),
    "inv_b": (["investigator"], ["SPB"], []),
    "mgr_a": (["manager"], ["MSK"], []),
    "sup": (["supervisor"], [], ["C-7781"]),
    "aud": (["auditor"], [], []),
    "adm": (["admin"], [], []),
    "adm2": (["admin"], [], []),
}


@pytest.fixture
def office(pg_url: str, tmp_path: Path) -> Iterator[Office]:
    from app.services.core.bootstrap import close_context, open_context
    from app.services.office import accounts

    share = tmp_path / "share"
    share.mkdir()
    suffix = uuid.uuid4().hex[:6]
    result = Office(pg_url, share)
    ctx = open_context(tmp_path / "owner", pg_url, evidence_dir=share)
    try:
        accounts.init_office(ctx, share)
        for who, (roles, regions, couriers) in PEOPLE.items():
            login = f"{who}_{suffix}"
            accounts.add_user(
                ctx, login, roles, regions, couriers, password="pw-" + who, full_name=who
            )
            result.logins[who] = login
    finally:
        close_context(ctx)
    try:
        yield result
    finally:
        engine = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            for login in result.logins.values():
                conn.execute(
                    sa.text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :u"
                    ),
                    {"u": login},
                )
                conn.execute(sa.text(f'DROP OWNED BY "{login}"'))
                conn.execute(sa.text(f'DROP ROLE IF EXISTS "{login}"'))
        engine.dispose()


def make_window(ctx: Any, qtbot: Any, folder: Path, threaded: bool = False) -> Any:
    """The main window of a workstation on `ctx` (a real task runner when `threaded`)."""
    from PySide6.QtCore import QSettings

    from app.ui.env import UiEnv
    from app.ui.main_window import MainWindow
    from app.ui.tasks import SyncTaskRunner, TaskRunner

    tasks = TaskRunner() if threaded else SyncTaskRunner()
    env = UiEnv(ctx, tasks)
    folder.mkdir(parents=True, exist_ok=True)
    state = QSettings(str(folder / "state.ini"), QSettings.Format.IniFormat)
    window = MainWindow(env, state)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
