"""Originals untouchable: read-only store folders, a damaged blob repaired by re-adding the
genuine file (audited), symbolic links refused, a missing blob reported as missing, and what a
failed or killed import left behind removed at the next start and by `evidence verify --repair`."""

from __future__ import annotations

import os
import stat
import time

import pytest

from app.domain.errors import ValidationError
from app.services.core import audit, evidence_files
from app.services.core.bootstrap import close_context, open_context
from app.services.core.cases import CaseInput, create_case


@pytest.fixture
def case(sqlite_ctx):
    return create_case(sqlite_ctx, CaseInput(title="Дело", region="MSK", tz="Europe/Moscow"))


@pytest.fixture
def original(tmp_path):
    path = tmp_path / "dashcam.bin"
    path.write_bytes(os.urandom(200_000))
    return path


def _backdate(path, seconds=3600):
    past = time.time() - seconds
    os.utime(path, (past, past), follow_symlinks=False)


def test_blobs_and_their_folders_are_read_only(sqlite_ctx, case, original):
    info = evidence_files.add_evidence(sqlite_ctx, case.id, original, kind="dashcam")
    blob = evidence_files.evidence_path(sqlite_ctx, info)
    assert stat.S_IMODE(blob.stat().st_mode) == 0o444
    assert stat.S_IMODE(blob.parent.stat().st_mode) == 0o555
    assert stat.S_IMODE(blob.parent.parent.stat().st_mode) == 0o555


def test_re_adding_the_genuine_file_repairs_a_damaged_blob(sqlite_ctx, case, original, run_cli):
    info = evidence_files.add_evidence(sqlite_ctx, case.id, original, kind="dashcam")
    blob = evidence_files.evidence_path(sqlite_ctx, info)
    os.chmod(blob.parent, 0o755)
    os.chmod(blob, 0o644)
    data = bytearray(blob.read_bytes())
    data[1000] ^= 0xFF
    blob.write_bytes(bytes(data))
    damaged = run_cli("evidence", "verify", case.number)
    assert damaged.code == 1 and damaged.json()["failed"][0]["state"] == "changed"
    again = evidence_files.add_evidence(sqlite_ctx, case.id, original, kind="dashcam")
    assert again.sha256 == info.sha256
    assert blob.read_bytes() == original.read_bytes()
    assert stat.S_IMODE(blob.stat().st_mode) == 0o444
    repairs = [e for e in audit.list_entries(sqlite_ctx) if e.action == "repair"]
    assert repairs and repairs[0].entity_id == info.sha256
    assert run_cli("evidence", "verify", case.number).code == 0


def test_re_adding_an_intact_blob_changes_nothing(sqlite_ctx, case, original):
    info = evidence_files.add_evidence(sqlite_ctx, case.id, original, kind="dashcam")
    blob = evidence_files.evidence_path(sqlite_ctx, info)
    before = blob.stat().st_ino
    evidence_files.add_evidence(sqlite_ctx, case.id, original, kind="dashcam")
    assert blob.stat().st_ino == before
    assert not [e for e in audit.list_entries(sqlite_ctx) if e.action == "repair"]


def test_a_symlink_is_refused_naming_its_target(sqlite_ctx, case, original, run_cli):
    link = original.with_name("link.bin")
    link.symlink_to(original)
    with pytest.raises(ValidationError, match="symbolic link"):
        evidence_files.add_evidence(sqlite_ctx, case.id, link, kind="dashcam")
    result = run_cli("evidence", "add", case.number, str(link), "--kind", "dashcam")
    assert result.code == 2 and str(original) in result.err
    assert evidence_files.list_evidence(sqlite_ctx, case.id) == []


def test_a_missing_blob_is_reported_as_missing(sqlite_ctx, case, original, run_cli):
    info = evidence_files.add_evidence(sqlite_ctx, case.id, original, kind="dashcam")
    blob = evidence_files.evidence_path(sqlite_ctx, info)
    os.chmod(blob.parent, 0o755)
    blob.unlink()
    result = run_cli("evidence", "verify")
    assert result.code == 1
    assert result.json()["failed"][0]["state"] == "missing"
    assert "file missing" in result.err


