"""Shared fixtures: a fresh data dir and database per test (SQLite, and PostgreSQL when
CASEBOOK_TEST_PG_URL names a server), a ServiceContext on it, the CLI run in-process.

The databases of `db_url`, `ctx` and `sqlite_ctx` are copies of a template migrated once per
session (a SQLite file copied per test; PostgreSQL `CREATE DATABASE ... TEMPLATE`), so a test
does not run every migration again. A test that needs an empty database takes the mark
`fresh_database`; tests of the migrations themselves build their own files in `data_dir`.

Never the user's real data or settings: CASEBOOK_DATA_DIR points into a temp dir."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import sqlite3
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


def _pg_admin() -> Any:
    import sqlalchemy as sa

    assert PG_URL
    return sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")


def _pg_url(name: str) -> str:
    import sqlalchemy as sa

    assert PG_URL
    return sa.engine.make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


def _drop_pg_database(admin: Any, name: str) -> None:
    import sqlalchemy as sa

    with admin.connect() as conn:
        conn.execute(
            sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
            {"n": name},
        )
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))


def _migrated(url: str, workdir: Path) -> None:
    """Migrate the database at `url` to head: the schema only. What a first start records
    about its installation (the evidence store root, the server identity) is left to each
    test's own first `open_context`, in its own data dir."""
    from app.storage import db

    engine = db.make_engine(url)
    try:
        db.migrate(engine, backup_dir=workdir / "backups")
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite database migrated to head, compacted into a single file (no -wal)."""
    folder = tmp_path_factory.mktemp("sqlite-template")
    work = folder / "work.sqlite3"
    _migrated(f"sqlite:///{work.as_posix()}", folder / "data")
    template = folder / "template.sqlite3"
    conn = sqlite3.connect(work)
    try:
        conn.execute("VACUUM INTO ?", (str(template),))
    finally:
        conn.close()
    return template


@pytest.fixture(scope="session")
def _pg_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One PostgreSQL database migrated to head; each test's database is created from it."""
    admin = _pg_admin()
    name = f"cb_tpl_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        _migrated(_pg_url(name), tmp_path_factory.mktemp("pg-template"))
        yield name
    finally:
        _drop_pg_database(admin, name)
        admin.dispose()


def _fresh_pg_database(template: str | None = None) -> Iterator[str]:
    """A new PostgreSQL database: a copy of `template`, or empty."""
    admin = _pg_admin()
    name = f"cb_{uuid.uuid4().hex[:12]}"
    clause = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"{clause}')
    try:
        yield _pg_url(name)
    finally:
        _drop_pg_database(admin, name)
        admin.dispose()


def _copy_sqlite_template(request: pytest.FixtureRequest, target: Path) -> None:
    """Put the migrated template at `target` unless the test wants an empty database or a
    database is already there (two fixtures of one test share the file)."""
    if request.node.get_closest_marker("fresh_database") or target.exists():
        return
    shutil.copyfile(request.getfixturevalue("_sqlite_template"), target)


@pytest.fixture(params=DATABASES)
def db_url(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[str]:
    """A database migrated to head and holding no data: a SQLite file, or a new PostgreSQL
    database (an empty one with the mark `fresh_database`)."""
    if request.param == "sqlite":
        path = data_dir / "casebook.sqlite3"
        _copy_sqlite_template(request, path)
        yield f"sqlite:///{path.as_posix()}"
        return
    if not PG_URL:
        pytest.skip(_no_pg_reason())
    fresh = request.node.get_closest_marker("fresh_database")
    yield from _fresh_pg_database(None if fresh else request.getfixturevalue("_pg_template"))


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
def sqlite_ctx(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[Any]:
    """ServiceContext on a fresh SQLite file only (tests that poke the file with sqlite3)."""
    from app.services.core.bootstrap import close_context, open_context

    _copy_sqlite_template(request, data_dir / "casebook.sqlite3")
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


@pytest.fixture
def pg_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, migrated PostgreSQL database only (office server tests); skipped without one."""
    if not PG_URL:
        pytest.skip(_no_pg_reason())
    yield from _fresh_pg_database(request.getfixturevalue("_pg_template"))
