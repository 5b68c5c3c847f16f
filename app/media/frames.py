"""Exact frame access: frame i is decoded bit for bit as a reference decoder gives it.

`FrameReader.frame(i)` seeks to the keyframe at or before i, decodes forward and matches the
decoded frames by pts against the index, so B-frames, VFR and MPEG-TS all land on the right
picture. Every frame decoded on the way is kept (as YUV, not RGB: converting costs more than
decoding) in a cache bounded in bytes; eviction drops the frames farthest from the current
position, so stepping back within the GOP is a cache hit and stepping forward continues the
running decoder instead of seeking. A reader is not shared between threads: one per thread.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

from app.domain.media import MediaError
from app.media.container import open_media, video_stream
from app.media.frame_index import FrameIndex
from app.media.keyframes import KeyframeDecoder

DEFAULT_CACHE_BYTES = 256 * 1024 * 1024
# A one-shot reader keeps only the pictures next to its frame (a held frame needs the one
# before): the decoder then reuses its buffers instead of faulting in fresh memory for every
# picture (a 1080p export: ~20 ms less CPU, ~60 MiB less peak).
ONE_SHOT_CACHE_BYTES = 32 * 1024 * 1024
# Continue the running decoder instead of seeking when the target's keyframe is this close.
_CONTINUE_WITHIN = 12


@dataclass
class AccessStats:
    """How a reader reached its frames: what `probe` records as the file's access strategy."""

    seeks: int = 0
    late_landings: int = 0  # the demuxer landed past the keyframe asked for
    earlier_keyframe: int = 0  # a keyframe gave no picture; an earlier one was used
    held: int = 0  # frames the decoder never outputs: the picture before stays on screen
    rejected_packets: int = 0  # packets the decoder refused (damaged slices)
    decode_order: bool = False  # pictures are numbered by counting (see `FrameIndex`)
    decoded: int = 0  # pictures that came out of the decoder

    @property
    def strategy(self) -> str:
        """`keyframe` (seek to the keyframe before and decode on), `earlier_seek` (the demuxer
        lands past it: seek a second earlier), `decode_order` (the file's stamps follow decode
        order: pictures are counted out of the decoder from the keyframe), `earlier_keyframe`
        (some keyframes are no random-access point: damaged or mislabelled, decoding starts at
        one before), `sequential` (only decoding from the start reaches the frames)."""
        if self.seeks and self.earlier_keyframe >= self.seeks:
            return "sequential"
        if self.earlier_keyframe or (self.late_landings and self.rejected_packets):
            return "earlier_keyframe"
        if self.decode_order:
            return "decode_order"
        return "earlier_seek" if self.late_landings else "keyframe"


@dataclass(frozen=True, eq=False)
class Picture:
    """A decoded picture: which frame it is, RGB pixels, and whether it is the one asked for."""

    index: int
    image: np.ndarray  # RGB uint8, H x W x 3
    exact: bool


