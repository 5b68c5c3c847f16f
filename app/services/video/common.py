"""Lookups shared by the video use cases: the evidence of a case, its media row, its index."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain.errors import NotFound, ValidationError
from app.media.frame_index import FrameIndex
from app.services.core.cases import resolve_case_id
from app.storage.models.cases import EvidenceRow
from app.storage.models.evidence import VideoFrameIndexRow, VideoMediaRow


def evidence_in_case(session: Session, case_ref: str | int, evidence_id: int) -> EvidenceRow:
    """The evidence row, checked to belong to the case."""
    case_id = resolve_case_id(session, case_ref)
    row = session.get(EvidenceRow, evidence_id)
    if row is None or row.case_id != case_id:
        raise NotFound(f"no evidence {evidence_id} in case {case_ref}")
    return row


def media_of(session: Session, evidence_id: int) -> VideoMediaRow:
    """The media row of a video evidence, or ValidationError for other evidence."""
    media = session.get(VideoMediaRow, evidence_id)
    if media is None:
        raise ValidationError(f"evidence {evidence_id} is not an indexed video", field="evidence")
    return media


def index_of(session: Session, evidence_id: int) -> FrameIndex:
    row = session.get(VideoFrameIndexRow, evidence_id)
    if row is None:
        raise ValidationError(f"evidence {evidence_id} has no frame index", field="evidence")
    return FrameIndex.from_bytes(row.data)


def frame_number(index: FrameIndex, media_time_s: float) -> int:
    """The frame shown at `media_time_s`, or ValidationError when t is outside the file."""
    if not 0 <= media_time_s < index.duration_s:
        raise ValidationError(
            f"media time {media_time_s} s is outside the file (0 to {index.duration_s:.3f} s)",
            field="media_time",
        )
    return index.frame_at(media_time_s)
