"""Media value types shared by every layer: the presentation-timestamp index of a video
stream, a region in frame pixels, and the error a file that cannot be read raises.

They hold no decoder and touch no file (NumPy arrays and bytes only), so the player in the UI,
the services and the media layer speak of frames, regions and media problems in one language;
decoding lives in `app.media`.

Frame i is the i-th frame in presentation order. Its interval is [pts_i, pts_{i+1}) (the last
one lasts its packet duration), so "the frame shown at media time t" is a bisection — correct for
B-frames (decode order differs from display order), variable frame rate, MPEG-TS, and files whose
header frame count is wrong. Media time is seconds from the first frame's presentation. The
index serialises to bytes (NumPy `.npz`, no pickle) so it is stored beside the evidence and never
rebuilt from a multi-GB file on every open.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import numpy as np

from app.domain.errors import ValidationError

_FORMAT_VERSION = 1


class MediaError(ValidationError):
    """A media file that cannot be read; the message names the file and the problem.

    `reason` is a stable code for the UI to translate: missing, unreadable, empty, truncated,
    not_media, unknown_codec, no_video, no_timestamps, no_frames, cut_short, decode_failed.
    """

    code = "media"

    def __init__(self, path: str | Path, problem: str, reason: str = "decode_failed") -> None:
        self.path = str(path)
        self.problem = problem
        self.reason = reason
        super().__init__(f"{Path(path).name}: {problem}", field="file", path=self.path)


@dataclass(frozen=True)
class Region:
    """A rectangle in frame pixels: left, top, width, height."""

    x: int
    y: int
    w: int
    h: int

    @classmethod
    def parse(cls, text: str) -> Region:
        """`X,Y,W,H` as typed on the command line."""
        parts = [p.strip() for p in text.split(",")]
        if len(parts) != 4 or not all(p.lstrip("-").isdigit() for p in parts):
            raise ValidationError(f"region must be X,Y,W,H in pixels: {text!r}", field="rect")
        return cls(*(int(p) for p in parts))

    def check_within(self, width: int, height: int) -> None:
        """ValidationError unless the region is non-empty and inside a width x height frame."""
        if self.w <= 0 or self.h <= 0:
            raise ValidationError("region must have a positive width and height", field="rect")
        if self.x < 0 or self.y < 0 or self.x + self.w > width or self.y + self.h > height:
            raise ValidationError(
                f"region {self.x},{self.y},{self.w},{self.h} lies outside the "
                f"{width}x{height} frame",
                field="rect",
            )

    def as_list(self) -> list[int]:
        return [self.x, self.y, self.w, self.h]


@dataclass(frozen=True, eq=False)
class FrameIndex:
    """Sorted presentation timestamps (stream time base units) with keyframe flags and sizes."""

    pts: np.ndarray  # int64, strictly increasing
    keyframe: np.ndarray  # bool, aligned with pts
    sizes: np.ndarray  # int32 packet size in bytes, aligned with pts
    end_pts: int  # end of the last frame's interval
    time_base: Fraction
    stream_index: int

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
                ],
                dtype=np.int64,
            ),
        )
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> FrameIndex:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            version = int(npz["version"][0])
            if version != _FORMAT_VERSION:
                raise ValueError(f"unsupported frame index format {version}")
            end_pts, num, den, stream_index = (int(v) for v in npz["meta"])
            return cls(
                pts=npz["pts"],
                keyframe=npz["keyframe"],
                sizes=npz["sizes"],
                end_pts=end_pts,
                time_base=Fraction(num, den),
                stream_index=stream_index,
            )

    def _check(self, i: int) -> None:
        if not 0 <= i < self.count:
            raise IndexError(f"frame {i} outside 0..{self.count - 1}")
