"""Pictures of an opened video for the player's decoding threads and the scrubber's strip.

The GUI never imports the media layer: its workers hold one of these per thread. Frames come
back as NumPy arrays (RGB uint8, H x W x 3) ready to be wrapped by the front without a copy.
"""

from __future__ import annotations

from collections import OrderedDict
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
    """The keyframe at or before a frame, decoded on its own: the picture shown while seeking
    (one per thread). With `fit` (width, height) pictures are converted straight to at most
    that size and the most recent are kept (`keep_bytes`): stand-ins, so scrubbing back over
    a stretch shows its pictures at once; without, each is the whole exact keyframe."""

    def __init__(
        self,
        path: Path,
        index: FrameIndex,
        rotation: int = 0,
        *,
        fit: tuple[int, int] | None = None,
        keep_bytes: int = 0,
    ) -> None:
        self._index = index
        self._decoder = KeyframeDecoder(path, index)
        self._rotation = rotation
        self._fit = fit
        self._keep_bytes = keep_bytes
        self._kept: OrderedDict[int, tuple[np.ndarray, float]] = OrderedDict()
        self._kept_bytes = 0

    def at_or_before(self, i: int) -> tuple[int, np.ndarray, float]:
        """(keyframe number, its picture as shown: BGRX, H x W x 4, and the picture's scale
        to the frame: 1.0 when whole). A keyframe that gives no picture (a damaged
        random-access point) leaves the one before it to show meanwhile."""
        key = self._index.keyframe_at_or_before(i)
        for _attempt in range(4):
            if key in self._kept:
                self._kept.move_to_end(key)
                return key, *self._kept[key]
            try:
                picture, scale = self._decoder.display_picture(key, self._fit)
            except MediaError as exc:
                if exc.reason != "decode_failed" or key == 0:
                    raise
                key = self._index.keyframe_at_or_before(key - 1)
                continue
            picture = upright(picture, self._rotation)
            self._keep(key, picture, scale)
            return key, picture, scale
        raise MediaError(self._decoder.path, f"no keyframe before frame {i} can be decoded")

    def _keep(self, key: int, picture: np.ndarray, scale: float) -> None:
        if picture.nbytes > self._keep_bytes:
            return
        self._kept[key] = (picture, scale)
        self._kept_bytes += picture.nbytes
        while self._kept_bytes > self._keep_bytes:
            _old, (dropped, _scale) = self._kept.popitem(last=False)
            self._kept_bytes -= dropped.nbytes

    def close(self) -> None:
        self._decoder.close()
        self._kept.clear()


# Stand-ins: at most 960 pixels either way (a quarter of 1080p, 2 MiB) is as sharp as the
# player's view shows a frame at fit, and four times cheaper to convert, paint and keep.
STAND_IN_SIZE = (960, 960)
STAND_IN_KEEP_BYTES = 64 * 1024 * 1024


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
