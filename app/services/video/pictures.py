"""Pictures of an opened video for the player's decoding threads and the scrubber's strip.

The GUI never imports the media layer: its workers hold one of these per thread. Frames come
back as NumPy arrays (RGB uint8, H x W x 3) ready to be wrapped by the front without a copy.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np

from app.domain.progress import Progress
from app.media.frame_index import FrameIndex
from app.media.frames import FrameReader
from app.media.keyframes import KeyframeDecoder
from app.media.thumbnails import Thumbnail, thumbnails

__all__ = ["ExactFrames", "Keyframes", "Thumbnail", "strip"]


class ExactFrames:
    """Exact frames of one file through a long-lived reader (its cache makes steps back
    instant); one per thread."""

    def __init__(self, path: Path, index: FrameIndex) -> None:
        self._reader = FrameReader(path, index)

    def frame(self, i: int) -> np.ndarray:
        return self._reader.frame(i)

    def is_cached(self, i: int) -> bool:
        return self._reader.is_cached(i)

    def close(self) -> None:
        self._reader.close()


class Keyframes:
    """The keyframe at or before a frame, decoded on its own: the picture shown while seeking."""

    def __init__(self, path: Path, index: FrameIndex) -> None:
        self._index = index
        self._decoder = KeyframeDecoder(path, index)

    def at_or_before(self, i: int) -> tuple[int, np.ndarray]:
        """(keyframe number, its RGB picture)."""
        key = self._index.keyframe_at_or_before(i)
        return key, self._decoder.decode(key).to_ndarray(format="rgb24")

    def close(self) -> None:
        self._decoder.close()


def strip(
    path: Path, index: FrameIndex, count: int, width: int, progress: Progress | None = None
) -> Iterator[Thumbnail]:
    """Thumbnails for the scrubber, yielded one by one as they are decoded."""
    return thumbnails(path, index, count, width, progress=progress)
