"""Test videos with the frame number drawn into every frame, and a reader for that number.

The number is written twice: as text (for a human looking at a still) and as a row of black
and white blocks, one bit per block, big enough to survive lossy compression, so a test can
read back exactly which frame a decoder returned.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np

BITS = 14


def block_size(width: int) -> int:
    return max(8, width // (BITS + 2))


def draw_frame(number: int, width: int, height: int, motion: bool = True) -> np.ndarray:
    """An RGB frame showing `number` as blocks and text over a moving pattern."""
    image = np.full((height, width, 3), 96, dtype=np.uint8)
    if motion:
        x = (number * 7) % max(1, width - height // 4)
        y = height // 2 + int((height // 5) * np.sin(number / 9))
        cv2.rectangle(image, (x, y), (x + height // 4, y + height // 6), (200, 60, 40), -1)
    size = block_size(width)
    for bit in range(BITS):
        on = (number >> (BITS - 1 - bit)) & 1
        x0 = size // 2 + bit * size
        image[size // 2 : size // 2 + size, x0 : x0 + size] = 255 if on else 0
    scale = max(0.5, height / 240)
    cv2.putText(
        image,
        str(number),
        (size // 2, size * 3),
        cv2.FONT_HERSHEY_SIMPLEX,
        scale,
        (255, 255, 0),
        max(1, int(scale * 2)),
    )
    return image


def read_number(image: np.ndarray) -> int:
    """The frame number encoded in an RGB frame's block row."""
    width = image.shape[1]
    size = block_size(width)
    gray = image.mean(axis=2)
    value = 0
    for bit in range(BITS):
        cx = size // 2 + bit * size + size // 2
        cy = size // 2 + size // 2
        patch = gray[cy - size // 4 : cy + size // 4, cx - size // 4 : cx + size // 4]
        value = (value << 1) | int(patch.mean() > 128)
    return value


def encode(
    path: Path,
    *,
    frames: int,
    width: int = 320,
    height: int = 240,
    codec: str = "libx264",
    rate: int = 30,
    gop: int = 30,
    bframes: int = 2,
    durations_ms: Sequence[int] | None = None,
    options: dict[str, str] | None = None,
    motion: bool = True,
    pix_fmt: str = "yuv420p",
) -> Path:
    """Encode a numbered clip; `durations_ms` makes it variable frame rate (1/1000 time base)."""
    with av.open(str(path), mode="w") as out:
        stream = out.add_stream(codec, rate=rate)
        stream.width, stream.height = width, height
        stream.pix_fmt = pix_fmt
        opts = {"g": str(gop)}
        if codec in {"libx264", "mpeg4"}:
            opts["bf"] = str(bframes)
        if codec == "libx264":
            opts["preset"] = "ultrafast"
        opts.update(options or {})
        stream.options = opts
        if durations_ms is not None:
            stream.time_base = Fraction(1, 1000)
            stream.codec_context.time_base = Fraction(1, 1000)
        pts = 0
        for number in range(frames):
            frame = av.VideoFrame.from_ndarray(
                draw_frame(number, width, height, motion), format="rgb24"
            )
            if durations_ms is not None:
                frame.pts = pts
                frame.time_base = Fraction(1, 1000)
                pts += durations_ms[number % len(durations_ms)]
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def decode_all(path: Path) -> list[np.ndarray]:
    """Every frame in presentation order, decoded start to end (the reference decode)."""
    with av.open(str(path)) as container:
        return [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]
