"""The issue's forgeries of the audit log, done on the SQLite file as an insider would (the
triggers dropped first): each is detected by the chain, a signed checkpoint in the database, the
local checkpoint journal, a checkpoint file kept elsewhere, an anchor, or the cases and parties
left without history."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from app.services.core import cases, checkpoints
from app.services.core.cases import CaseInput
from app.storage.audit import canonical

TRIGGERS = (
    "audit_entries_no_update",
    "audit_entries_no_delete",
    "audit_head_forward_only",
    "audit_head_no_delete",
    "audit_checkpoints_no_update",
    "audit_checkpoints_no_delete",
)


def _db(ctx) -> Path:
    return ctx.data_dir / "casebook.sqlite3"


def _seed(ctx, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        cases.create_case(ctx, CaseInput(title=f"Дело {i}", region="MSK", tz="Europe/Moscow"))


def _insider(ctx) -> sqlite3.Connection:
    ctx.engine.dispose()
    conn = sqlite3.connect(_db(ctx))
    for name in TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    return conn


def _recompute_from(conn: sqlite3.Connection, seq: int, edit) -> None:
    """Edit entry `seq`'s content and recompute it and every later hash, then the head."""
    rows = conn.execute("SELECT seq, payload FROM audit_entries ORDER BY seq").fetchall()
    prev = conn.execute("SELECT hash FROM audit_entries WHERE seq = ?", (seq - 1,)).fetchone()
    prev_hash = prev[0] if prev else "0" * 64
    for number, payload in rows:
        if number < seq:
            continue
        body = json.loads(payload)
        if number == seq:
            edit(body)
        body["prev_hash"] = prev_hash
        new_payload = canonical(body)
        digest = hashlib.sha256((prev_hash + new_payload).encode()).hexdigest()
        conn.execute(
            "UPDATE audit_entries SET payload=?, prev_hash=?, hash=?, actor=? WHERE seq=?",
            (new_payload, prev_hash, digest, body["actor"], number),
        )
        prev_hash = digest
    conn.execute("UPDATE audit_head SET hash=? WHERE id=1", (prev_hash,))
    conn.commit()


def _delete_tail(conn: sqlite3.Connection, keep: int, *, with_rows: bool) -> None:
    """Delete entries after `keep`, repoint the head; optionally the cases they created."""
    if with_rows:
        conn.execute(
            "DELETE FROM cases WHERE CAST(id AS TEXT) IN (SELECT entity_id FROM audit_entries "
            "WHERE entity='case' AND seq > ?)",
            (keep,),
        )
    conn.execute("DELETE FROM audit_entries WHERE seq > ?", (keep,))
    digest = conn.execute("SELECT hash FROM audit_entries WHERE seq=?", (keep,)).fetchone()[0]
    conn.execute("UPDATE audit_head SET seq=?, hash=? WHERE id=1", (keep, digest))
    conn.commit()


def _verify(run_cli, *extra: str):
    result = run_cli("audit", "verify", *extra)
    assert "Traceback" not in result.err
    return result


def test_checkpoint_signs_the_head_and_verifies(sqlite_ctx, run_cli, tmp_path):
    _seed(sqlite_ctx, 3)
    result = run_cli("audit", "checkpoint", "--out", str(tmp_path / "cp.json"))
    assert result.code == 0, result.err
    doc = json.loads((tmp_path / "cp.json").read_text())
    assert doc["seq"] == 3 and doc["format"] == "casebook-audit-checkpoint"
    assert len(doc["signature"]) == 128
    ok = _verify(run_cli, "--checkpoint", str(tmp_path / "cp.json"), "--anchor", f"3:{doc['hash']}")
    assert ok.code == 0, ok.err
    assert ok.json()["checkpoints"] >= 3 and ok.json()["anchors"] == 1
    key = Path(sqlite_ctx.data_dir / "audit-signing.key")
    assert key.stat().st_mode & 0o077 == 0  # owner-only


def test_the_key_file_path_is_kept_in_the_settings(sqlite_ctx):
    checkpoints.take_checkpoint(sqlite_ctx)
    settings = json.loads((sqlite_ctx.config_dir / "settings.json").read_text())
    assert settings["audit_key_file"] == str(sqlite_ctx.data_dir / "audit-signing.key")


@pytest.mark.parametrize("edited", [1, 2, 3, 4, 5, 6])
def test_edit_and_recompute_is_caught_by_the_stored_checkpoint(sqlite_ctx, run_cli, edited):
    _seed(sqlite_ctx, 6)
    checkpoints.take_checkpoint(sqlite_ctx)
    conn = _insider(sqlite_ctx)
    _recompute_from(conn, edited, lambda body: body.update(actor="someone else"))
    conn.close()
    result = _verify(run_cli)
    assert result.code == 1
    assert "checkpoint 1 witnessed entry 6 with another hash" in result.err


def test_edit_and_recompute_with_checkpoints_removed_is_caught_by_the_journal(sqlite_ctx, run_cli):
    _seed(sqlite_ctx, 4)
    checkpoints.take_checkpoint(sqlite_ctx)
    conn = _insider(sqlite_ctx)
    conn.execute("DELETE FROM audit_checkpoints")
    _recompute_from(conn, 2, lambda body: body["after"].update(title="Другое"))
    conn.close()
    result = _verify(run_cli)
    assert result.code == 1 and "journal checkpoint of entry 4" in result.json()["problem"]


