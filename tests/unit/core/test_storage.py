"""Storage: migrations match the models, connection settings, refusal of a newer schema,
a locked database, backups through the SQLite backup API."""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from app.domain.errors import StorageError
from app.services.core import cases
from app.services.core.bootstrap import open_context
from app.storage import db
from app.storage.models import Base


def test_migrated_schema_matches_the_models(ctx):
    with ctx.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # UTCDateTime is stored as DateTime(timezone=True): the same column type.
    real = [
        d
        for d in diff
        if not (
            d[0] == "modify_type" if isinstance(d, tuple) else any(x[0] == "modify_type" for x in d)
        )
    ]
    assert real == []


def test_sqlite_connection_settings(sqlite_ctx):
    with sqlite_ctx.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_newer_schema_is_refused_untouched(data_dir):
    ctx = open_context(data_dir)
    ctx.engine.dispose()
    path = data_dir / "casebook.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999_future'")
    before = path.read_bytes()
    with pytest.raises(StorageError, match="newer Casebook"):
        open_context(data_dir)
    assert path.read_bytes() == before


def test_foreign_database_is_left_alone(data_dir):
    path = data_dir / "casebook.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE something (x)")
    with pytest.raises(StorageError, match="untouched"):
        open_context(data_dir)


def test_locked_database_gives_a_clear_message(sqlite_ctx, monkeypatch):
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 50)
    quick = open_context(sqlite_ctx.data_dir)
    holder = sqlite3.connect(sqlite_ctx.data_dir / "casebook.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageError, match="locked by another program"):
            cases.create_case(quick, cases.CaseInput(title="t", region="MSK", tz="Europe/Moscow"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        quick.engine.dispose()


def test_network_share_is_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(db, "is_network_path", lambda path: True)
    with pytest.raises(StorageError, match="network share"):
        db.make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")


def test_network_detection_reads_mount_table(tmp_path, monkeypatch):
    mounts = f"server:/export {tmp_path} nfs4 rw 0 0\n/dev/vda / ext4 rw 0 0\n"
    monkeypatch.setattr(db.Path, "read_text", lambda self, encoding=None: mounts)
    assert db.is_network_path(tmp_path / "casebook")
    assert not db.is_network_path(tmp_path.parent)


def test_backup_uses_the_backup_api(sqlite_ctx, tmp_path):
    cases.create_case(sqlite_ctx, cases.CaseInput(title="Копия", region="MSK", tz="Europe/Moscow"))
    target = db.backup_sqlite(sqlite_ctx.engine, tmp_path / "backup.sqlite3")
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT title FROM cases").fetchone() == ("Копия",)


def test_upgrade_from_previous_schema_backs_up_first(data_dir):
    engine = db.make_engine(f"sqlite:///{data_dir / 'casebook.sqlite3'}")
    with engine.begin() as conn:
        command.upgrade(db._alembic_config(conn), "0001")
    engine.dispose()
    ctx = open_context(data_dir)
    ctx.engine.dispose()
    backups = list((data_dir / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert db.current_revision(ctx.engine) == db.head_revision()


def test_sqlite_reads_every_stored_time_text_as_aware_utc() -> None:
    """The SQLite fast path of `UTCDateTime` (the stored naive UTC text parsed with its zone)
    reads what the app writes and what raw SQL may have written: 6 or 3 fractional digits, none,
    a date alone, and a text carrying its own offset."""
    from datetime import UTC, datetime

    from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select

    from app.storage.models.base import UTCDateTime

    table = Table("moments", MetaData(), Column("id", Integer, primary_key=True),
                  Column("at", UTCDateTime()))  # fmt: skip
    engine = create_engine("sqlite://")
    table.metadata.create_all(engine)
    written = datetime(2025, 10, 9, 11, 5, 0, 123456, tzinfo=UTC)
    texts = ["2025-10-09 11:05:00.123", "2025-10-09 11:05:00", "2025-10-09",
             "2025-10-09 14:05:00.123456+03:00"]  # fmt: skip
    with engine.begin() as conn:
        conn.execute(insert(table), [{"id": 1, "at": written}, {"id": 2, "at": None}])
        for n, raw in enumerate(texts, start=3):
            conn.execute(
                text("INSERT INTO moments (id, at) VALUES (:id, :at)"), {"id": n, "at": raw}
            )
        read = dict(conn.execute(select(table.c.id, table.c.at)).all())
    assert read[1] == written and read[1].tzinfo is UTC
    assert read[2] is None
    assert read[3] == datetime(2025, 10, 9, 11, 5, 0, 123000, tzinfo=UTC)
    assert read[4] == datetime(2025, 10, 9, 11, 5, tzinfo=UTC)
    assert read[5] == datetime(2025, 10, 9, tzinfo=UTC)
    assert read[6] == written and read[6].utcoffset().total_seconds() == 0
