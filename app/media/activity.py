"""Activity scan for long CCTV: which stretches of the file show motion.

Decoding every frame of an hour of 1080p takes minutes, so the scan works in two passes:

1. Coarse: demux every packet (cheap) and decode only sampled keyframes (about two a second at
   most). A stretch is flagged when MOG2 background subtraction sees foreground on a sampled
   keyframe, or when a GOP's predicted packets are much bigger than usual (a static scene
   compresses to tiny P/B-frames; motion makes them grow): the mean predicted-packet size
   per GOP catches events that fall between keyframes.
2. Fine: only the flagged stretches are decoded, every picture another one refers to (the
   B-frames nothing refers to, a third of a camera's stream, are skipped: motion is seen as
   well at 20 pictures a second), at 320 px width, through MOG2 (background subtraction
   follows slow movers that frame differencing misses). Frames with enough foreground are
   active; active frames close together become segments.

Motion needs neither colour nor the deblocking filter: the decoder skips loop filtering, and
MOG2 sees the luma plane as decoded, shrunk by area averaging (no colour conversion: scaling
through swscale cost more than decoding the frame). The shrinking and MOG2 run in a thread of
their own beside the decoder (both release the interpreter lock), so two cores both work.
Segments are computed from frame numbers of the pts index, so an MP4 and its MPEG-TS remux
give the same ones.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import av
import cv2
import numpy as np

from app.domain.media import MediaError
from app.domain.progress import NullProgress, Progress, check_cancel
from app.media.container import open_media, video_stream
from app.media.frame_index import FrameIndex

_BASELINE_GOPS = 7  # GOPs on each side for the local packet-size baseline
_AHEAD = 6  # decoded pictures waiting for the motion thread at most (memory stays small)


@dataclass(frozen=True)
class ActivitySettings:
    """Tuning of the scan; the defaults suit entrance and yard cameras."""

    width: int = 320
    foreground_fraction: float = 0.002  # of the downscaled frame's pixels
    gop_size_factor: float = 1.3  # predicted frames this much bigger than usual: motion?
    max_samples_per_s: float = 2.0  # coarse pass rate ceiling (all-intra codecs)
    merge_gap_s: float = 1.0
    min_length_s: float = 0.2
    pad_s: float = 0.5
    warmup_frames: int = 5


@dataclass(frozen=True)
class ActivitySegment:
    """A stretch of media time with motion, and the largest foreground fraction seen in it."""

    start_s: float
    end_s: float
    peak: float


def scan_activity(
    path: str | Path,
    index: FrameIndex,
    progress: Progress | None = None,
    settings: ActivitySettings | None = None,
) -> list[ActivitySegment]:
    """Segments of `path` with motion, in media time; raises `Cancelled` when cancelled."""
    progress = progress or NullProgress()
    settings = settings or ActivitySettings()
    flagged = _coarse_pass(path, index, progress, settings)
    stretches = _stretches(index, flagged)
    return _segments(index, _fine_pass(path, index, stretches, settings, progress), settings)


def _coarse_pass(
    path: str | Path, index: FrameIndex, progress: Progress, settings: ActivitySettings
) -> set[int]:
    """Frame numbers (keyframes and big predicted frames) that suggest motion nearby."""
    flagged = set(_busy_gops(index, settings))
    samples = _sampled_keyframes(index, settings.max_samples_per_s)
    wanted = {index.raw_pts(i): i for i in samples}
    subtractor = _subtractor()

    def seen_on(number: int | None, fraction: float) -> None:
        # The first sample only starts the model: no foreground is known on it.
        first = number == samples[0]
        if number is not None and not first and fraction >= settings.foreground_fraction:
            flagged.add(number)

    with open_media(path) as container, _Motion(settings.width, seen_on) as motion:
        stream = video_stream(container, path)
        _motion_decoder(stream)
        ctx = stream.codec_context
        seen = 0
        try:
            for packet in container.demux(stream):
                seen += 1
                if seen % 500 == 0:
                    check_cancel(progress)
                    progress.report(seen, index.count, "activity: keyframes")
                stamp = packet.pts if packet.pts is not None else packet.dts
                if packet.size and stamp not in wanted:
                    continue
                for frame in ctx.decode(packet if packet.size else None):
                    number = wanted.get(frame.pts) if frame.pts is not None else None
                    motion.add(subtractor, frame, number)
        except (av.error.FFmpegError, OSError) as exc:
            raise MediaError(path, f"activity scan failed ({exc})") from exc
    return flagged


def _sampled_keyframes(index: FrameIndex, max_per_s: float) -> list[int]:
    chosen: list[int] = []
    spacing = 1.0 / max_per_s
    for key in index.keyframes():
        if not chosen or index.pts_of(key) - index.pts_of(chosen[-1]) >= spacing:
            chosen.append(key)
    return chosen


def _busy_gops(index: FrameIndex, settings: ActivitySettings) -> list[int]:
    """Keyframes opening a GOP whose predicted frames are much bigger than usual.

    P and B frames differ in size by design, so the measure is the mean predicted-packet size
    over a whole GOP, compared with the median of the GOPs around it. The threshold is low on
    purpose: a false flag only costs a full-rate look, where MOG2 decides.
    """
    keys = index.keyframes()
    if len(keys) < 3:
        return []
    bounds = [*keys, index.count]
    means: list[float] = []
    for start, end in pairwise(bounds):
        predicted = index.sizes[start + 1 : end]
        means.append(float(predicted.mean()) if len(predicted) else 0.0)
    if not any(means):
        return []  # all-intra codec: the sampled keyframes carry the coarse pass
    values = np.asarray(means)
    busy = []
    for g, key in enumerate(keys):
        # A local baseline follows slow changes (dusk, lights switched on) along the file.
        window = values[max(0, g - _BASELINE_GOPS) : g + _BASELINE_GOPS + 1]
        baseline = max(float(np.median(window)), 32.0)
        if values[g] > settings.gop_size_factor * baseline:
            busy.append(key)
    return busy


def _stretches(index: FrameIndex, flagged: set[int]) -> list[tuple[int, int]]:
    """Merged [start, end) frame ranges to decode fully: from the keyframe before each flag
    (one more GOP back so MOG2 learns the background) to the keyframe after it."""
    ranges: list[tuple[int, int]] = []
    for number in sorted(flagged):
        key = index.keyframe_at_or_before(number)
        start = index.keyframe_at_or_before(key - 1) if key > 0 else 0
        end = index.keyframe_after(number) or index.count
        if ranges and start <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(ranges[-1][1], end))
        else:
            ranges.append((start, end))
    return ranges


def _fine_pass(
    path: str | Path,
    index: FrameIndex,
    stretches: list[tuple[int, int]],
    settings: ActivitySettings,
    progress: Progress,
) -> list[tuple[int, float]]:
    """(frame, foreground fraction) of the active frames of the stretches, decoded in full;
    each stretch has its own background model, warmed up on its first frames."""
    total = sum(end - start for start, end in stretches)
    active: list[tuple[int, float]] = []
    subtractor = _subtractor()
    current, decoded = -1, 0

    def seen_on(number: int | None, fraction: float) -> None:
        if number is not None and fraction >= settings.foreground_fraction:
            active.append((number, fraction))

    frames = _stretch_frames(path, index, stretches, progress)
    before = [0]  # frames of the stretches before each (progress counts frames covered)
    for start, end in stretches:
        before.append(before[-1] + end - start)
    with _Motion(settings.width, seen_on) as motion:
        for done, (stretch, number, frame) in enumerate(frames, start=1):
            if stretch != current:
                current, decoded, subtractor = stretch, 0, _subtractor()
            decoded += 1
            # The first pictures of a stretch teach its model the background: not counted.
            motion.add(subtractor, frame, number if decoded > settings.warmup_frames else None)
            if done % 100 == 0:
                check_cancel(progress)
                covered = before[stretch] + number - stretches[stretch][0]
                progress.report(covered, total, "activity: motion detail")
    return active


class _Motion:
    """MOG2 on a thread of its own beside the decoder: `add` hands it a decoded picture with
    its model and a tag, and `seen(tag, foreground fraction)` is called back in the adding
    thread, in the order added (one thread, first in first out: each model sees its pictures
    in order). At most `_AHEAD` pictures wait, so memory stays small; leaving the block waits
    for the rest (or, on an error, drops them)."""

    def __init__(self, width: int, seen: Callable[[int | None, float], None]) -> None:
        self._width = width
        self._seen = seen
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="activity-motion")
        self._waiting: deque[tuple[int | None, Future[float]]] = deque()

    def __enter__(self) -> _Motion:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        try:
            while self._waiting and kind is None:
                self._take()
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def add(
        self, subtractor: cv2.BackgroundSubtractorMOG2, frame: av.VideoFrame, tag: int | None
    ) -> None:
        self._waiting.append((tag, self._pool.submit(_foreground, subtractor, frame, self._width)))
        while len(self._waiting) > _AHEAD or (self._waiting and self._waiting[0][1].done()):
            self._take()

    def _take(self) -> None:
        tag, fraction = self._waiting.popleft()
        self._seen(tag, fraction.result())


def _stretch_frames(
    path: str | Path,
    index: FrameIndex,
    stretches: list[tuple[int, int]],
    progress: Progress,
) -> Iterator[tuple[int, int, av.VideoFrame]]:
    """(stretch number, frame number, frame) for the frames of each [start, end), in order.

    One pass over the packets in file order, no seeking: a stretch's packets, from its opening
    keyframe's on, go to a decoder flushed in between, the others are skipped unread by the
    decoder. What is decoded is the same for any container the same packets are muxed into
    (MP4, its MPEG-TS remux), where a seek would land differently in each. The keyframe that
    closes a stretch is fed only when B-frames shown before it follow it (an open GOP).
    Pictures nothing refers to are not decoded (unless pictures are counted: a decode-order
    index needs every one out of the decoder).
    """
    if not stretches:
        return
    with open_media(path) as container:
        stream = video_stream(container, path)
        _motion_decoder(stream)
        ctx = stream.codec_context
        if not index.decode_order:
            ctx.skip_frame = "NONREF"
        number = 0
        start, end = stretches[0]
        numbering = _Numbering(index, start)
        feeding = start == 0  # from the file's first packet: hidden edit-list frames too
        after_end = False  # the keyframe at `end` has gone by
        closing: av.Packet[av.VideoStream] | None = (
            None  # that keyframe, fed only if B-frames need it
        )
        try:
            for seen, packet in enumerate(container.demux(stream), start=1):
                if seen % 500 == 0:
                    check_cancel(progress)
                stamp = packet.pts if packet.pts is not None else packet.dts
                if not packet.size or stamp is None:
                    continue
                end_pts = index.raw_pts(end) if end < index.count else None
                if not feeding:
                    if stamp != index.raw_pts(start):
                        continue
                    feeding = True
                elif stamp == end_pts:
                    closing, after_end = packet, True
                    continue
                elif after_end and end_pts is not None and stamp >= end_pts:
                    yield from _numbered(number, ctx.decode(None), numbering, start, end)
                    ctx.flush_buffers()
                    closing, after_end = None, False
                    number += 1
                    if number == len(stretches):
                        return
                    start, end = stretches[number]
                    numbering = _Numbering(index, start)
                    feeding = stamp == index.raw_pts(start)
                    if not feeding:
                        continue
                elif closing is not None:  # an open GOP: B-frames shown before the keyframe
                    yield from _numbered(number, _decoded(ctx, closing), numbering, start, end)
                    closing = None
                yield from _numbered(number, _decoded(ctx, packet), numbering, start, end)
            if feeding:
                yield from _numbered(number, ctx.decode(None), numbering, start, end)
        except (av.error.FFmpegError, OSError) as exc:
            raise MediaError(path, f"activity scan failed ({exc})") from exc


def _decoded(ctx: av.VideoCodecContext, packet: av.Packet[av.VideoStream]) -> list[av.VideoFrame]:
    try:
        return ctx.decode(packet)
    except av.error.InvalidDataError:
        return []  # a damaged packet is skipped, as a player does


def _numbered(
    stretch: int, frames: list[av.VideoFrame], numbering: _Numbering, start: int, end: int
) -> Iterator[tuple[int, int, av.VideoFrame]]:
    for frame in frames:
        number = numbering.number(frame)
        if number is not None and start <= number < end:
            yield stretch, number, frame


class _Numbering:
    """Numbers the pictures of one stretch: by their stamps, or in a decode-order index
    (`FrameIndex.decode_order`) by counting them from the stretch's opening keyframe."""

    def __init__(self, index: FrameIndex, start: int) -> None:
        self._index, self._next = index, start

    def number(self, frame: av.VideoFrame) -> int | None:
        if self._index.decode_order:
            self._next += 1
            return self._next - 1
        return self._index.index_of_pts(frame.pts) if frame.pts is not None else None


