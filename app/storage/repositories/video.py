"""Video queries: media metadata and the pts index of an evidence file, clock calibration points
and corrections, annotations, activity segments.

The video services call these inside their own unit of work (`ctx.session()` /
`ctx.transaction()`) and turn the rows into plain dataclasses; nothing here commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session as Session

from app.domain.errors import NotFound, ValidationError
from app.storage.models.cases import EvidenceRow
from app.storage.models.evidence import (
    ActivitySegmentRow,
    AnnotationRow,
    CalibrationPointRow,
    ClockCorrectionRow,
    VideoFrameIndexRow,
    VideoMediaRow,
)

__all__ = [
    "ActivitySegmentRow",
    "AnnotationRow",
    "CalibrationPointRow",
    "ClockCorrectionRow",
    "EvidenceRow",
    "Session",
    "VideoMediaRow",
]


# --- evidence and media ---------------------------------------------------------------------
def evidence_in_case(session: Session, case_id: int, evidence_id: int) -> EvidenceRow:
    """The evidence row, checked to belong to the case."""
    row = session.get(EvidenceRow, evidence_id)
    if row is None or row.case_id != case_id:
        raise NotFound(f"no evidence {evidence_id} in case {case_id}")
    return row


def evidence(session: Session, evidence_id: int) -> EvidenceRow | None:
    return session.get(EvidenceRow, evidence_id)


def media_of(session: Session, evidence_id: int) -> VideoMediaRow:
    """The media row of a video evidence, or ValidationError for other evidence."""
    media = session.get(VideoMediaRow, evidence_id)
    if media is None:
        raise ValidationError(f"evidence {evidence_id} is not an indexed video", field="evidence")
    return media


def index_bytes(session: Session, evidence_id: int) -> bytes:
    """The serialised pts index of a video evidence."""
    row = session.get(VideoFrameIndexRow, evidence_id)
    if row is None:
        raise ValidationError(f"evidence {evidence_id} has no frame index", field="evidence")
    return row.data


def add_media(session: Session, evidence_id: int, index: bytes, **fields: Any) -> VideoMediaRow:
    """Insert the media row and the pts index of a newly stored video."""
    media = VideoMediaRow(evidence_id=evidence_id, **fields)
    session.add(media)
    session.add(VideoFrameIndexRow(evidence_id=evidence_id, data=index))
    session.flush()
    return media


def evidence_with_media(
    session: Session, case_id: int
) -> list[tuple[EvidenceRow, VideoMediaRow | None]]:
    """Every evidence row of the case, oldest first, with its media row when it is a video."""
    rows = session.execute(
        select(EvidenceRow, VideoMediaRow)
        .outerjoin(VideoMediaRow, VideoMediaRow.evidence_id == EvidenceRow.id)
        .where(EvidenceRow.case_id == case_id)
        .order_by(EvidenceRow.id)
    ).all()
    return [(ev, media) for ev, media in rows]


def working_copies(session: Session, case_id: int | None) -> list[tuple[int, str, str]]:
    """(evidence id, original name, working-copy hash) of remuxed videos, of one case or all."""
    stmt = (
        select(EvidenceRow.id, EvidenceRow.original_name, VideoMediaRow.working_sha256)
        .join(VideoMediaRow, VideoMediaRow.evidence_id == EvidenceRow.id)
        .where(VideoMediaRow.working_sha256.is_not(None))
        .order_by(EvidenceRow.id)
    )
    if case_id is not None:
        stmt = stmt.where(EvidenceRow.case_id == case_id)
    return [(int(r[0]), str(r[1]), str(r[2])) for r in session.execute(stmt).all()]


# --- clock ----------------------------------------------------------------------------------
def active_points(session: Session, evidence_id: int) -> Sequence[CalibrationPointRow]:
    return session.scalars(
        select(CalibrationPointRow)
        .where(CalibrationPointRow.evidence_id == evidence_id, ~CalibrationPointRow.deleted)
        .order_by(CalibrationPointRow.id)
    ).all()


def calibration_point(session: Session, point_id: int) -> CalibrationPointRow | None:
    return session.get(CalibrationPointRow, point_id)


def add_point(session: Session, **fields: Any) -> CalibrationPointRow:
    point = CalibrationPointRow(**fields)
    session.add(point)
    session.flush()
    return point


def corrections(session: Session, evidence_id: int) -> Sequence[ClockCorrectionRow]:
    """Every correction of the file, oldest first (the last one is in force)."""
    return session.scalars(
        select(ClockCorrectionRow)
        .where(ClockCorrectionRow.evidence_id == evidence_id)
        .order_by(ClockCorrectionRow.id)
    ).all()


def latest_correction(session: Session, evidence_id: int) -> ClockCorrectionRow | None:
    return session.scalars(
        select(ClockCorrectionRow)
        .where(ClockCorrectionRow.evidence_id == evidence_id)
        .order_by(ClockCorrectionRow.id.desc())
        .limit(1)
    ).first()


def add_correction(session: Session, **fields: Any) -> ClockCorrectionRow:
    row = ClockCorrectionRow(**fields)
    session.add(row)
    session.flush()
    return row


def same_camera_correction(
    session: Session, evidence_id: int, origins: Iterable[str]
) -> ClockCorrectionRow | None:
    """The latest correction calibrated on another file of the same camera (same case and
    source name, an origin read off the camera's clock)."""
    row = session.get(EvidenceRow, evidence_id)
    if row is None or not row.source.strip():
        return None
    siblings = (
        select(EvidenceRow.id)
        .join(VideoMediaRow, VideoMediaRow.evidence_id == EvidenceRow.id)
        .where(
            EvidenceRow.case_id == row.case_id,
            EvidenceRow.source == row.source,
            EvidenceRow.id != evidence_id,
            VideoMediaRow.origin_source.in_(list(origins)),
        )
    )
    return session.scalars(
        select(ClockCorrectionRow)
        .where(ClockCorrectionRow.evidence_id.in_(siblings))
        .order_by(ClockCorrectionRow.created_at.desc(), ClockCorrectionRow.id.desc())
        .limit(1)
    ).first()


# --- annotations ----------------------------------------------------------------------------
def annotation(session: Session, annotation_id: int) -> AnnotationRow:
    row = session.get(AnnotationRow, annotation_id)
    if row is None:
        raise NotFound(f"no annotation with id {annotation_id}")
    return row


def add_annotation(session: Session, **fields: Any) -> AnnotationRow:
    row = AnnotationRow(**fields)
    session.add(row)
    session.flush()
    return row


def case_annotations(
    session: Session, case_id: int, evidence_id: int | None, include_deleted: bool
) -> Sequence[AnnotationRow]:
    """A case's annotations (of one file, or all), in frame order per file."""
    stmt = select(AnnotationRow).where(AnnotationRow.case_id == case_id)
    if evidence_id is not None:
        stmt = stmt.where(AnnotationRow.evidence_id == evidence_id)
    if not include_deleted:
        stmt = stmt.where(~AnnotationRow.deleted)
    return session.scalars(
        stmt.order_by(AnnotationRow.evidence_id, AnnotationRow.frame_index, AnnotationRow.id)
    ).all()


# --- activity -------------------------------------------------------------------------------
def replace_activity(
    session: Session,
    evidence_id: int,
    segments: Iterable[tuple[float, float, float]],
    scanned_at: datetime,
) -> None:
    """Replace the stored segments (start, end, peak) of a file with a finished scan's."""
    session.execute(delete(ActivitySegmentRow).where(ActivitySegmentRow.evidence_id == evidence_id))
    session.add_all(
        ActivitySegmentRow(
            evidence_id=evidence_id, start_s=start, end_s=end, peak=peak, scanned_at=scanned_at
        )
        for start, end, peak in segments
    )
    session.flush()


def activity(session: Session, evidence_id: int) -> Sequence[ActivitySegmentRow]:
    return session.scalars(
        select(ActivitySegmentRow)
        .where(ActivitySegmentRow.evidence_id == evidence_id)
        .order_by(ActivitySegmentRow.start_s)
    ).all()
