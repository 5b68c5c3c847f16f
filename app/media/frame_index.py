"""Building the presentation-timestamp index (`app.domain.media.FrameIndex`) of a video stream
by demuxing its packets (no decoding)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import numpy as np

from app.domain.media import FrameIndex, MediaError
from app.domain.progress import NullProgress, Progress, check_cancel
from app.media.container import open_media, video_stream

_REPORT_EVERY = 2000


def build_index(path: str | Path, progress: Progress | None = None) -> FrameIndex:
    """Demux every packet of the first video stream and index it; `MediaError` if unusable."""
    progress = progress or NullProgress()
    with open_media(path) as container:
        stream = video_stream(container, path)
        if stream.time_base is None:
            raise MediaError(
                path, "the video stream has no time base; remux needed", "no_timestamps"
            )
        total = stream.frames or None
        pts_list: list[int] = []
        keys: list[bool] = []
        sizes: list[int] = []
        durations: list[int] = []
        hidden_key = False
        try:
            for packet in container.demux(stream):
                if packet.size == 0:
                    continue  # flush packet, or an AVI "repeat previous frame" marker
                if packet.is_discard:
                    # a frame an MP4 edit list cuts away: decoded for reference, never shown
                    hidden_key = hidden_key or bool(packet.is_keyframe)
                    continue
                stamp = packet.pts if packet.pts is not None else packet.dts
                if stamp is None:
                    raise MediaError(
                        path, "frames carry no timestamps; remux needed", "no_timestamps"
                    )
                pts_list.append(stamp)
                keys.append(bool(packet.is_keyframe))
                sizes.append(packet.size)
                durations.append(packet.duration or 0)
                if len(pts_list) % _REPORT_EVERY == 0:
                    check_cancel(progress)
                    progress.report(len(pts_list), total, "indexing frames")
        except FileNotFoundError as exc:
            raise MediaError(path, "file vanished while it was being read", "missing") from exc
        except (OSError, EOFError) as exc:
            raise MediaError(path, f"read error while indexing ({exc})") from exc
        time_base = Fraction(stream.time_base.numerator, stream.time_base.denominator)
        return _assemble(
            path, pts_list, keys, sizes, durations, time_base, stream.index, hidden_key
        )


def _assemble(
    path: str | Path,
    pts_list: list[int],
    keys: list[bool],
    sizes: list[int],
    durations: list[int],
    time_base: Fraction,
    stream_index: int,
    hidden_key: bool,
) -> FrameIndex:
    if not pts_list:
        raise MediaError(path, "the video stream holds no frames", "no_frames")
    pts = np.asarray(pts_list, dtype=np.int64)
    order = np.argsort(pts, kind="stable")
    pts = pts[order]
    keyframe = np.asarray(keys, dtype=np.bool_)[order]
    size_arr = np.asarray(sizes, dtype=np.int32)[order]
    dur_arr = np.asarray(durations, dtype=np.int64)[order]
    # Duplicate timestamps (broken muxers) would make intervals empty: keep the first.
    unique = np.concatenate(([True], np.diff(pts) > 0))
    pts, keyframe, size_arr, dur_arr = (
        pts[unique],
        keyframe[unique],
        size_arr[unique],
        dur_arr[unique],
    )
    if hidden_key and not keyframe[0]:
        # An edit list starts the file mid-GOP: seeking to the first shown frame decodes
        # from the hidden keyframe before it, so it is an entry point like a keyframe.
        keyframe[0] = True
    if not keyframe.any():
        raise MediaError(path, "no keyframe in the video stream; cannot decode", "no_frames")
    last_duration = int(dur_arr[-1])
    if last_duration <= 0:
        last_duration = int(np.median(np.diff(pts))) if len(pts) > 1 else _one_frame(time_base)
    return FrameIndex(
        pts=pts,
        keyframe=keyframe,
        sizes=size_arr,
        end_pts=int(pts[-1]) + last_duration,
        time_base=time_base,
        stream_index=stream_index,
    )


def _one_frame(time_base: Fraction) -> int:
    """A 1/25 s frame in `time_base` units, for single-frame files without durations."""
    return max(1, round(Fraction(1, 25) / time_base))