def _motion_decoder(stream: av.VideoStream) -> None:
    """Frame threads, and no deblocking: a motion mask does not need a bit-exact picture."""
    stream.thread_type = "AUTO"
    stream.codec_context.options = {"skip_loop_filter": "all"}


def _subtractor() -> cv2.BackgroundSubtractorMOG2:
    return cv2.createBackgroundSubtractorMOG2(history=300, varThreshold=25, detectShadows=False)


_KERNEL = np.ones((3, 3), np.uint8)


def _foreground(
    subtractor: cv2.BackgroundSubtractorMOG2, frame: av.VideoFrame, width: int
) -> float:
    height = max(2, round(frame.height * width / frame.width / 2) * 2)
    mask = subtractor.apply(_small_gray(frame, width, height))
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, _KERNEL)
    return float(np.count_nonzero(mask)) / mask.size


def _small_gray(frame: av.VideoFrame, width: int, height: int) -> np.ndarray:
    """The picture's brightness at `width` x `height`: the decoded 8-bit luma plane shrunk by
    area averaging, or a grey conversion for other layouts (RGB, palette, deep colour)."""
    fmt = frame.format
    if not fmt.name.startswith(_LUMA_FIRST) or fmt.components[0].bits != 8:
        return frame.reformat(width=width, height=height, format="gray").to_ndarray()
    plane = frame.planes[0]
    rows = np.frombuffer(memoryview(plane), np.uint8).reshape(plane.height, plane.line_size)
    small: np.ndarray = cv2.resize(
        rows[:, : plane.width], (width, height), interpolation=cv2.INTER_AREA
    )
    return small


_LUMA_FIRST = ("yuv", "nv12", "nv21", "gray")


def _segments(
    index: FrameIndex, active: list[tuple[int, float]], settings: ActivitySettings
) -> list[ActivitySegment]:
    segments: list[ActivitySegment] = []
    for number, fraction in sorted(active):
        start, end = index.pts_of(number), index.end_of(number)
        if segments and start - segments[-1].end_s <= settings.merge_gap_s:
            last = segments[-1]
            segments[-1] = ActivitySegment(
                last.start_s, max(last.end_s, end), max(last.peak, fraction)
            )
        else:
            segments.append(ActivitySegment(start, end, fraction))
    duration = index.duration_s
    return [
        ActivitySegment(
            round(max(0.0, s.start_s - settings.pad_s), 3),
            round(min(duration, s.end_s + settings.pad_s), 3),
            round(s.peak, 4),
        )
        for s in segments
        if s.end_s - s.start_s >= settings.min_length_s
    ]
