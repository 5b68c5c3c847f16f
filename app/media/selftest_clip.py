"""A tiny generated clip for the installation self-test: frame i is a flat grey of a known
level, encoded as H.264 with B-frames, so reading a frame back proves the bundled decoder, the
pts index and exact seeking all work on a machine without Python."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import av
import numpy as np

FRAMES = 48
_SIZE = (160, 96)


def level_of(number: int) -> int:
    """The grey level (luma) of frame `number`."""
    return 24 + 4 * number


def write_clip(path: Path) -> Path:
    """Write the clip (H.264 with B-frames, GOP 12; MPEG-4 Part 2 if x264 is missing)."""
    codec = "libx264" if "libx264" in av.codecs_available else "mpeg4"
    width, height = _SIZE
    with av.open(str(path), mode="w") as out:
        stream = cast(av.VideoStream, out.add_stream(codec, rate=24))
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"g": "12", "bf": "2", **({"qp": "0"} if codec == "libx264" else {})}
        chroma = np.full((height // 2, width), 128, np.uint8)
        for number in range(FRAMES):
            luma = np.full((height, width), level_of(number), np.uint8)
            frame = av.VideoFrame.from_ndarray(np.concatenate([luma, chroma]), format="yuv420p")
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def luma_of(rgb: np.ndarray) -> float:
    """Mean luma of an RGB frame (BT.601 limited range, as the decoder converts it)."""
    r, g, b = (rgb[..., c].astype(np.float64).mean() for c in range(3))
    return float(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255)
