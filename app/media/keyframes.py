"""Decoding one keyframe packet on its own: the fast picture behind seeks and thumbnails.

A keyframe is intra-coded, so decoding its packet alone with a fresh decoder state gives the
same picture as decoding the whole stream up to it. No decoder threads: frame threading would
hold the picture back until several more packets arrive.
"""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np

from app.domain.media import MediaError
from app.media.container import open_media, video_stream
from app.media.frame_index import FrameIndex


class KeyframeDecoder:
    """Its own container and decoder for single keyframes; one per thread."""

    def __init__(self, path: str | Path, index: FrameIndex, exact: bool = True) -> None:
        """With `exact` False (thumbnails) the deblocking filter is skipped: about a fifth
        faster, slightly blockier, never to be shown as the evidence frame itself."""
        self._path = path
        self.path = Path(path)
        self._index = index
        self._container = open_media(path)
        self._stream = video_stream(self._container, path)
        self._stream.thread_type = "SLICE"
        if not exact:
            self._stream.codec_context.options = {"skip_loop_filter": "all"}

    def decode(self, key: int) -> av.VideoFrame:
        """The decoded picture of keyframe `key` (a frame number the index marks as one)."""
        target = self._index.raw_pts(key)
        # Demuxers seek by decode time or byte position and may land past a B-frame stream's
        # keyframe: a second earlier is always before it.
        margin = max(1, round(1 / self._index.time_base))
        try:
            for early in (0, margin):
                picture = self._decode_from_seek(target, early)
                if picture is not None:
                    return picture
        except FileNotFoundError as exc:
            raise MediaError(
                self._path, "file vanished while it was being read", "missing"
            ) from exc
        except (av.error.FFmpegError, OSError) as exc:
            raise MediaError(self._path, f"keyframe {key} cannot be decoded ({exc})") from exc
        raise MediaError(self._path, f"keyframe {key} not found where the index puts it")

    def display_picture(
        self, key: int, fit: tuple[int, int] | None = None
    ) -> tuple[np.ndarray, float]:
        """Keyframe `key` for the screen: BGRX (H x W x 4), shrunk, never enlarged, to fit
        `fit` (width, height) in the same conversion; and its scale (1.0: the whole
        picture)."""
        frame = self.decode(key)
        scale = 1.0 if fit is None else min(1.0, fit[0] / frame.width, fit[1] / frame.height)
        if scale == 1.0:
            return frame.to_ndarray(format="bgra"), 1.0
        width = max(2, round(frame.width * scale / 2) * 2)
        height = round(frame.height * width / frame.width)
        small = frame.reformat(width, height, "bgra", interpolation="AREA")
        return small.to_ndarray(), width / frame.width

    def _decode_from_seek(self, target: int, early: int) -> av.VideoFrame | None:
        """Feed packets from the seek point through the target's, then drain the decoder.

        For a true keyframe that is its packet alone. The first shown frame of an MP4 whose
        edit list cuts into a GOP is marked as an entry point although it is predicted: then
        the hidden keyframe and the frames between are fed too (and never shown).
        """
        ctx = self._stream.codec_context
        self._container.seek(target - early, stream=self._stream, backward=True, any_frame=False)
        found: av.VideoFrame | None = None
        fed_key = False
        try:
            for packet in self._container.demux(self._stream):
                stamp = packet.pts if packet.pts is not None else packet.dts
                if packet.size == 0 or stamp is None:
                    continue
                if packet.is_keyframe:
                    if stamp > target:
                        return None  # landed past the target
                    fed_key = True
                if not fed_key:
                    continue  # a predicted frame before any keyframe: nothing to build on
                found = _pick(ctx.decode(packet), target) or found
                if stamp == target:
                    return _pick(ctx.decode(None), target) or found
            return None
        finally:
            ctx.flush_buffers()

    def close(self) -> None:
        self._container.close()


def _pick(frames: list[av.VideoFrame], target: int) -> av.VideoFrame | None:
    return next((f for f in frames if f.pts == target), None)
