"""Tables of the video evidence feature: probed metadata, the pts index, clock calibration and
its history, annotations, activity segments.

The base `evidence` row (file, hash, kind, source) is the foundation's; these tables hang off
it by `evidence_id` and go with it.

The frame index is a LargeBinary column in its own table rather than a file in the data dir:
it is then written in the same transaction as the metadata (an intake is all or nothing, no
orphan files after a rollback), it travels with the database's backups and to PostgreSQL, and
keeping it out of `video_media` means listing evidence never loads it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.storage.models.base import Base, UTCDateTime
from app.storage.models.cases import Versioned


def evidence_fk() -> ForeignKey:
    return ForeignKey("evidence.id", ondelete="CASCADE")


class VideoMediaRow(Base):
    """What the probe found, the working copy (remuxed files), and the camera-time origin."""

    __tablename__ = "video_media"

    evidence_id: Mapped[int] = mapped_column(evidence_fk(), primary_key=True)
    container: Mapped[str] = mapped_column(String(64))
    codec: Mapped[str | None] = mapped_column(String(64), nullable=True)
    duration_s: Mapped[float] = mapped_column(Float)
    fps: Mapped[float] = mapped_column(Float)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    frames: Mapped[int] = mapped_column(Integer)
    creation_time: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # The camera clock's reading at media time 0 and where it came from:
    # "container" (creation time), "manual" (set by the investigator), "calibration".
    camera_origin: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    origin_source: Mapped[str | None] = mapped_column(String(16), nullable=True)
    # A file without timestamps is reviewed through a remuxed copy stored beside it.
    working_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # How exact frames are reached: keyframe, earlier_seek, decode_order (stamps in decode
    # order: pictures counted from the keyframe), earlier_keyframe (some keyframes are no
    # random-access point) or sequential; the rest of the probe (rotation, sample aspect
    # ratio, audio, access details) as JSON.
    access: Mapped[str | None] = mapped_column(String(24), nullable=True)
    probe: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class VideoFrameIndexRow(Base):
    __tablename__ = "video_frame_index"

    evidence_id: Mapped[int] = mapped_column(evidence_fk(), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class CalibrationPointRow(Base):
    """ "Frame at media time t shows true time T"; removed points stay (deleted) for the record."""

    __tablename__ = "video_calibration_points"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    evidence_id: Mapped[int] = mapped_column(evidence_fk(), index=True)
    media_time_s: Mapped[float] = mapped_column(Float)
    frame_index: Mapped[int] = mapped_column(Integer)
    camera_time: Mapped[datetime] = mapped_column(UTCDateTime())
    true_time: Mapped[datetime] = mapped_column(UTCDateTime())
    note: Mapped[str] = mapped_column(Text, default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(200))


class ClockCorrectionRow(Base):
    """Each correction ever in force, newest last: the history shown in the dossier."""

    __tablename__ = "video_clock_corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    evidence_id: Mapped[int] = mapped_column(evidence_fk(), index=True)
    reference: Mapped[datetime] = mapped_column(UTCDateTime())
    offset_s: Mapped[float] = mapped_column(Float)
    drift_ppm: Mapped[float] = mapped_column(Float)
    point_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(200))


class AnnotationRow(Versioned, Base):
    """A note on one frame, optionally with a region, tags and a still; soft-deleted for undo."""

    __tablename__ = "video_annotations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    evidence_id: Mapped[int] = mapped_column(evidence_fk(), index=True)
    frame_index: Mapped[int] = mapped_column(Integer)
    media_time_s: Mapped[float] = mapped_column(Float)
    text: Mapped[str] = mapped_column(Text)
    rect: Mapped[list[int] | None] = mapped_column(JSON, nullable=True)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    still_id: Mapped[int | None] = mapped_column(
        ForeignKey("evidence.id", ondelete="SET NULL"), nullable=True
    )
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ActivitySegmentRow(Base):
    """Motion found by the last activity scan of a file (a new scan replaces them)."""

    __tablename__ = "video_activity_segments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    evidence_id: Mapped[int] = mapped_column(evidence_fk(), index=True)
    start_s: Mapped[float] = mapped_column(Float)
    end_s: Mapped[float] = mapped_column(Float)
    peak: Mapped[float] = mapped_column(Float)
    scanned_at: Mapped[datetime] = mapped_column(UTCDateTime())
