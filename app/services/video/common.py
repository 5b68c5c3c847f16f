"""Lookups shared by the video use cases: the pts index of a file, the frame at a media time."""

from __future__ import annotations

from app.domain.errors import ValidationError
from app.media.frame_index import FrameIndex
from app.storage.repositories import video as repo


def index_of(session: repo.Session, evidence_id: int) -> FrameIndex:
    return FrameIndex.from_bytes(repo.index_bytes(session, evidence_id))


def frame_number(index: FrameIndex, media_time_s: float) -> int:
    """The frame shown at `media_time_s`, or ValidationError when t is outside the file."""
    if not 0 <= media_time_s < index.duration_s:
        raise ValidationError(
            f"media time {media_time_s} s is outside the file (0 to {index.duration_s:.3f} s)",
            field="media_time",
        )
    return index.frame_at(media_time_s)
