"""Installing a newer Casebook over an older one: the user's data directory (database and
evidence store) lives in the profile, outside the installation, and the first start of the new
version migrates the database after a backup made with SQLite's backup API.

The test does what an installed app does on first start (`open_context` on the data dir, then a
command through the CLI) on a database written by an earlier schema. The storage-level backup
mechanics are tested in tests/unit/foundation/test_storage.py; this is the installer's view."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory

from app import paths
from app.services.core import cases
from app.services.core.audit import verify_chain
from app.services.core.bootstrap import close_context, open_context
from app.services.core.evidence_files import add_evidence, verify_evidence
from app.storage import db

SCRIPTS = ScriptDirectory(str(db.MIGRATIONS_DIR))
HEAD = db.head_revision()
# Every schema an earlier release may have left behind, oldest first; the last one is the
# previous release's schema.
EARLIER = [rev.revision for rev in reversed(list(SCRIPTS.walk_revisions())) if rev.revision != HEAD]


def _make_old_installation(data_dir: Path, revision: str, tmp_path: Path) -> tuple[str, str]:
    """A data dir as an older Casebook left it: schema at `revision`, one case with a party's
    evidence file in the store and its audit entries. Returns (case number, evidence sha256)."""
    engine = db.make_engine(paths.default_db_url(data_dir))
    with engine.begin() as conn:
        command.upgrade(db._alembic_config(conn), revision)
    engine.dispose()
    # The foundation tables (cases, evidence, audit) exist from the first revision on; the old
    # app wrote them through the same services.
    ctx = open_context(data_dir, actor="old version", migrate=False)
    try:
        case = cases.create_case(
            ctx, cases.CaseInput(title="Звонки после доставки", region="MSK", tz="Europe/Moscow")
        )
        statement = tmp_path / "заявление.txt"
        statement.write_text("Курьер звонил после доставки.", encoding="utf-8")
        evidence = add_evidence(ctx, case.id, statement, kind="statement")
    finally:
        close_context(ctx)
    assert db.current_revision(engine) == revision
    return case.number, evidence.sha256


@pytest.mark.parametrize("revision", EARLIER)
def test_first_start_of_new_version_backs_up_then_migrates(data_dir, tmp_path, revision):
    number, sha = _make_old_installation(data_dir, revision, tmp_path)

    ctx = open_context(data_dir)  # what `casebook` does on its first start after the upgrade
    try:
        assert db.current_revision(ctx.engine) == HEAD
        # The old data survived the migration: the case, its evidence file, the audit chain.
        assert cases.search_cases(ctx, text="звонки").total == 1
        assert cases.get_case(ctx, cases.resolve_case(ctx, number)).number == number
        checks = verify_evidence(ctx)
        assert [(c.sha256, c.ok) for c in checks] == [(sha, True)]
        chain = verify_chain(ctx)
        assert chain.ok and chain.entries >= 2
    finally:
        close_context(ctx)

    # The backup is a consistent copy of the old database, still at the old schema.
    backups = sorted((data_dir / "backups").glob("*.sqlite3"))
    assert [b.name for b in backups] == [f"casebook.before-{HEAD}.sqlite3"]
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
        assert conn.execute("SELECT number FROM cases").fetchall() == [(number,)]
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_second_start_neither_migrates_nor_backs_up_again(data_dir, tmp_path, run_cli):
    _make_old_installation(data_dir, EARLIER[-1], tmp_path)
    close_context(open_context(data_dir))
    backup = data_dir / "backups" / f"casebook.before-{HEAD}.sqlite3"
    stamp = backup.stat().st_mtime_ns

    engine = db.make_engine(paths.default_db_url(data_dir))
    try:
        assert db.migrate(engine, backup_dir=data_dir / "backups") is False
    finally:
        engine.dispose()
    listed = run_cli("case", "list")  # the CLI of the new version on the upgraded data dir
    assert listed.code == 0, listed.err
    assert "MSK-" in listed.out
    assert sorted(p.name for p in (data_dir / "backups").iterdir()) == [backup.name]
    assert backup.stat().st_mtime_ns == stamp


def test_user_data_lives_outside_the_installation(tmp_path, monkeypatch):
    """Uninstalling or upgrading replaces the bundle folder; the data dir must not be in it."""
    bundle = tmp_path / "opt" / "casebook" / "_internal"
    bundle.mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delenv(paths.DATA_DIR_ENV)

    assert paths.resource_path("fonts") == bundle / "resources" / "fonts"
    data = paths.data_dir()
    config = paths.config_dir()
    for user_dir in (data, config):
        assert bundle.parent not in user_dir.parents
    assert Path(paths.default_db_url(data).removeprefix("sqlite:///")).parent == data
