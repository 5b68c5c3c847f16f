"""Destruction leaves no copies behind: a video's working copy (a raw .h264 remuxed on intake)
goes from the evidence store with its original, and this workstation's copies of opened files
of the destroyed case go from its data directory; another case's stay."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path

from video_support import encode

from app.domain import timeutil
from app.services.core import audit, cases
from app.services.core.bootstrap import OPENED_COPIES, data_path
from app.services.core.evidence_files import add_evidence
from app.services.office import decisions, destruction
from app.services.video.dto import EvidenceDetails
from app.services.video.intake import add_video_evidence


def _closed(ctx, title):
    case = cases.create_case(ctx, cases.CaseInput(title=title, region="MSK", tz="Europe/Moscow"))
    return case


def _close(ctx, case):
    decisions.propose(ctx, case.id, "warning", "Нарушение подтверждено")
    decisions.approve(ctx, case.id, "Согласовано")


def _blobs(ctx) -> set[str]:
    return {
        p.name
        for p in ctx.evidence.root.rglob("*")
        if p.is_file() and len(p.name) == 64 and all(c in "0123456789abcdef" for c in p.name)
    }


def test_working_copies_and_opened_copies_go_with_the_case(ctx, tmp_path: Path):
    clip = encode(tmp_path / "dashcam.mp4", frames=30, gop=15)
    raw = tmp_path / "REC0001.h264"
    subprocess.run(
        ["ffmpeg", "-loglevel", "error", "-i", str(clip), "-c", "copy",
         "-bsf:v", "h264_mp4toannexb", str(raw)],
        check=True,
    )  # fmt: skip
    doomed, kept = _closed(ctx, "Видео курьера"), _closed(ctx, "Другое дело")
    added = add_video_evidence(ctx, doomed.id, raw, EvidenceDetails("dashcam"))
    assert added.media is not None and added.media.remuxed
    scan = tmp_path / "объяснение.pdf"
    scan.write_bytes(b"%PDF-1.4 signed statement scan")
    other = add_evidence(ctx, kept.id, scan, kind="document")
    # this workstation opened a file of each case in the desktop's viewer
    for sha in (added.evidence.sha256, other.sha256):
        (data_path(ctx, *OPENED_COPIES, sha[:16]) / "copy.bin").write_bytes(b"personal data")
    _close(ctx, doomed)
    _close(ctx, kept)
    stored = _blobs(ctx)
    [working] = stored - {added.evidence.sha256, other.sha256}  # the remuxed working copy

    later = timeutil.now_utc() + timedelta(days=4 * 365)
    task = destruction.plan(ctx, [doomed.id], now=later)
    destruction.confirm(ctx, task.id)
    done = destruction.execute(ctx, task.id)

    [record] = done.act["cases"]
    assert sorted(record["blobs_erased"]) == sorted([added.evidence.sha256, working])
    assert not ctx.evidence.path_of(working).exists()
    assert not ctx.evidence.path_of(added.evidence.sha256).exists()
    opened = ctx.data_dir.joinpath(*OPENED_COPIES)
    assert sorted(p.name for p in opened.iterdir()) == [other.sha256[:16]]
    assert _blobs(ctx) == {other.sha256}
    assert audit.verify_chain(ctx).ok
