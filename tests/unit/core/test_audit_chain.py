"""The audit chain catches rows edited, deleted, inserted or reordered behind the app's back
(the database file edited with the sqlite3 command-line shell, as an insider would)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess

import pytest
from sqlalchemy import event

from app.domain.errors import StorageError
from app.services.core import audit, cases
from app.services.core.cases import CaseInput

pytestmark = pytest.mark.skipif(shutil.which("sqlite3") is None, reason="sqlite3 shell missing")


def _db(ctx):
    return ctx.data_dir / "casebook.sqlite3"


def _seed(ctx, n=4):
    for i in range(n):
        cases.create_case(ctx, CaseInput(title=f"Дело {i}", region="MSK", tz="Europe/Moscow"))
    ctx.engine.dispose()


def _shell(ctx, *statements):
    """Tamper like an insider: drop the append-only triggers, then change rows."""
    script = ";\n".join(
        [
            "DROP TRIGGER audit_entries_no_update",
            "DROP TRIGGER audit_entries_no_delete",
            *statements,
        ]
    )
    subprocess.run(["sqlite3", str(_db(ctx))], input=script + ";\n", text=True, check=True)


def test_intact_chain(sqlite_ctx, run_cli):
    _seed(sqlite_ctx)
    result = run_cli("audit", "verify")
    assert result.code == 0, result.err
    assert result.json()["ok"] is True and result.json()["entries"] == 4


def test_triggers_refuse_update_and_delete(sqlite_ctx):
    _seed(sqlite_ctx, 1)
    with sqlite3.connect(_db(sqlite_ctx)) as conn, pytest.raises(sqlite3.DatabaseError):
        conn.execute("DELETE FROM audit_entries")


@pytest.mark.parametrize(
    "statements,bad_seq",
    [
        (["UPDATE audit_entries SET actor='someone else' WHERE seq=2"], 2),
        (["UPDATE audit_entries SET payload=replace(payload,'Дело 2','Дело X') WHERE seq=3"], 3),
        (["DELETE FROM audit_entries WHERE seq=2"], 2),
        (["DELETE FROM audit_entries WHERE seq=4"], 4),
        (
            [
                "UPDATE audit_entries SET seq=seq+100 WHERE seq>=2",
                "INSERT INTO audit_entries SELECT 2, at, actor, action, entity, entity_id, case_id,"
                " payload, prev_hash, hash FROM audit_entries WHERE seq=101",
                "DELETE FROM audit_entries WHERE seq>100",
            ],
            None,
        ),
        (
            [
                "UPDATE audit_entries SET seq=-seq WHERE seq IN (2,3)",
                "UPDATE audit_entries SET seq=3 WHERE seq=-2",
                "UPDATE audit_entries SET seq=2 WHERE seq=-3",
            ],
            2,
        ),
    ],
    ids=[
        "edit-column",
        "edit-payload",
        "delete-middle",
        "delete-tail",
        "truncate-after-2",
        "reorder",
    ],
)
def test_tampering_is_named(sqlite_ctx, run_cli, statements, bad_seq):
    _seed(sqlite_ctx)
    _shell(sqlite_ctx, *statements)
    result = run_cli("audit", "verify")
    assert result.code == 1
    report = result.json()
    assert report["ok"] is False
    if bad_seq is not None:
        assert report["first_bad_seq"] == bad_seq
        assert f"entry {bad_seq}" in result.err


def test_inserted_forged_entry_is_caught(sqlite_ctx, run_cli):
    _seed(sqlite_ctx, 2)
    _shell(
        sqlite_ctx,
        "INSERT INTO audit_entries SELECT 3, at, actor, action, entity, entity_id, case_id,"
        " payload, prev_hash, hash FROM audit_entries WHERE seq=2",
    )
    result = run_cli("audit", "verify")
    assert result.code == 1 and result.json()["first_bad_seq"] == 3


def test_action_fails_when_its_audit_entry_cannot_be_written(sqlite_ctx):
    _seed(sqlite_ctx, 1)

    def refuse(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("INSERT INTO AUDIT_ENTRIES"):
            raise sqlite3.OperationalError("disk I/O error")

    event.listen(sqlite_ctx.engine, "before_cursor_execute", refuse)
    try:
        with pytest.raises(StorageError):
            cases.create_case(
                sqlite_ctx, CaseInput(title="Не сохранится", region="MSK", tz="Europe/Moscow")
            )
    finally:
        event.remove(sqlite_ctx.engine, "before_cursor_execute", refuse)
    assert cases.search_cases(sqlite_ctx, text="не сохранится").total == 0
    assert audit.verify_chain(sqlite_ctx).ok
