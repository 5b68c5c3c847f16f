"""What the player needs to know about a video: where it is, its frame index and its clock.

`load_source` runs in a CPU task (building the index reads every packet of the file); it
raises `MediaError` naming the file and the problem when the file cannot be reviewed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.domain.clock import ClockCorrection, camera_time_at
from app.domain.progress import Progress
from app.media.frame_index import FrameIndex, build_index
from app.media.probe import MediaError, MediaInfo, probe


@dataclass(frozen=True, eq=False)
class VideoSource:
    """A video opened for review; `origin` is the camera clock at the first frame, if known."""

    path: Path
    name: str
    index: FrameIndex
    info: MediaInfo
    evidence_id: int | None = None
    tz: str | None = None
    origin: datetime | None = None
    correction: ClockCorrection | None = None

    def camera_time(self, media_time_s: float) -> datetime | None:
        """The camera's own clock at this media time (None when the file carries no origin)."""
        if self.origin is None:
            return None
        return camera_time_at(self.origin, media_time_s)

    def true_time(self, media_time_s: float) -> datetime | None:
        """The corrected true time, only when the source's clock was calibrated."""
        camera = self.camera_time(media_time_s)
        if camera is None or self.correction is None:
            return None
        return self.correction.true_time(camera)


def load_source(
    path: Path,
    name: str,
    progress: Progress,
    *,
    evidence_id: int | None = None,
    tz: str | None = None,
) -> VideoSource:
    """Index and probe `path` (in a worker); `MediaError` when it cannot be reviewed."""
    try:
        index = build_index(path, progress)
        info = probe(path, index)
    except MediaError as exc:
        # The stored copy is named by its hash: name the file the investigator knows.
        raise MediaError(name, exc.problem) from exc
    if not info.has_video:
        raise MediaError(name, "no video stream in the file")
    return VideoSource(
        path=path,
        name=name,
        index=index,
        info=info,
        evidence_id=evidence_id,
        tz=tz,
        origin=info.creation_time,
    )
