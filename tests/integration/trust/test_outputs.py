"""Originals untouchable through the app's own outputs: `--out` into the data directory or onto
a stored blob is refused (one line, exit 2) and the blob keeps its bytes."""

from __future__ import annotations

import hashlib

import pytest

from app.services.core import evidence_files
from app.services.core.cases import CaseInput, create_case


@pytest.fixture
def stored(sqlite_ctx, tmp_path):
    case = create_case(sqlite_ctx, CaseInput(title="Дело", region="MSK", tz="Europe/Moscow"))
    source = tmp_path / "statement.txt"
    source.write_text("Показания клиентки", encoding="utf-8")
    info = evidence_files.add_evidence(sqlite_ctx, case.id, source, kind="document")
    return case, info, evidence_files.evidence_path(sqlite_ctx, info)


@pytest.mark.parametrize(
    "command",
    [
        ["export", "dossier", "{case}", "--profile", "police", "--out", "{target}"],
        ["export", "package", "{case}", "--profile", "police", "--out", "{target}"],
        ["evidence", "frame", "{case}", "{evidence}", "--media-time", "0", "--out", "{target}"],
        ["audit", "checkpoint", "--out", "{target}"],
    ],
    ids=["dossier", "package", "frame", "checkpoint"],
)
@pytest.mark.parametrize("where", ["blob", "data-dir", "link-into-store"])
def test_out_inside_the_data_dir_is_refused(sqlite_ctx, stored, run_cli, tmp_path, command, where):
    case, info, blob = stored
    if where == "blob":
        target = blob
    elif where == "data-dir":
        target = sqlite_ctx.data_dir / "casebook.sqlite3"
    else:
        link = tmp_path / "innocent"
        link.symlink_to(blob.parent, target_is_directory=True)
        target = link / blob.name
    args = [a.format(case=case.number, evidence=info.id, target=target) for a in command]
    before = blob.read_bytes()
    result = run_cli(*args)
    assert result.code == 2, result.out
    assert "refusing to write inside" in result.err and result.err.count("\n") == 1
    assert blob.read_bytes() == before
    assert hashlib.sha256(before).hexdigest() == info.sha256