def _leftovers(ctx, tmp_path, age=3600):
    """What a killed import leaves: a stored blob with no row, a half-written temp file."""
    orphan_source = tmp_path / "calls.csv"
    orphan_source.write_text("start;from;to\n", encoding="utf-8")
    orphan = ctx.evidence.put(orphan_source)
    partial = ctx.evidence.root / "incoming" / "tmpkilled"
    partial.write_bytes(b"half")
    for path in (orphan.path, partial, *ctx.evidence.root.joinpath("incoming").iterdir()):
        _backdate(path, age)
    return orphan, partial


def test_the_next_start_removes_what_a_killed_import_left(sqlite_ctx, case, original, tmp_path):
    kept = evidence_files.add_evidence(sqlite_ctx, case.id, original, kind="dashcam")
    orphan, partial = _leftovers(sqlite_ctx, tmp_path)
    for marker in sqlite_ctx.evidence.root.joinpath("incoming").iterdir():
        _backdate(marker)
    again = open_context(sqlite_ctx.data_dir, None, actor="tester")
    try:
        assert not orphan.path.exists() and not partial.exists()
        assert evidence_files.evidence_path(again, kept).exists()
        entry = next(e for e in audit.list_entries(again) if e.action == "repair")
        assert entry.after == {
            "orphans_removed": [orphan.sha256],
            "partials_removed": 1,
            "full": False,
        }
    finally:
        close_context(again)


def test_a_recent_put_is_left_alone_at_start(sqlite_ctx, tmp_path):
    source = tmp_path / "in-flight.csv"
    source.write_text("x", encoding="utf-8")
    blob = sqlite_ctx.evidence.put(source)  # another process may be about to commit its row
    again = open_context(sqlite_ctx.data_dir, None, actor="tester")
    close_context(again)
    assert blob.path.exists()


def test_verify_repair_removes_every_orphan(sqlite_ctx, case, original, tmp_path, run_cli):
    kept = evidence_files.add_evidence(sqlite_ctx, case.id, original, kind="dashcam")
    orphan, partial = _leftovers(sqlite_ctx, tmp_path, age=120)  # too young for the start
    for marker in sqlite_ctx.evidence.root.joinpath("incoming").glob("pending-*"):
        marker.unlink()  # the full sweep finds orphans without their markers too
    result = run_cli("evidence", "verify", "--repair", "--grace-minutes", "0")
    assert result.code == 0, result.err
    assert result.json()["repaired"] == {"orphans_removed": [orphan.sha256], "partials_removed": 1}
    assert not orphan.path.exists() and not partial.exists()
    assert evidence_files.evidence_path(sqlite_ctx, kept).exists()
    assert any(e.action == "repair" for e in audit.list_entries(sqlite_ctx))


def test_the_next_start_removes_a_killed_exports_hidden_package(sqlite_ctx, tmp_path):
    from app.services.core.outputs import JOURNAL_NAME, pending_output

    folder = tmp_path / "exports"
    folder.mkdir()
    export = pending_output(sqlite_ctx, folder, ".package-*.zip")
    export.__enter__()  # the export is killed here: its block never ends
    partial = folder / ".package-k1ll3d.zip"
    partial.write_bytes(b"PK\x03\x04 half a package")
    own = folder / "package-notes.zip"
    own.write_bytes(b"the investigator's own file")
    for path in (partial, own):
        _backdate(path)
    again = open_context(sqlite_ctx.data_dir, None, actor="tester")
    try:
        assert not partial.exists() and own.exists()
        assert (sqlite_ctx.data_dir / JOURNAL_NAME).read_text() == ""
        entry = next(e for e in audit.list_entries(again) if e.action == "repair")
        assert entry.after["partials_removed"] == 1
    finally:
        close_context(again)
    assert export is not None  # kept alive until here: its cleanup must not run early
