"""Camera clock calibration of a video file: points, the correction in force, and its history.

"The frame at media time t shows true time T" adds a calibration point; the correction is
refitted from the file's active points (one: offset; two or more: offset and drift) and stored
as a new history entry. Every change is audited, and the history is kept for the dossier.

The camera time of a frame is the file's camera-time origin plus its media time. The origin is
the container's creation time, or one the investigator set; a file with neither gets its origin
from the first calibration (camera time taken as true there, so the offset reads 0 and only
the drift remains to be learnt from a second point).

A file without calibration of its own uses the latest correction of another file of the same
camera (same case, same source name): dash-cams write many short files on one clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from app.domain import timeutil
from app.domain.clock import CalibrationPoint, ClockCorrection, camera_time_at
from app.domain.errors import NotFound, ValidationError
from app.services.core.context import ServiceContext
from app.services.video.common import frame_number, index_of
from app.services.video.dto import CalibrationInfo, ClockInfo, CorrectionInfo
from app.storage.repositories import video as repo
from app.storage.repositories.core import cases as case_repo
from app.storage.repositories.video import CalibrationPointRow, ClockCorrectionRow, Session

# Origins that are readings of the camera's own clock: a correction learnt on one file of a
# camera applies to its other files only when both are on that clock.
CAMERA_ORIGINS = ("container", "manual", "filename", "overlay")


def clock_info(session: Session, evidence_id: int) -> ClockInfo:
    """The file's origin, current correction, active points and correction history."""
    media = repo.media_of(session, evidence_id)
    points = repo.active_points(session, evidence_id)
    history = repo.corrections(session, evidence_id)
    current = history[-1] if history else None
    inherited_from = None
    if current is None and media.origin_source in CAMERA_ORIGINS:
        current = repo.same_camera_correction(session, evidence_id, CAMERA_ORIGINS)
        inherited_from = current.evidence_id if current is not None else None
    correction = (
        ClockCorrection(current.reference, current.offset_s, current.drift_ppm)
        if current is not None
        else ClockCorrection.identity()
    )
    return ClockInfo(
        evidence_id=evidence_id,
        camera_origin=media.camera_origin,
        origin_source=media.origin_source,
        correction=correction,
        points=[_point_info(p) for p in points],
        history=[_correction_info(h) for h in history],
        correction_from=inherited_from,
    )


def get_clock(ctx: ServiceContext, case_id: int, evidence_id: int) -> ClockInfo:
    with ctx.session() as session:
        repo.evidence_in_case(session, case_id, evidence_id)
        return clock_info(session, evidence_id)


def local_zone(ctx: ServiceContext, case_id: int, evidence_id: int) -> str:
    """The zone in which a typed time without offset is read: the source's, else the case's."""
    with ctx.session() as session:
        row = repo.evidence_in_case(session, case_id, evidence_id)
        return row.tz or case_repo.case_tz(session, row.case_id)


def calibrate(
    ctx: ServiceContext,
    case_id: int,
    evidence_id: int,
    media_time_s: float,
    true_time: datetime,
    note: str = "",
    camera_time: datetime | None = None,
) -> ClockInfo:
    """Add "the frame at media time t shows true time T" and refit the correction.

    `camera_time` is what the camera's own clock showed on that frame (read off its overlay):
    the file's camera-time origin then follows from it, so the offset says how far the
    camera was off even when the container holds no creation time."""
    for name, value in (("true_time", true_time), ("camera_time", camera_time)):
        if value is not None and value.tzinfo is None:
            raise ValidationError(f"{name} without a zone: {value.isoformat()}", field=name)
    true_time = timeutil.ensure_utc(true_time)
    with ctx.transaction() as session:
        row = repo.evidence_in_case(session, case_id, evidence_id)
        media = repo.media_of(session, evidence_id)
        index = index_of(session, evidence_id)
        number = frame_number(index, media_time_s)
        frame_time = index.pts_of(number)
        if camera_time is not None:
            media.camera_origin = timeutil.ensure_utc(camera_time) - timedelta(seconds=frame_time)
            media.origin_source = "overlay"
        elif media.camera_origin is None:
            media.camera_origin = true_time - timedelta(seconds=frame_time)
            media.origin_source = "calibration"
        point = repo.add_point(
            session,
            evidence_id=evidence_id,
            media_time_s=frame_time,
            frame_index=number,
            camera_time=camera_time_at(media.camera_origin, frame_time),
            true_time=true_time,
            note=note,
            deleted=False,
            created_at=timeutil.now_utc(),
            created_by=ctx.actor,
        )
        before = _current(session, evidence_id)
        after = _refit(ctx, session, evidence_id)
        ctx.audit(
            session,
            action="calibrate",
            entity="video_clock",
            entity_id=evidence_id,
            case_id=row.case_id,
            before=before,
            after={
                **after,
                "point_id": point.id,
                "frame_index": number,
                "media_time_s": frame_time,
                "true_time": timeutil.iso_utc(true_time),
            },
        )
        return clock_info(session, evidence_id)


