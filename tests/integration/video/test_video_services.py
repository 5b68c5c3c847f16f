"""Video use cases on SQLite and PostgreSQL: intake, reading, clock, annotations, activity."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from video_support import cctv_painter, encode, read_number

from app.domain.errors import Conflict, ValidationError
from app.domain.media import MediaError
from app.domain.progress import Cancelled
from app.media.frames import FrameReader
from app.services.core import audit, cases
from app.services.video.activity import scan_evidence_activity, stored_activity
from app.services.video.annotations import (
    annotate,
    delete_annotation,
    list_annotations,
    parse_rect,
    restore_annotation,
    update_annotation,
)
from app.services.video.clock import (
    calibrate,
    get_clock,
    remove_calibration_point,
    set_camera_origin,
)
from app.services.video.dto import EvidenceDetails
from app.services.video.intake import add_video_evidence, list_case_evidence, open_video


def _case(ctx: Any) -> int:
    return cases.create_case(
        ctx, cases.CaseInput(title="Door visit", region="MSK", tz="Europe/Moscow")
    ).id


def test_intake_stores_media_and_index(ctx: Any, dashcam_clip: Path) -> None:
    case_id = _case(ctx)
    added = add_video_evidence(
        ctx, case_id, dashcam_clip, EvidenceDetails("dashcam", source="A123BC")
    )
    assert added.media is not None and added.media.frames == 120
    assert added.media.creation_time == datetime(2025, 10, 9, 8, tzinfo=UTC)
    assert added.media.origin_source == "container"
    source = open_video(ctx, case_id, added.evidence.id)
    assert source.path.read_bytes() == dashcam_clip.read_bytes()
    assert source.index.count == 120
    with FrameReader(source.path, source.index) as reader:
        assert read_number(reader.frame(source.index.frame_at(2.0))) == 60
    entries = audit.list_entries(ctx, case_id)
    assert {(e.entity, e.action) for e in entries} >= {
        ("evidence", "create"),
        ("video_media", "create"),
    }


def test_bad_video_leaves_nothing(ctx: Any, tmp_path: Path) -> None:
    case_id = _case(ctx)
    bad = tmp_path / "cam.mp4"
    bad.write_text("not a video at all, just a note", encoding="utf-8")
    with pytest.raises(MediaError, match=r"cam\.mp4"):
        add_video_evidence(ctx, case_id, bad, EvidenceDetails("cctv"))
    assert list_case_evidence(ctx, case_id) == []


def test_raw_h264_gets_a_working_copy(ctx: Any, dashcam_clip: Path, tmp_path: Path) -> None:
    raw = tmp_path / "REC0001.h264"
    subprocess.run(
        [
            "ffmpeg",
            "-loglevel",
            "error",
            "-i",
            str(dashcam_clip),
            "-c",
            "copy",
            "-bsf:v",
            "h264_mp4toannexb",
            str(raw),
        ],
        check=True,
    )
    case_id = _case(ctx)
    added = add_video_evidence(ctx, case_id, raw, EvidenceDetails("dashcam"))
    assert added.media is not None and added.media.remuxed and added.media.frames == 120
    source = open_video(ctx, case_id, added.evidence.id)
    assert source.path != ctx.evidence.path_of(added.evidence.sha256)
    assert ctx.evidence.path_of(added.evidence.sha256).read_bytes() == raw.read_bytes()
    with FrameReader(source.path, source.index) as reader:
        assert read_number(reader.frame(99)) == 99


def test_calibration_history_and_removal(ctx: Any, dashcam_clip: Path) -> None:
    case_id = _case(ctx)
    ev = add_video_evidence(ctx, case_id, dashcam_clip, EvidenceDetails("cctv")).evidence.id
    first = calibrate(ctx, case_id, ev, 0.0, datetime(2025, 10, 9, 8, 0, 30, tzinfo=UTC))
    assert first.offset_s == pytest.approx(30.0)
    second = calibrate(ctx, case_id, ev, 3.0, datetime(2025, 10, 9, 8, 0, 33, 3000, tzinfo=UTC))
    assert second.drift_ppm == pytest.approx(1000.0, rel=1e-3)
    assert second.true_time(3.0) == datetime(2025, 10, 9, 8, 0, 33, 3000, tzinfo=UTC)
    back = second.media_time(datetime(2025, 10, 9, 8, 0, 33, 3000, tzinfo=UTC))
    assert back == pytest.approx(3.0, abs=1e-6)
    third = remove_calibration_point(ctx, case_id, ev, second.points[1].id)
    assert (third.offset_s, third.drift_ppm) == (pytest.approx(30.0), 0)
    assert len(third.history) == 3 and len(third.points) == 1
    with pytest.raises(ValidationError):
        calibrate(ctx, case_id, ev, 1.0, datetime(2025, 10, 9, 8, 0, 31))
    actions = [e.action for e in audit.list_entries(ctx, case_id) if e.entity == "video_clock"]
    assert actions.count("calibrate") == 3


def test_origin_from_calibration_when_the_file_has_none(ctx: Any, tmp_path: Path) -> None:
    plain = encode(tmp_path / "no_time.mp4", frames=60)
    case_id = _case(ctx)
    ev = add_video_evidence(ctx, case_id, plain, EvidenceDetails("cctv")).evidence.id
    assert get_clock(ctx, case_id, ev).true_time(1.0) is None
    clock = calibrate(ctx, case_id, ev, 1.0, datetime(2025, 10, 9, 9, 0, 1, tzinfo=UTC))
    assert clock.origin_source == "calibration" and clock.offset_s == 0
    assert clock.true_time(0.5) == datetime(2025, 10, 9, 9, 0, 0, 500000, tzinfo=UTC)
    manual = set_camera_origin(ctx, case_id, ev, datetime(2025, 10, 9, 8, 59, 50, tzinfo=UTC))
    assert manual.origin_source == "manual"
    assert manual.camera_time(0.0) == datetime(2025, 10, 9, 8, 59, 50, tzinfo=UTC)


def test_annotation_edit_delete_restore_with_locking(ctx: Any, dashcam_clip: Path) -> None:
    case_id = _case(ctx)
    ev = add_video_evidence(ctx, case_id, dashcam_clip, EvidenceDetails("dashcam")).evidence.id
    note = annotate(
        ctx,
        case_id,
        ev,
        1.01,
        "курьер звонит",
        rect=parse_rect("10,10,40,40"),
        tags=["phone", "phone", " door "],
    )
    assert (note.frame_index, note.tags, note.version) == (30, ["phone", "door"], 1)
    assert note.true_time_utc == datetime(2025, 10, 9, 8, 0, 1, tzinfo=UTC)
    edited = update_annotation(ctx, note.id, 1, text="курьер звонит клиенту", clear_rect=True)
    assert edited.rect is None and edited.version == 2
    with pytest.raises(Conflict):
        update_annotation(ctx, note.id, 1, text="stale")
    with pytest.raises(ValidationError, match="outside"):
        update_annotation(ctx, note.id, 2, rect=parse_rect("300,200,50,50"))
    deleted = delete_annotation(ctx, note.id, 2)
    assert list_annotations(ctx, case_id) == []
    assert [a.id for a in list_annotations(ctx, case_id, include_deleted=True)] == [note.id]
    restored = restore_annotation(ctx, note.id, deleted.version)
    assert not restored.deleted and list_annotations(ctx, case_id, ev)[0].text == edited.text
    trail = [e.action for e in audit.list_entries(ctx, case_id) if e.entity == "annotation"]
    assert trail == ["restore", "delete", "update", "create"]


def test_still_records_parent_frame_and_region(ctx: Any, dashcam_clip: Path) -> None:
    case_id = _case(ctx)
    parent = add_video_evidence(ctx, case_id, dashcam_clip, EvidenceDetails("dashcam")).evidence
    note = annotate(
        ctx, case_id, parent.id, 2.0, "лицо", rect=parse_rect("50,60,30,30"), still=True
    )
    still = next(e for e in list_case_evidence(ctx, case_id) if e.evidence.id == note.still_id)
    assert still.evidence.kind == "still" and still.evidence.parent_id == parent.id
    assert still.evidence.frame_index == 60 and still.evidence.media_time_s == pytest.approx(2.0)
    assert still.evidence.meta["parent_sha256"] == parent.sha256
    assert still.evidence.meta["region"] == [50, 60, 30, 30]
    assert ctx.evidence.verify(still.evidence.sha256)


class _CancelAtOnce:
    def report(self, done: int, total: int | None = None, message: str = "") -> None:
        return None

    def cancelled(self) -> bool:
        return True


def test_activity_scan_stored_and_cancel_keeps_the_last(ctx: Any, tmp_path: Path) -> None:
    clip = encode(
        tmp_path / "yard.mp4",
        frames=600,
        width=320,
        height=180,
        gop=60,
        painter=cctv_painter([(300, 360)]),
    )
    case_id = _case(ctx)
    ev = add_video_evidence(ctx, case_id, clip, EvidenceDetails("cctv")).evidence.id
    found = scan_evidence_activity(ctx, case_id, ev)
    assert len(found) == 1 and found[0].start_s <= 10.0 < 12.0 <= found[0].end_s
    with pytest.raises(Cancelled):
        scan_evidence_activity(ctx, case_id, ev, _CancelAtOnce())
    assert stored_activity(ctx, case_id, ev) == found


def test_files_of_one_camera_share_its_correction(
    ctx: Any, dashcam_clip: Path, tmp_path: Path
) -> None:
    later = encode(
        tmp_path / "dashcam_0002.mp4", frames=30, creation_time="2025-10-09T08:03:00.000000Z"
    )
    case_id = _case(ctx)
    first = add_video_evidence(
        ctx, case_id, dashcam_clip, EvidenceDetails("dashcam", source="A123BC")
    )
    second = add_video_evidence(ctx, case_id, later, EvidenceDetails("dashcam", source="A123BC"))
    other = add_video_evidence(ctx, case_id, later, EvidenceDetails("cctv", source="entrance"))
    calibrate(ctx, case_id, first.evidence.id, 1.0, datetime(2025, 10, 9, 8, 0, 46, tzinfo=UTC))
    shared = get_clock(ctx, case_id, second.evidence.id)
    assert shared.correction_from == first.evidence.id and shared.offset_s == pytest.approx(45.0)
    assert shared.true_time(0.0) == datetime(2025, 10, 9, 8, 3, 45, tzinfo=UTC)
    assert get_clock(ctx, case_id, other.evidence.id).offset_s == 0
