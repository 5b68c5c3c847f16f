"""Activity scan for long CCTV: which stretches of the file show motion.

Decoding every frame of an hour of 1080p takes minutes, so the scan works in two passes:

1. Coarse: demux every packet (cheap) and decode only sampled keyframes (about two a second at
   most). A stretch is flagged when MOG2 background subtraction sees foreground on a sampled
   keyframe, or when a GOP's predicted packets are much bigger than usual (a static scene
   compresses to tiny P/B-frames; motion makes them grow): the mean predicted-packet size
   per GOP catches events that fall between keyframes.
2. Fine: only the flagged stretches are decoded at full rate, at 320 px width, through MOG2
   (background subtraction follows slow movers that frame differencing misses). Frames with
   enough foreground are active; active frames close together become segments.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, pairwise
from pathlib import Path

import av
import cv2
import numpy as np

from app.domain.media import MediaError
from app.domain.progress import NullProgress, Progress, check_cancel
from app.media.container import open_media, video_stream
from app.media.frame_index import FrameIndex

_BASELINE_GOPS = 7  # GOPs on each side for the local packet-size baseline


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
    active: list[tuple[int, float]] = []
    total = sum(end - start for start, end in stretches)
    done = 0
    for start, end in stretches:
        active.extend(_fine_pass(path, index, start, end, settings, progress, done, total))
        done += end - start
    return _segments(index, active, settings)


def _coarse_pass(
    path: str | Path, index: FrameIndex, progress: Progress, settings: ActivitySettings
) -> set[int]:
    """Frame numbers (keyframes and big predicted frames) that suggest motion nearby."""
    flagged = set(_busy_gops(index, settings))
    samples = _sampled_keyframes(index, settings.max_samples_per_s)
    wanted = {index.raw_pts(i): i for i in samples}
    subtractor = _subtractor()
    with open_media(path) as container:
        stream = video_stream(container, path)
        stream.thread_type = "AUTO"
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
                    fraction = _foreground(subtractor, frame, settings.width)
                    if (
                        number is not None
                        and number != samples[0]
                        and (fraction >= settings.foreground_fraction)
                    ):
                        flagged.add(number)
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
    start: int,
    end: int,
    settings: ActivitySettings,
    progress: Progress,
    done: int,
    total: int,
) -> Iterator[tuple[int, float]]:
    """(frame, foreground fraction) for the active frames of [start, end), decoded in full."""
    subtractor = _subtractor()
    for decoded, (number, frame) in enumerate(_decode_range(path, index, start, end), start=1):
        fraction = _foreground(subtractor, frame, settings.width)
        if decoded % 100 == 0:
            check_cancel(progress)
            progress.report(done + number - start, total, "activity: motion detail")
        if decoded > settings.warmup_frames and fraction >= settings.foreground_fraction:
            yield number, fraction


def _decode_range(
    path: str | Path, index: FrameIndex, start: int, end: int
) -> Iterator[tuple[int, av.VideoFrame]]:
    """The frames [start, end) decoded in order. MPEG-TS seeks by byte position and may land
    a GOP or more late: then seek a second, then five earlier, then decode from the start of
    the file, so MP4 and TS copies of one recording give the same segments."""
    margin = max(1, round(1 / index.time_base))
    for early in (0, margin, 5 * margin, None):
        with open_media(path) as container:
            stream = video_stream(container, path)
            stream.thread_type = "AUTO"
            try:
                if early is not None and start > 0:
                    target = index.raw_pts(start) - early
                    container.seek(target, stream=stream, backward=True, any_frame=False)
                frames = _numbered(container, stream, index)
                first = next(frames, None)
                if first is None:
                    return
                if first[0] > start and early is not None and start > 0:
                    continue  # landed past the start
                for number, frame in chain([first], frames):
                    if number >= end:
                        return
                    if number >= start:
                        yield number, frame
                return
            except (av.error.FFmpegError, OSError) as exc:
                raise MediaError(path, f"activity scan failed ({exc})") from exc


def _numbered(
    container: av.container.InputContainer, stream: av.VideoStream, index: FrameIndex
) -> Iterator[tuple[int, av.VideoFrame]]:
    """Decoded frames with their index numbers, from the first keyframe picture on (frames
    before it lack their references)."""
    started = False
    for frame in container.decode(stream):
        number = index.index_of_pts(frame.pts) if frame.pts is not None else None
        if number is None:
            continue
        started = started or frame.key_frame or bool(index.keyframe[number])
        if started:
            yield number, frame


def _subtractor() -> cv2.BackgroundSubtractorMOG2:
    return cv2.createBackgroundSubtractorMOG2(history=300, varThreshold=25, detectShadows=False)


_KERNEL = np.ones((3, 3), np.uint8)


def _foreground(
    subtractor: cv2.BackgroundSubtractorMOG2, frame: av.VideoFrame, width: int
) -> float:
    height = max(2, round(frame.height * width / frame.width / 2) * 2)
    gray = frame.reformat(width=width, height=height, format="gray").to_ndarray()
    mask = subtractor.apply(gray)
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, _KERNEL)
    return float(np.count_nonzero(mask)) / mask.size


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
