"""The presentation-timestamp index of a video stream, built by demuxing packets (no decoding).

Frame i is the i-th frame in presentation order. Its interval is [pts_i, pts_{i+1}) (the last
one lasts its packet duration), so "the frame shown at media time t" is a bisection — correct for
B-frames (decode order differs from display order), variable frame rate, MPEG-TS, and files whose
header frame count is wrong. Media time is seconds from the first frame's presentation.

Some files carry no presentation timestamps, only decode-order stamps (H.264 with B-frames in
AVI: the demuxer numbers packets in file order and the decoder reorders them). Their stamps
still give each frame its time slot, but a decoded picture's stamp names the packet it came
from, not its place on screen: `decode_order` marks such an index, and readers number the
pictures by counting them out of the decoder from a keyframe instead of by their stamps.

The index serialises to bytes (NumPy `.npz`, no pickle) so it is stored beside the evidence and
never rebuilt from a multi-GB file on every open.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, replace
from fractions import Fraction
from itertools import pairwise
from pathlib import Path

import av
import numpy as np

from app.domain.media import MediaError
from app.domain.progress import NullProgress, Progress, check_cancel
from app.media.container import open_media, video_stream

_REPORT_EVERY = 2000


_FORMAT_VERSION = 2  # 2 added `decode_order`; version 1 indexes are read as pts-ordered


@dataclass(frozen=True, eq=False)
class FrameIndex:
    """Sorted presentation timestamps (stream time base units) with keyframe flags and sizes."""

    pts: np.ndarray  # int64, strictly increasing
    keyframe: np.ndarray  # bool, aligned with pts
    sizes: np.ndarray  # int32 packet size in bytes, aligned with pts
    end_pts: int  # end of the last frame's interval
    time_base: Fraction
    stream_index: int
    decode_order: bool = False  # stamps follow decode order, not presentation (see above)

    def __post_init__(self) -> None:
        if len(self.pts) == 0:
            raise ValueError("a frame index needs at least one frame")
        # Plain arrays, 8 bytes a frame: a day of CCTV is millions of frames.
        object.__setattr__(self, "_keys", np.flatnonzero(self.keyframe).astype(np.int64))

    @property
    def count(self) -> int:
        return len(self.pts)

    @property
    def start_pts(self) -> int:
        return int(self.pts[0])

    @property
    def duration_s(self) -> float:
        return float((self.end_pts - self.start_pts) * self.time_base)

    def pts_of(self, i: int) -> float:
        """Media time (seconds from the first frame) at which frame i starts."""
        return float((self.raw_pts(i) - self.start_pts) * self.time_base)

    def end_of(self, i: int) -> float:
        """Media time at which frame i stops being shown."""
        self._check(i)
        end = self.end_pts if i == self.count - 1 else int(self.pts[i + 1])
        return float((end - self.start_pts) * self.time_base)

    def raw_pts(self, i: int) -> int:
        """Frame i's pts in the stream's time base (what the decoder reports)."""
        self._check(i)
        return int(self.pts[i])

    def frame_at(self, t_seconds: float) -> int:
        """The frame whose presentation interval contains media time t (clamped to the file)."""
        target = self.start_pts + Fraction(t_seconds).limit_denominator(10**9) / self.time_base
        # pts are integers: pts <= target exactly when pts <= floor(target)
        i = int(np.searchsorted(self.pts, math.floor(target), side="right")) - 1
        return min(max(i, 0), self.count - 1)

    def index_of_pts(self, raw_pts: int) -> int | None:
        """The frame with exactly this raw pts, or None."""
        i = int(np.searchsorted(self.pts, raw_pts, side="left"))
        return i if i < self.count and int(self.pts[i]) == raw_pts else None

    def keyframe_at_or_before(self, i: int) -> int:
        """The last keyframe at or before frame i in presentation order (0 if none)."""
        self._check(i)
        keys: np.ndarray = self._keys  # type: ignore[attr-defined]
        pos = int(np.searchsorted(keys, i, side="right")) - 1
        return int(keys[pos]) if pos >= 0 else 0

    def keyframe_after(self, i: int) -> int | None:
        """The first keyframe strictly after frame i, or None."""
        keys: np.ndarray = self._keys  # type: ignore[attr-defined]
        pos = int(np.searchsorted(keys, i, side="right"))
        return int(keys[pos]) if pos < len(keys) else None

    def keyframes(self) -> list[int]:
        """Frame numbers of all keyframes, ascending."""
        keys: np.ndarray = self._keys  # type: ignore[attr-defined]
        return [int(k) for k in keys]

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        np.savez_compressed(
            buffer,
            version=np.array([_FORMAT_VERSION], dtype=np.int64),
            pts=self.pts.astype(np.int64),
            keyframe=self.keyframe.astype(np.bool_),
            sizes=self.sizes.astype(np.int32),
            meta=np.array(
                [
                    self.end_pts,
                    self.time_base.numerator,
                    self.time_base.denominator,
                    self.stream_index,
                    int(self.decode_order),
                ],
                dtype=np.int64,
            ),
        )
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> FrameIndex:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            version = int(npz["version"][0])
            if version not in (1, _FORMAT_VERSION):
                raise ValueError(f"unsupported frame index format {version}")
            meta = [int(v) for v in npz["meta"]]
            end_pts, num, den, stream_index = meta[:4]
            return cls(
                pts=npz["pts"],
                keyframe=npz["keyframe"],
                sizes=npz["sizes"],
                end_pts=end_pts,
                time_base=Fraction(num, den),
                stream_index=stream_index,
                decode_order=bool(meta[4]) if version >= 2 else False,
            )

    def _check(self, i: int) -> None:
        if not 0 <= i < self.count:
            raise IndexError(f"frame {i} outside 0..{self.count - 1}")


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
        stream_index = stream.index  # read while the container is open
    index = _assemble(path, pts_list, keys, sizes, durations, time_base, stream_index, hidden_key)
    if _increasing(pts_list) and _pictures_reordered(path):
        index = replace(index, decode_order=True)
    return index


def _increasing(stamps: list[int]) -> bool:
    """Stamps rising packet after packet, in file (decode) order: presentation times, or
    decode-order stamps (a container with none, such as AVI); the decoder tells which."""
    return len(stamps) > 2 and all(b > a for a, b in pairwise(stamps))


_REORDER_PROBE = 48  # pictures: more than a GOP's B-frames ever hold back


def _pictures_reordered(path: str | Path) -> bool:
    """Whether the decoder gives the first pictures out of their packets' order (B-frames),
    so that stamps rising in file order can only be decode-order stamps."""
    last: int | None = None
    try:
        with open_media(path) as container:
            stream = video_stream(container, path)
            for count, frame in enumerate(container.decode(stream)):
                stamp = frame.pts if frame.pts is not None else frame.dts
                if stamp is not None:
                    if last is not None and stamp < last:
                        return True
                    last = stamp
                if count >= _REORDER_PROBE:
                    break
    except (av.error.FFmpegError, OSError, MediaError):
        return False
    return False


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
