"""Decoding one keyframe packet on its own: the fast picture behind seeks and thumbnails.

A keyframe is intra-coded, so decoding its packet alone with a fresh decoder state gives the
same picture as decoding the whole stream up to it. No decoder threads: frame threading would
hold the picture back until several more packets arrive.
"""

from __future__ import annotations

from pathlib import Path

import av

from app.media.container import MediaError, open_media, video_stream
from app.media.frame_index import FrameIndex


class KeyframeDecoder:
    """Its own container and decoder for single keyframes; one per thread."""

    def __init__(self, path: str | Path, index: FrameIndex, exact: bool = True) -> None:
        """With `exact` False (thumbnails) the deblocking filter is skipped: about a fifth
        faster, slightly blockier, never to be shown as the evidence frame itself."""
        self._path = path
        self._index = index
        self._container = open_media(path)
        self._stream = video_stream(self._container, path)
        self._stream.thread_type = "SLICE"
        if not exact:
            self._stream.codec_context.options = {"skip_loop_filter": "all"}

    def decode(self, key: int) -> av.VideoFrame:
        """The decoded picture of keyframe `key` (a frame number that is a keyframe)."""
        target = self._index.raw_pts(key)
        # Demuxers seek by decode time or byte position and may land past a B-frame stream's
        # keyframe: a second earlier is always before it.
        margin = max(1, round(1 / self._index.time_base))
        try:
            for early in (0, margin):
                packet = self._find_packet(target, early)
                if packet is not None:
                    return self._decode_packet(key, packet)
        except FileNotFoundError as exc:
            raise MediaError(
                self._path, "file vanished while it was being read", "missing"
            ) from exc
        except (av.error.FFmpegError, OSError) as exc:
            raise MediaError(self._path, f"keyframe {key} cannot be decoded ({exc})") from exc
        raise MediaError(self._path, f"keyframe {key} not found where the index puts it")

    def _find_packet(self, target: int, early: int) -> av.Packet[av.VideoStream] | None:
        self._container.seek(target - early, stream=self._stream, backward=True, any_frame=False)
        for packet in self._container.demux(self._stream):
            stamp = packet.pts if packet.pts is not None else packet.dts
            if packet.size == 0 or stamp is None:
                continue
            if stamp == target:
                return packet
            if stamp > target and packet.is_keyframe:
                return None
        return None

    def _decode_packet(self, key: int, packet: av.Packet[av.VideoStream]) -> av.VideoFrame:
        ctx = self._stream.codec_context
        frames = [*ctx.decode(packet), *ctx.decode(None)]
        ctx.flush_buffers()
        if not frames:
            raise MediaError(self._path, f"keyframe {key} decodes to no picture")
        return frames[-1]

    def close(self) -> None:
        self._container.close()
