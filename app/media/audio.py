"""The sound of a video: a level strip for the scrubber and PCM for playback at 1x.

Media time is the video's (seconds from its first frame): the audio track's own start is
placed on that timeline, so a level or a sample lines up with the frame shown with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from app.domain.media import MediaError
from app.domain.progress import NullProgress, Progress, check_cancel
from app.media.container import open_media
from app.media.frame_index import FrameIndex

PLAYBACK_RATE = 48_000
PLAYBACK_CHANNELS = 2
_LEVEL_RATE = 8_000


def _video_start_s(container: av.container.InputContainer, index: FrameIndex) -> float:
    stream = container.streams[index.stream_index]
    return float(index.start_pts * index.time_base) if stream is not None else 0.0


def audio_levels(
    path: str | Path, index: FrameIndex, buckets: int, progress: Progress | None = None
) -> np.ndarray:
    """The loudness (RMS, 0..1) of the first audio track in `buckets` equal stretches of the
    video's media time; all zeros for a file without sound."""
    progress = progress or NullProgress()
    levels = np.zeros(max(1, buckets), dtype=np.float32)
    sums = np.zeros_like(levels)
    counts = np.zeros_like(levels)
    duration = index.duration_s
    with open_media(path) as container:
        if not container.streams.audio or duration <= 0:
            return levels
        stream = container.streams.audio[0]
        origin = _video_start_s(container, index)
        resampler = av.AudioResampler(format="flt", layout="mono", rate=_LEVEL_RATE)
        position: float | None = None
        try:
            for n, frame in enumerate(container.decode(stream)):
                if n % 200 == 0:
                    check_cancel(progress)
                if frame.pts is not None and frame.time_base is not None:
                    position = float(frame.pts * frame.time_base) - origin
                for out in resampler.resample(frame):
                    samples = out.to_ndarray().reshape(-1)
                    start = position if position is not None else 0.0
                    times = start + np.arange(len(samples)) / _LEVEL_RATE
                    slot = np.clip((times / duration * len(levels)).astype(int), 0, len(levels) - 1)
                    inside = (times >= 0) & (times < duration)
                    np.add.at(sums, slot[inside], samples[inside] ** 2)
                    np.add.at(counts, slot[inside], 1)
                    position = start + len(samples) / _LEVEL_RATE
        except av.error.FFmpegError as exc:
            raise MediaError(path, f"the sound cannot be decoded ({exc})") from exc
    heard = counts > 0
    levels[heard] = np.sqrt(sums[heard] / counts[heard])
    return np.clip(levels, 0.0, 1.0)


class SoundReader:
    """PCM of the first audio track from a media time on: signed 16-bit, 48 kHz, stereo,
    interleaved — what the player's audio output is fed at 1x. One per thread."""

    def __init__(self, path: str | Path, index: FrameIndex) -> None:
        self._container = open_media(path)
        if not self._container.streams.audio:
            self._container.close()
            raise MediaError(path, "the file has no sound", "no_audio")
        self._stream = self._container.streams.audio[0]
        self._origin = _video_start_s(self._container, index)
        self._path = path

    def close(self) -> None:
        self._container.close()

    def pcm(self, media_time_s: float) -> Iterator[bytes]:
        """Chunks of PCM starting exactly at `media_time_s` (silence fills a gap before the
        track starts)."""
        resampler = av.AudioResampler(format="s16", layout="stereo", rate=PLAYBACK_RATE)
        target = media_time_s + self._origin
        base = self._stream.time_base or Fraction(1, PLAYBACK_RATE)
        seek_to = max(0, int((target - 1.0) / base))
        try:
            self._container.seek(seek_to, stream=self._stream, backward=True)
            position: float | None = None
            started = False
            frame_bytes = 2 * PLAYBACK_CHANNELS
            for frame in self._container.decode(self._stream):
                if frame.pts is not None and frame.time_base is not None:
                    position = float(frame.pts * frame.time_base)
                for out in resampler.resample(frame):
                    data = bytes(out.planes[0])[: out.samples * frame_bytes]
                    start = position if position is not None else target
                    position = start + out.samples / PLAYBACK_RATE
                    if not started:
                        if position <= target:
                            continue
                        if start < target:  # cut the chunk at the wanted moment
                            skip = round((target - start) * PLAYBACK_RATE) * frame_bytes
                            data = data[skip:]
                        elif start > target + 0.001:  # the track starts later: silence first
                            yield bytes(round((start - target) * PLAYBACK_RATE) * frame_bytes)
                        started = True
                    if data:
                        yield data
        except av.error.FFmpegError as exc:
            raise MediaError(self._path, f"the sound cannot be decoded ({exc})") from exc
