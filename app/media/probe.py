"""Probing a media file: container, codec, duration, rate, size, frame count, creation time.

Frame count and duration come from the presentation-timestamp index, never from the header
(cameras write wrong counts; variable-frame-rate files have no single rate).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

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
    )


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
