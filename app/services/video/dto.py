"""Plain results of the video use cases (never ORM rows): what the CLI prints and the UI shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from app.domain.clock import ClockCorrection, camera_time_at, media_time_at

# Re-exported: the player holds a file's index without importing the media layer.
from app.media.frame_index import FrameIndex as FrameIndex
from app.services.core.evidence_files import EvidenceInfo

VIDEO_KINDS = frozenset({"dashcam", "cctv"})


@dataclass(frozen=True)
class EvidenceDetails:
    """What the investigator states about a file on intake: its kind, where it came from, and
    for a camera's file the zone of its clock and, when read off the picture, the camera
    clock's reading at the first frame (it wins over the container's time and the file name)."""

    kind: str
    source: str = ""
    provided_by: str = ""
    acquired_at: datetime | None = None
    tz: str | None = None
    camera_start: datetime | None = None


@dataclass(frozen=True)
class MediaSummary:
    """Probed metadata of a video evidence file (frames and duration from the pts index)."""

    container: str
    codec: str | None
    duration_s: float
    fps: float
    width: int
    height: int
    frames: int
    creation_time: datetime | None
    camera_origin: datetime | None
    origin_source: str | None
    remuxed: bool
    access: str = "keyframe"  # how exact frames are reached (probe data)
    rotation: int = 0  # degrees counter-clockwise, applied on screen and in stills
    sample_aspect: str | None = None
    audio: dict[str, Any] | None = None

    @property
    def display_size(self) -> tuple[int, int]:
        """Width and height of the picture as shown (rotation applied)."""
        return (self.height, self.width) if self.rotation % 180 else (self.width, self.height)

    @property
    def pixel_stretch(self) -> tuple[float, float]:
        """(x, y) factors that give the upright picture the shape it is meant to have: a
        file's pixels need not be square (sample aspect `n:d`, e.g. 16:15 for PAL DV, 4:3
        for anamorphic HDV), and a turned picture turns its pixels too. (1, 1) when square."""
        numerator, _, denominator = (self.sample_aspect or "").partition(":")
        try:
            ratio = int(numerator) / int(denominator)
        except (ValueError, ZeroDivisionError):
            return (1.0, 1.0)
        if ratio <= 0 or ratio == 1:
            return (1.0, 1.0)
        return (1.0, ratio) if self.rotation % 180 else (ratio, 1.0)


@dataclass(frozen=True)
class VideoEvidence:
    """An evidence file with its media summary (None for photos, documents, audio...)."""

    evidence: EvidenceInfo
    media: MediaSummary | None


@dataclass(frozen=True)
class CalibrationInfo:
    id: int
    media_time_s: float
    frame_index: int
    camera_time: datetime
    true_time: datetime
    note: str
    created_at: datetime
    created_by: str


@dataclass(frozen=True)
class CorrectionInfo:
    """One correction as it was in force from `created_at` (history kept, newest last)."""

    id: int
    reference: datetime
    offset_s: float
    drift_ppm: float
    point_ids: list[int]
    created_at: datetime
    created_by: str


@dataclass(frozen=True)
class ClockInfo:
    """A file's clock: camera-time origin, current correction, points and history."""

    evidence_id: int
    camera_origin: datetime | None
    origin_source: str | None
    correction: ClockCorrection
    points: list[CalibrationInfo] = field(default_factory=list)
    history: list[CorrectionInfo] = field(default_factory=list)
    # Set when the correction was calibrated on another file of the same camera.
    correction_from: int | None = None

    @property
    def offset_s(self) -> float:
        return self.correction.offset_s

    @property
    def calibrated(self) -> bool:
        """Whether a true time is established: points of its own or the same camera's."""
        return bool(self.points) or self.correction_from is not None

    @property
    def drift_ppm(self) -> float:
        return self.correction.drift_ppm

    def camera_time(self, media_time_s: float) -> datetime | None:
        """The camera's clock reading at media time t, when the origin is known."""
        if self.camera_origin is None:
            return None
        return camera_time_at(self.camera_origin, media_time_s)

    def true_time(self, media_time_s: float) -> datetime | None:
        """The corrected true time at media time t, when the origin is known."""
        camera = self.camera_time(media_time_s)
        return None if camera is None else self.correction.true_time(camera)

    def media_time(self, true_time: datetime) -> float | None:
        """The media time showing the true instant `true_time` (syncing two cameras)."""
        if self.camera_origin is None:
            return None
        return media_time_at(self.camera_origin, self.correction.camera_time(true_time))


@dataclass(frozen=True)
class VideoSource:
    """What a player or a worker needs to read a file: path, pts index, metadata, clock."""

    evidence: EvidenceInfo
    path: Path
    index: FrameIndex
    media: MediaSummary
    clock: ClockInfo


@dataclass(frozen=True)
class FrameExport:
    frame_index: int
    pts_s: float
    path: Path
    evidence: EvidenceInfo


@dataclass(frozen=True)
class AnnotationInfo:
    id: int
    case_id: int
    evidence_id: int
    frame_index: int
    media_time_s: float
    text: str
    rect: list[int] | None
    tags: list[str]
    still_id: int | None
    deleted: bool
    version: int
    camera_time_utc: datetime | None
    true_time_utc: datetime | None
    created_at: datetime
    created_by: str
    updated_at: datetime


@dataclass(frozen=True)
class ActivityInfo:
    start_s: float
    end_s: float
    peak: float


@dataclass(frozen=True)
class WorkingCopyCheck:
    """Whether the remuxed working copy of evidence `evidence_id` still has its hash."""

    evidence_id: int
    original_name: str
    sha256: str
    ok: bool
