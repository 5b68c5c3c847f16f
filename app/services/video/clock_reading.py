"""Reading the camera's burned-in clock on a frame (OCR): what the calibration dialog offers as
the camera's time and `casebook evidence read-clock` prints. The overlay shows the camera's
local time; it is read in the source's zone (else the case's)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain import timeutil
from app.domain.errors import ValidationError
from app.domain.media import Region
from app.media.clock_ocr import read_clock
from app.media.frames import FrameReader
from app.media.stills import upright
from app.services.core.context import ServiceContext
from app.services.video.clock import local_zone
from app.services.video.common import frame_number
from app.services.video.intake import open_video


@dataclass(frozen=True)
class ClockRead:
    frame_index: int
    camera_time: datetime  # aware UTC
    text: str
    confidence: float
    region: Region


def read_camera_clock(
    ctx: ServiceContext,
    case_id: int,
    evidence_id: int,
    media_time_s: float,
    region: Region | None = None,
) -> ClockRead:
    """OCR of the clock the camera burned into the frame shown at `media_time_s`."""
    source = open_video(ctx, case_id, evidence_id)
    number = frame_number(source.index, media_time_s)
    with FrameReader(source.path, source.index, one_shot=True) as reader:
        image = upright(reader.frame(number), source.media.rotation)
    reading = read_clock(image, region)
    if reading is None:
        raise ValidationError(
            f"no date and time could be read on frame {number} "
            "(give the overlay's region with --rect X,Y,W,H)",
            field="frame",
        )
    zone = local_zone(ctx, case_id, evidence_id)
    return ClockRead(
        number,
        timeutil.to_utc(reading.local_time, zone),
        reading.text,
        round(reading.confidence, 1),
        reading.region,
    )
