"""Thumbnail strip for the scrubber: one keyframe packet per thumbnail, yielded as it is ready.

Decoding only the keyframe at or before each evenly spaced time keeps a 10-minute clip's strip
to a few seconds, and yielding one by one lets the UI paint the first ones at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.domain.media import MediaError
from app.domain.progress import NullProgress, Progress, check_cancel
from app.media.frame_index import FrameIndex
from app.media.keyframes import KeyframeDecoder


@dataclass(frozen=True, eq=False)
class Thumbnail:
    """A small RGB picture of keyframe `index`, starting at `media_time_s`."""

    index: int
    media_time_s: float
    image: np.ndarray  # RGB uint8, height x width x 3


def thumbnail_frames(index: FrameIndex, count: int) -> list[int]:
    """The keyframes shown for `count` evenly spaced slots (duplicates removed, in order)."""
    if count <= 0:
        return []
    chosen: list[int] = []
    for slot in range(count):
        t = index.duration_s * (slot + 0.5) / count
        key = index.keyframe_at_or_before(index.frame_at(t))
        if not chosen or chosen[-1] != key:
            chosen.append(key)
    return chosen


def thumbnails(
    path: str | Path,
    index: FrameIndex,
    count: int,
    width: int = 160,
    progress: Progress | None = None,
) -> Iterator[Thumbnail]:
    """Yield up to `count` thumbnails `width` pixels wide, first to last."""
    progress = progress or NullProgress()
    frames = thumbnail_frames(index, count)
    decoder = KeyframeDecoder(path, index, exact=False)
    try:
        for done, key in enumerate(frames):
            check_cancel(progress)
            try:
                picture = decoder.decode(key)
            except MediaError as exc:
                if exc.reason != "decode_failed":
                    raise
                continue  # a damaged keyframe: its neighbours fill the strip
            height = max(2, round(picture.height * width / picture.width / 2) * 2)
            small = picture.reformat(width=width, height=height, format="rgb24")
            yield Thumbnail(key, index.pts_of(key), small.to_ndarray())
            progress.report(done + 1, len(frames), "thumbnails")
    finally:
        decoder.close()
