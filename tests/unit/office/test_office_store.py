"""The evidence store's root: chosen by option, environment or settings, recorded in the
database, refused when the share is missing or holds another store."""

from __future__ import annotations

import shutil

import pytest

from app.domain.errors import StorageError
from app.services.core import cases
from app.services.core.bootstrap import close_context, open_context
from app.services.core.evidence_files import add_evidence


def _case(ctx):
    return cases.create_case(
        ctx, cases.CaseInput(title="Видео у подъезда", region="MSK", tz="Europe/Moscow")
    )


def test_workstation_default_is_the_data_dir_as_before(data_dir):
    ctx = open_context(data_dir, None, actor="t")
    try:
        assert ctx.evidence.root == data_dir / "evidence"
        assert not (data_dir / "evidence" / "casebook-store.json").exists()
    finally:
        close_context(ctx)


def test_share_chosen_by_option_env_and_refused_when_missing(data_dir, tmp_path, monkeypatch):
    share = tmp_path / "share"
    ctx = open_context(data_dir, None, actor="t", evidence_dir=share)
    try:
        case = _case(ctx)
        clip = tmp_path / "clip.bin"
        clip.write_bytes(b"dash-cam bytes")
        info = add_evidence(ctx, case.id, clip, kind="dashcam")
        assert (share / info.sha256[:2] / info.sha256[2:4] / info.sha256).is_file()
    finally:
        close_context(ctx)
    monkeypatch.setenv("CASEBOOK_EVIDENCE_DIR", str(share))
    close_context(open_context(data_dir, None, actor="t"))

    moved = tmp_path / "unmounted"
    shutil.move(share, moved)
    with pytest.raises(StorageError, match="not reachable"):
        open_context(data_dir, None, actor="t")
    moved.rename(share)
    other = tmp_path / "other"
    close_context(open_context(tmp_path / "elsewhere", None, actor="t", evidence_dir=other))
    with pytest.raises(StorageError, match="different evidence store"):
        open_context(data_dir, None, actor="t", evidence_dir=other)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(StorageError, match="no Casebook evidence store here"):
        open_context(data_dir, None, actor="t", evidence_dir=empty)


def test_recording_the_store_at_the_first_start_is_audited_once(data_dir, tmp_path):
    from app.services.core import audit

    share = tmp_path / "share"
    for _start in range(2):
        ctx = open_context(data_dir, None, actor="Иванова", evidence_dir=share)
        try:
            recorded = [
                e
                for e in audit.list_entries(ctx)
                if e.entity == "office_setting" and e.entity_id == "evidence_store"
            ]
        finally:
            close_context(ctx)
        assert len(recorded) == 1  # the first start records it; the second only checks it
    entry = recorded[0]
    assert entry.actor == "Иванова"
    assert entry.after["value"]["root"] == str(share.resolve())
    assert entry.after["first_start"] is True
    ctx = open_context(data_dir, None, actor="t")
    try:
        assert audit.verify_chain(ctx).ok
    finally:
        close_context(ctx)