def test_an_administrator_holding_the_key_is_caught_by_a_checkpoint_kept_elsewhere(
    sqlite_ctx, run_cli, tmp_path
):
    """The full cover-up: entries rewritten, stored checkpoints and the journal removed, a new
    checkpoint signed with the installation's own key. Only a witness kept elsewhere remains."""
    _seed(sqlite_ctx, 4)
    assert run_cli("audit", "checkpoint", "--out", str(tmp_path / "kept.json")).code == 0
    kept_hash = json.loads((tmp_path / "kept.json").read_text())["hash"]
    conn = _insider(sqlite_ctx)
    conn.execute("DELETE FROM audit_checkpoints")
    _recompute_from(conn, 3, lambda body: body["after"].update(title="Подмена"))
    conn.close()
    checkpoints.journal_path(sqlite_ctx).unlink()
    checkpoints.take_checkpoint(sqlite_ctx)  # re-signed by the administrator
    assert _verify(run_cli).code == 0  # nothing inside the installation can tell
    by_file = _verify(run_cli, "--checkpoint", str(tmp_path / "kept.json"))
    assert by_file.code == 1 and by_file.json()["first_bad_seq"] == 4
    assert "checkpoint file kept.json witnessed entry 4 with another hash" in by_file.err
    by_anchor = _verify(run_cli, "--anchor", f"4:{kept_hash}")
    assert by_anchor.code == 1 and "rewritten at or before entry 4" in by_anchor.err


@pytest.mark.parametrize("keep", [1, 2, 3, 4])
def test_delete_tail_and_repoint_head_is_caught(sqlite_ctx, run_cli, keep):
    _seed(sqlite_ctx, 5)
    conn = _insider(sqlite_ctx)
    _delete_tail(conn, keep, with_rows=False)
    conn.close()
    result = _verify(run_cli)
    assert result.code == 1
    missing = [f"case {i}" for i in range(keep + 1, 6)]
    assert result.json()["without_history"] == missing


def test_delete_tail_with_its_cases_is_caught_by_the_checkpoint(sqlite_ctx, run_cli):
    _seed(sqlite_ctx, 3)
    checkpoints.take_checkpoint(sqlite_ctx)
    _seed(sqlite_ctx, 2, start=3)
    checkpoints.take_checkpoint(sqlite_ctx)
    conn = _insider(sqlite_ctx)
    _delete_tail(conn, 3, with_rows=True)
    conn.execute("DELETE FROM audit_checkpoints WHERE seq = 2")
    conn.commit()
    conn.close()
    result = _verify(run_cli)
    assert result.code == 1 and result.json()["first_bad_seq"] == 4
    assert "entries 4–5 are missing" in result.err  # named by the journal


def test_anchor_names_what_is_missing_after_it(sqlite_ctx, run_cli):
    _seed(sqlite_ctx, 5)
    with sqlite3.connect(_db(sqlite_ctx)) as conn:
        digest = conn.execute("SELECT hash FROM audit_entries WHERE seq=5").fetchone()[0]
    conn = _insider(sqlite_ctx)
    _delete_tail(conn, 2, with_rows=True)
    conn.close()
    result = _verify(run_cli, "--anchor", f"5:{digest}")
    assert result.code == 1
    assert "anchor 5" in result.err and "entries 3–5 are missing" in result.err


def test_a_forged_checkpoint_signature_is_refused(sqlite_ctx, run_cli, tmp_path):
    _seed(sqlite_ctx, 2)
    run_cli("audit", "checkpoint", "--out", str(tmp_path / "cp.json"))
    doc = json.loads((tmp_path / "cp.json").read_text())
    doc["seq"] = 1
    (tmp_path / "forged.json").write_text(json.dumps(doc))
    result = _verify(run_cli, "--checkpoint", str(tmp_path / "forged.json"))
    assert result.code == 1 and "signature is not valid" in result.err


def test_removed_head_row_and_garbage_time_are_named(sqlite_ctx, run_cli):
    _seed(sqlite_ctx, 3)
    conn = _insider(sqlite_ctx)
    conn.execute("UPDATE audit_entries SET at='not a time' WHERE seq=2")
    conn.commit()
    conn.close()
    result = _verify(run_cli)
    assert result.code == 1 and result.json()["first_bad_seq"] == 2
    assert "time is not readable" in result.err
    conn = _insider(sqlite_ctx)
    conn.execute("UPDATE audit_entries SET at=(SELECT at FROM audit_entries WHERE seq=1)")
    conn.execute("DELETE FROM audit_entries WHERE seq > 1")
    conn.execute("DELETE FROM audit_head")
    conn.commit()
    conn.close()
    result = _verify(run_cli)
    assert result.code == 1 and "head record" in result.err


def test_the_database_refuses_to_move_the_head_back(sqlite_ctx):
    _seed(sqlite_ctx, 3)
    checkpoints.take_checkpoint(sqlite_ctx)
    sqlite_ctx.engine.dispose()
    with sqlite3.connect(_db(sqlite_ctx)) as conn:
        digest = conn.execute("SELECT hash FROM audit_entries WHERE seq=1").fetchone()[0]
        with pytest.raises(sqlite3.DatabaseError, match="only moves"):
            conn.execute("UPDATE audit_head SET seq=1, hash=? WHERE id=1", (digest,))
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM audit_checkpoints")


@pytest.mark.parametrize(
    "args",
    [
        ["--anchor", "12"],
        ["--anchor", "x:" + "0" * 64],
        ["--anchor", "3:abc"],
        ["--checkpoint", "/nonexistent/cp.json"],
    ],
)
def test_bad_anchor_or_checkpoint_is_one_line_exit_2(sqlite_ctx, run_cli, args):
    result = run_cli("audit", "verify", *args)
    assert result.code == 2 and result.err.count("\n") == 1 and "Traceback" not in result.err


def test_checkpoint_refuses_an_out_path_in_the_data_dir(sqlite_ctx, run_cli):
    result = run_cli("audit", "checkpoint", "--out", str(sqlite_ctx.data_dir / "cp.json"))
    assert result.code == 2 and "refusing to write inside" in result.err