def remove_calibration_point(
    ctx: ServiceContext, case_id: int, evidence_id: int, point_id: int
) -> ClockInfo:
    """Withdraw a point (kept, marked deleted) and refit; no points left means no correction."""
    with ctx.transaction() as session:
        row = repo.evidence_in_case(session, case_id, evidence_id)
        point = repo.calibration_point(session, point_id)
        if point is None or point.evidence_id != evidence_id or point.deleted:
            raise NotFound(f"no calibration point {point_id} on evidence {evidence_id}")
        point.deleted = True
        session.flush()
        before = _current(session, evidence_id)
        after = _refit(ctx, session, evidence_id)
        ctx.audit(
            session,
            action="calibrate",
            entity="video_clock",
            entity_id=evidence_id,
            case_id=row.case_id,
            before=before,
            after={**after, "removed_point_id": point_id},
        )
        return clock_info(session, evidence_id)


def set_camera_origin(
    ctx: ServiceContext, case_id: int, evidence_id: int, origin: datetime
) -> ClockInfo:
    """Set what the camera's clock read at media time 0 (e.g. from its on-screen overlay)."""
    if origin.tzinfo is None:
        raise ValidationError("the camera-time origin needs a zone", field="origin")
    with ctx.transaction() as session:
        row = repo.evidence_in_case(session, case_id, evidence_id)
        media = repo.media_of(session, evidence_id)
        before = {
            "camera_origin": timeutil.iso_utc(media.camera_origin),
            "origin_source": media.origin_source,
        }
        media.camera_origin = timeutil.ensure_utc(origin)
        media.origin_source = "manual"
        ctx.audit(
            session,
            action="update",
            entity="video_clock",
            entity_id=evidence_id,
            case_id=row.case_id,
            before=before,
            after={
                "camera_origin": timeutil.iso_utc(media.camera_origin),
                "origin_source": "manual",
            },
        )
        session.flush()
        return clock_info(session, evidence_id)


def _refit(ctx: ServiceContext, session: Session, evidence_id: int) -> dict[str, object]:
    points = repo.active_points(session, evidence_id)
    if points:
        correction = ClockCorrection.from_points(
            [CalibrationPoint(p.camera_time, p.true_time) for p in points]
        )
    else:
        correction = ClockCorrection.identity()
    repo.add_correction(
        session,
        evidence_id=evidence_id,
        reference=correction.reference,
        offset_s=correction.offset_s,
        drift_ppm=correction.drift_ppm,
        point_ids=[p.id for p in points],
        created_at=timeutil.now_utc(),
        created_by=ctx.actor,
    )
    return _correction_dict(correction)


def _current(session: Session, evidence_id: int) -> dict[str, object] | None:
    latest = repo.latest_correction(session, evidence_id)
    if latest is None:
        return None
    return _correction_dict(ClockCorrection(latest.reference, latest.offset_s, latest.drift_ppm))


def _correction_dict(correction: ClockCorrection) -> dict[str, object]:
    return {
        "offset_s": round(correction.offset_s, 6),
        "drift_ppm": round(correction.drift_ppm, 3),
        "reference": timeutil.iso_utc(correction.reference),
    }


def _point_info(row: CalibrationPointRow) -> CalibrationInfo:
    return CalibrationInfo(
        id=row.id,
        media_time_s=row.media_time_s,
        frame_index=row.frame_index,
        camera_time=row.camera_time,
        true_time=row.true_time,
        note=row.note,
        created_at=row.created_at,
        created_by=row.created_by,
    )


def _correction_info(row: ClockCorrectionRow) -> CorrectionInfo:
    return CorrectionInfo(
        id=row.id,
        reference=row.reference,
        offset_s=row.offset_s,
        drift_ppm=row.drift_ppm,
        point_ids=list(row.point_ids or []),
        created_at=row.created_at,
        created_by=row.created_by,
    )
