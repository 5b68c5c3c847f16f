"""Shared fixtures: a fresh data dir and database per test (SQLite, and PostgreSQL when
CASEBOOK_TEST_PG_URL names a server), a ServiceContext on it, the CLI run in-process.

Never the user's real data or settings: CASEBOOK_DATA_DIR points into a temp dir."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("CASEBOOK_DB_URL", None)
# Never the user's real OS key store: audit signing keys go to key files in the test's data dir.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

PG_URL = os.environ.get("CASEBOOK_TEST_PG_URL")
DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def _no_pg_reason() -> str:
    if shutil.which("initdb") or shutil.which("pg_ctl"):
        return "CASEBOOK_TEST_PG_URL is not set: run .ci/run, which starts a throwaway server"
    return "no PostgreSQL installed on this machine"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own data dir; nothing touches the real user profile."""
    monkeypatch.setenv("CASEBOOK_DATA_DIR", str(tmp_path / "casebook-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "casebook-data"
    path.mkdir(exist_ok=True)
    return path


def _fresh_pg_database() -> Iterator[str]:
    import sqlalchemy as sa

    assert PG_URL
    name = f"cb_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(
                sa.text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"
                ),
                {"n": name},
            )
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@pytest.fixture(params=DATABASES)
def db_url(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{(data_dir / 'casebook.sqlite3').as_posix()}"
        return
    if not PG_URL:
        pytest.skip(_no_pg_reason())
    yield from _fresh_pg_database()


@pytest.fixture
def ctx(db_url: str, data_dir: Path) -> Iterator[Any]:
    """ServiceContext on a fresh, migrated database (SQLite and PostgreSQL)."""
    from app.services.core.bootstrap import close_context, open_context

    context = open_context(data_dir, db_url, actor="tester")
    try:
        yield context
    finally:
        close_context(context)


@pytest.fixture
def sqlite_ctx(data_dir: Path) -> Iterator[Any]:
    """ServiceContext on a fresh SQLite file only (tests that poke the file with sqlite3)."""
    from app.services.core.bootstrap import close_context, open_context

    context = open_context(data_dir, None, actor="tester")
    try:
        yield context
    finally:
        close_context(context)


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> Any:
        return json.loads(self.out)

    def __iter__(self) -> Iterator[Any]:  # allows `code, out, err = run_cli(...)`
        return iter((self.code, self.out, self.err))


@pytest.fixture
def run_cli(data_dir: Path) -> Any:
    """Run `casebook --json --data-dir <test dir> ARGS...` in-process."""
    from app.__main__ import main

    def run(*args: str, db_url: str | None = None) -> CliResult:
        argv = ["--json", "--data-dir", str(data_dir)]
        if db_url:
            argv += ["--db-url", db_url]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([*argv, *args])
        return CliResult(code, out.getvalue(), err.getvalue())

    return run
