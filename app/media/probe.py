"""Probing a media file: container, codec, duration, rate, size, frame count, creation time.

Frame count and duration come from the presentation-timestamp index, never from the header
(cameras write wrong counts; variable-frame-rate files have no single rate).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import av

from app.media.container import open_media, video_stream
from app.media.frame_index import FrameIndex, build_index

__all__ = ["MediaInfo", "probe"]


@dataclass(frozen=True)
class MediaInfo:
    """What intake records about a media file; frames and duration come from the pts index."""

    container: str
    codec: str | None
    duration_s: float
    fps: float
    width: int
    height: int
    frames: int
    creation_time: datetime | None
    has_video: bool
    rotation: int = 0  # degrees counter-clockwise the picture is turned for display
    sample_aspect: str | None = None  # "12:11" when pixels are not square
    audio: dict[str, Any] | None = None  # codec, sample_rate, channels, duration_s

    @property
    def display_size(self) -> tuple[int, int]:
        """Width and height as shown: rotation applied (square pixels; the still keeps the
        decoded pixels, the sample aspect ratio is applied when showing them)."""
        if self.rotation % 180:
            return self.height, self.width
        return self.width, self.height


def probe(path: str | Path, index: FrameIndex | None = None) -> MediaInfo:
    """Describe `path`; `index` (built if not given) supplies frame count and duration."""
    with open_media(path) as container:
        created = _creation_time(container.metadata)
        if not container.streams.video:
            duration = (container.duration or 0) / av.time_base
            return MediaInfo(
                container=container.format.name,
                codec=container.streams[0].codec_context.name if container.streams else None,
                duration_s=round(duration, 6),
                fps=0.0,
                width=0,
                height=0,
                frames=0,
                creation_time=created,
                has_video=False,
            )
        stream = video_stream(container, path)
        if created is None:
            created = _creation_time(stream.metadata)
        info_codec = stream.codec_context.name
        width, height = stream.codec_context.width, stream.codec_context.height
        fmt = container.format.name
        sar = stream.sample_aspect_ratio or stream.codec_context.sample_aspect_ratio
        rotation = _rotation(container, stream)
        audio = _audio(container)
    if index is None:
        index = build_index(path)
    duration = index.duration_s
    fps = index.count / duration if duration > 0 else 0.0
    return MediaInfo(
        container=fmt,
        codec=info_codec,
        duration_s=round(duration, 6),
        fps=round(fps, 3),
        width=width,
        height=height,
        frames=index.count,
        creation_time=created,
        has_video=True,
        rotation=rotation,
        sample_aspect=f"{sar.numerator}:{sar.denominator}" if sar and sar != 1 else None,
        audio=audio,
    )


def _rotation(container: av.container.InputContainer, stream: av.VideoStream) -> int:
    """The display rotation (0, 90, 180, 270 counter-clockwise) of the first frame's display
    matrix: phones record upright pictures turned and say so there."""
    try:
        for frame in container.decode(stream):
            return round(float(frame.rotation or 0) / 90) * 90 % 360
    except av.error.FFmpegError:
        return 0
    return 0


def _audio(container: av.container.InputContainer) -> dict[str, Any] | None:
    """The first audio track: codec, rate, channels, duration (what was said is evidence)."""
    if not container.streams.audio:
        return None
    stream = container.streams.audio[0]
    ctx = stream.codec_context
    duration = (
        float(stream.duration * stream.time_base)
        if stream.duration is not None and stream.time_base is not None
        else None
    )
    return {
        "codec": ctx.name if ctx is not None else None,
        "sample_rate": stream.rate,
        "channels": ctx.channels if ctx is not None else None,
        "duration_s": round(duration, 3) if duration is not None else None,
    }


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}")


def _creation_time(metadata: dict[str, str]) -> datetime | None:
    """Container creation time as aware UTC (cameras write it as UTC; zero dates mean none)."""
    raw = metadata.get("creation_time")
    if not raw or not _ISO.match(raw) or raw.startswith("1970-01-01") or raw.startswith("1904"):
        return None
    text = raw.replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)
