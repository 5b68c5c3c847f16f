"""Pictures of an opened video for the player's decoding threads and the scrubber's strip.

The GUI never imports the media layer: its workers hold one of these per thread. Frames come
back as NumPy arrays (RGB uint8, H x W x 3) ready to be wrapped by the front without a copy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np

from app.domain.media import MediaError
from app.domain.progress import Progress
from app.media.audio import PLAYBACK_CHANNELS, PLAYBACK_RATE, SoundReader, audio_levels
from app.media.frame_index import FrameIndex
from app.media.frames import FrameReader
from app.media.keyframes import KeyframeDecoder
from app.media.stills import upright
from app.media.thumbnails import Thumbnail, thumbnails

__all__ = [
    "PLAYBACK_CHANNELS",
    "PLAYBACK_RATE",
    "ExactFrames",
    "Keyframes",
    "Sound",
    "Thumbnail",
    "sound_levels",
    "strip",
]


class ExactFrames:
    """Exact frames of one file through a long-lived reader (its cache makes steps back
    instant); one per thread. A seek skips the pictures nothing refers to on its way to the
    frame (about a third of a GOP's decoding); `settle` fills them in while the user looks."""

    def __init__(self, path: Path, index: FrameIndex, rotation: int = 0) -> None:
        self._reader = FrameReader(path, index, skip_on_seek=True)
        self._rotation = rotation

    def frame(self, i: int) -> np.ndarray:
        """Frame i as shown: exact pixels, turned as the file says (RGB, H x W x 3)."""
        return upright(self._reader.frame(i), self._rotation)

    def display(self, i: int) -> np.ndarray:
        """Frame i for the screen, turned upright: BGRX uint8 (H x W x 4), one conversion."""
        return upright(self._reader.display(i), self._rotation)

    def is_cached(self, i: int) -> bool:
        return self._reader.is_cached(i)

    def settle(self, i: int, stop: Callable[[], bool]) -> bool:
        """Decode what the seek to frame i skipped (see `FrameReader.settle`)."""
        return self._reader.settle(i, stop)

    def close(self) -> None:
        self._reader.close()


class Keyframes:
    """The keyframe at or before a frame, decoded on its own: the picture shown while seeking."""

    def __init__(self, path: Path, index: FrameIndex, rotation: int = 0) -> None:
        self._index = index
        self._decoder = KeyframeDecoder(path, index)
        self._rotation = rotation

    def at_or_before(self, i: int) -> tuple[int, np.ndarray]:
        """(keyframe number, its picture as shown: BGRX, H x W x 4). A keyframe that gives
        no picture (a damaged random-access point) leaves the one before it to show meanwhile."""
        key = self._index.keyframe_at_or_before(i)
        for _attempt in range(4):
            try:
                frame = self._decoder.decode(key)
            except MediaError as exc:
                if exc.reason != "decode_failed" or key == 0:
                    raise
                key = self._index.keyframe_at_or_before(key - 1)
                continue
            return key, upright(frame.to_ndarray(format="bgra"), self._rotation)
        raise MediaError(self._decoder.path, f"no keyframe before frame {i} can be decoded")

    def close(self) -> None:
        self._decoder.close()


def strip(
    path: Path,
    index: FrameIndex,
    count: int,
    width: int,
    progress: Progress | None = None,
    rotation: int = 0,
) -> Iterator[Thumbnail]:
    """Thumbnails for the scrubber, yielded one by one as they are decoded (turned upright)."""
    for thumb in thumbnails(path, index, count, width, progress=progress):
        yield replace(thumb, image=upright(thumb.image, rotation)) if rotation else thumb


class Sound:
    """The file's sound as PCM (signed 16-bit, 48 kHz, stereo) from a media time on, for the
    player's audio output at 1x; one per thread."""

    def __init__(self, path: Path, index: FrameIndex) -> None:
        self._reader = SoundReader(path, index)

    def pcm(self, media_time_s: float) -> Iterator[bytes]:
        return self._reader.pcm(media_time_s)

    def close(self) -> None:
        self._reader.close()


def sound_levels(
    path: Path, index: FrameIndex, buckets: int, progress: Progress | None = None
) -> list[float]:
    """Loudness 0..1 of the sound in `buckets` equal stretches of the video (the scrubber's
    level strip); zeros for a silent file."""
    return [float(v) for v in audio_levels(path, index, buckets, progress)]