class FrameReader:
    """Exact and fast-approximate frames of one video file, with a small decoded-frame cache."""

    def __init__(
        self,
        path: str | Path,
        index: FrameIndex,
        cache_bytes: int | None = None,
        *,
        one_shot: bool = False,
        skip_on_seek: bool = False,
    ) -> None:
        """With `one_shot` (a still, an export: one frame and no stepping) the pictures that
        nothing refers to are not decoded on the way from the keyframe to the frame asked
        for (FFmpeg's non-reference skip: no other picture changes), and only the pictures
        next to it are kept. `skip_on_seek` (the player) skips them the same way on a seek
        but keeps the whole cache: `settle` decodes what was skipped once the user stays on
        a frame, so stepping back from it is a cache hit again."""
        self.path = Path(path)
        self.index = index
        # Counting pictures (a decode-order index) needs every one of them out of the decoder.
        self._skipping = (one_shot or skip_on_seek) and not index.decode_order
        self._skip_below: int | None = None  # raw pts before which non-references are skipped
        if cache_bytes is None:
            cache_bytes = ONE_SHOT_CACHE_BYTES if one_shot else DEFAULT_CACHE_BYTES
        self._cache_bytes = cache_bytes
        self._container = open_media(path)
        self._size = self.path.stat().st_size
        self._stream = video_stream(self._container, path)
        self._stream.thread_type = "AUTO"
        self._cache: OrderedDict[int, av.VideoFrame] = OrderedDict()
        self._cached_bytes = 0
        self._decoder: Iterator[tuple[int, av.VideoFrame]] | None = None
        self._last_decoded: int | None = None
        self.access = AccessStats(decode_order=index.decode_order)
        # Opened on the first `keyframe_image` (an export or a still never needs it).
        self._keyframes: KeyframeDecoder | None = None

    def __enter__(self) -> FrameReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._decoder = None
        self._cache.clear()
        self._container.close()
        if self._keyframes is not None:
            self._keyframes.close()

    def frame(self, i: int) -> np.ndarray:
        """Frame i as RGB uint8 (H x W x 3), exactly."""
        return _to_rgb(self._exact(i))

    def display(self, i: int) -> np.ndarray:
        """Frame i for the screen: one conversion straight into 32-bit BGRX (H x W x 4), the
        layout Qt's `Format_RGB32` wraps and paints without a further copy or conversion."""
        return self._exact(i).to_ndarray(format="bgra")

    def picture(self, i: int) -> Picture:
        return Picture(i, self.frame(i), exact=True)

    def frame_at_time(self, t_seconds: float) -> Picture:
        """The exact frame shown at media time t."""
        return self.picture(self.index.frame_at(t_seconds))

    def forget_position(self) -> None:
        """Make the next frame not in the cache a fresh seek (the access check's samples)."""
        self._decoder = None
        self._last_decoded = None

    def is_cached(self, i: int) -> bool:
        return i in self._cache

    def keyframe_image(self, i: int) -> Picture:
        """A picture to show at once: frame i if cached, else the keyframe at or before it."""
        if i in self._cache:
            return Picture(i, _to_rgb(self._touch(i)), exact=True)
        key = self.index.keyframe_at_or_before(i)
        if key not in self._cache:
            if self._keyframes is None:
                self._keyframes = KeyframeDecoder(self.path, self.index)
            self._store(key, self._keyframes.decode(key), around=i)
        return Picture(key, _to_rgb(self._touch(key)), exact=key == i)

    def _exact(self, i: int) -> av.VideoFrame:
        self.index.raw_pts(i)  # range check
        if i in self._cache:
            return self._touch(i)
        key = self.index.keyframe_at_or_before(i)
        last = self._last_decoded
        rejected = self.access.rejected_packets
        if self._decoder is None or last is None or not key - _CONTINUE_WITHIN <= last < i:
            self._start_at(key, i)
        elif self._skipping:
            # Running on to a later frame (fast playback shows every few): what is shown
            # before it and nothing refers to need not be decoded either.
            self._skip_below = self.index.raw_pts(i)
        found = self._decode_until(i)
        if self._skip_below is not None and (
            found is None or self.access.rejected_packets > rejected
        ):
            # A damaged stretch (a packet refused, a frame that never came out): what the
            # decoder makes of it may depend on the pictures the skip left out. From here on
            # this reader decodes every picture, and what it cached on the way is dropped.
            self._skipping = False
            self._cache.clear()
            self._cached_bytes = 0
            self._start_at(key, i)
            found = self._decode_until(i)
        if found is not None:
            return found
        raise self._failure(f"frame {i} cannot be decoded")

    def _failure(self, problem: str) -> MediaError:
        """Name a file that vanished or shrank under us rather than blame the frame."""
        try:
            size = self.path.stat().st_size
        except OSError:
            return MediaError(
                self.path,
                "file vanished while it was open (moved, deleted or disconnected)",
                "missing",
            )
        if size < self._size:
            return MediaError(self.path, "file was cut short while it was open", "cut_short")
        return MediaError(self.path, problem)

    def settle(self, i: int, stop: Callable[[], bool]) -> bool:
        """Make frame i and every frame from its keyframe on cached, with the decoder standing
        at i, decoding what a seek skipped (the player calls this while the user looks at
        frame i: then stepping either way is instant). Returns early, False, as soon as
        `stop()` is true (a new request); True once done. A damaged stretch is left as it is
        (the frame requests themselves fall back)."""
        self.index.raw_pts(i)  # range check
        key = self.index.keyframe_at_or_before(i)
        if self._last_decoded == i and all(j in self._cache for j in range(key, i)):
            return True
        self._start_at(key, i, skip=False)
        while self._last_decoded is None or self._last_decoded < i:
            if stop():
                return False
            if self._decode_next(around=i) is None:
                break
        return True

    def _start_at(self, key: int, target: int, *, skip: bool = True) -> None:
        """Seek so that decoding reaches `target`, backing off when the demuxer lands late.

        Demuxers seek by decode time (MPEG-TS by byte position), which for B-frame streams
        can land past the keyframe asked for: then try a second earlier, then the keyframe
        before, down to the start of the file.
        """
        margin = max(1, round(1 / self.index.time_base))
        self.access.seeks += 1
        self._skip_below = self.index.raw_pts(target) if self._skipping and skip else None
        while True:
            for early in (0, margin):
                self._seek(self.index.raw_pts(key) - early)
                first = self._decode_next()
                if first is not None and first <= target:
                    return
                self.access.late_landings += 1
            if key == 0:
                return
            # The keyframe gives no picture (a damaged or mislabelled random-access point):
            # an earlier one does, and decoding on from there is what a straight decode shows.
            self.access.earlier_keyframe += 1
            key = self.index.keyframe_at_or_before(key - 1)

    def _seek(self, raw_pts: int) -> None:
        try:
            self._container.seek(raw_pts, stream=self._stream, backward=True, any_frame=False)
        except (av.error.FFmpegError, OSError) as exc:
            raise self._failure(f"seek failed ({exc})") from exc
        self._decoder = self._frames()
        self._last_decoded = None

    def _decode_until(self, i: int) -> av.VideoFrame | None:
        """Decode on to frame i. A frame the decoder never outputs (a packet it rejects, e.g.
        "non-intra slice in an IDR NAL unit") is, as in a straight decode, the picture before
        it still on screen: that picture is returned and cached for i."""
        previous = self._last_decoded
        if previous == i:
            return self._cache.get(i)
        while True:
            got = self._decode_next(around=i)
            if got == i:
                return self._cache[i]
            if got is not None and got < i:
                previous = got
                continue
            if i in self._cache:
                return self._cache[i]
            if previous is None or previous > i or previous not in self._cache:
                return None
            if self._skip_below is not None:
                return None  # held: decode again without the skip (see `_exact`)
            self.access.held += 1
            self._store(i, self._cache[previous], around=i)
            return self._cache[i]

    def _decode_next(self, around: int | None = None) -> int | None:
        """Decode frames until one that is in the index; cache it and return its number."""
        if self._decoder is None:
            return None
        for number, frame in self._decoder:
            self._last_decoded = number
            self._store(number, frame, around=number if around is None else around)
            return number
        self._decoder = None
        return None

    def _frames(self) -> Iterator[tuple[int, av.VideoFrame]]:
        """Decoded frames after a seek with their numbers, from the first keyframe picture on.

        Pictures decoded before it (a seek that landed on a predicted frame) lack their
        references and must never be cached as exact frames. A picture's number is the frame
        its stamp names; in a decode-order index it is counted instead: the keyframe's stamp
        names its place (a closed GOP shows nothing decoded after it before it), and every
        later picture comes out of the decoder in presentation order, one after another.
        """
        floor: int | None = None
        counted: int | None = None
        try:
            for packet in self._container.demux(self._stream):
                if self._skip_below is not None:
                    stamp = packet.pts if packet.pts is not None else packet.dts
                    early = stamp is not None and stamp < self._skip_below
                    self._stream.codec_context.skip_frame = "NONREF" if early else "DEFAULT"
                try:
                    frames = packet.decode()
                except av.error.InvalidDataError:
                    # A packet the decoder rejects is skipped, as a player or `ffmpeg` does;
                    # the frames after it decode on (or a keyframe further back serves them).
                    self.access.rejected_packets += 1
                    continue
                for frame in frames:
                    self.access.decoded += 1
                    stamp = frame.pts if frame.pts is not None else frame.dts
                    if stamp is None:
                        continue
                    if floor is None:
                        if not (frame.key_frame or self._is_indexed_keyframe(stamp)):
                            continue
                        floor = stamp
                        counted = self.index.index_of_pts(stamp)
                    elif counted is not None:
                        counted += 1
                    if self.index.decode_order:
                        number = counted
                    elif stamp >= floor:
                        number = self.index.index_of_pts(stamp)
                    else:
                        continue
                    if number is not None and number < self.index.count:
                        yield number, frame
        except (av.error.FFmpegError, OSError) as exc:
            raise self._failure(f"decoding failed ({exc})") from exc

    def _is_indexed_keyframe(self, stamp: int) -> bool:
        # Some cameras write I-frames the decoder does not flag as key (no IDR, no recovery
        # point); the container's sync-sample flag in the index still marks them.
        number = self.index.index_of_pts(stamp)
        return number is not None and bool(self.index.keyframe[number])

    def _touch(self, i: int) -> av.VideoFrame:
        self._cache.move_to_end(i)
        return self._cache[i]

    def _store(self, i: int, frame: av.VideoFrame, around: int) -> None:
        if i in self._cache:
            return
        self._cache[i] = frame
        self._cached_bytes += _frame_bytes(frame)
        while self._cached_bytes > self._cache_bytes and len(self._cache) > 1:
            far = max(self._cache, key=lambda j: abs(j - around))
            self._cached_bytes -= _frame_bytes(self._cache.pop(far))


def _frame_bytes(frame: av.VideoFrame) -> int:
    return sum(plane.buffer_size for plane in frame.planes)


def _to_rgb(frame: av.VideoFrame) -> np.ndarray:
    return frame.to_ndarray(format="rgb24")


def check_access(path: str | Path, index: FrameIndex, samples: int = 12) -> AccessStats:
    """Reach frames after up to `samples` keyframes spread over the file, each by a fresh
    seek, and report what that took: the strategy intake records in the probe data."""
    keys = index.keyframes()
    step = max(1, len(keys) // samples)
    with FrameReader(path, index, cache_bytes=64 * 1024 * 1024) as reader:
        for key in keys[::step][:samples]:
            target = min(key + 1, index.count - 1)
            reader.forget_position()
            reader.frame(target)
        return reader.access
