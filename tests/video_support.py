"""Test videos with the frame number drawn into every frame, and a reader for that number.

The number is written twice: as text (for a human looking at a still) and as a row of black
and white blocks, one bit per block, big enough to survive lossy compression, so a test can
read back exactly which frame a decoder returned.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
    painter: Callable[[int, int, int], np.ndarray] | None = None,
    creation_time: str | None = None,
) -> Path:
    """Encode a numbered clip; `durations_ms` makes it variable frame rate (1/1000 time base)."""
    paint = painter or (lambda n, w, h: draw_frame(n, w, h, motion))
    with av.open(str(path), mode="w") as out:
        if creation_time is not None:
            out.metadata["creation_time"] = creation_time
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
            frame = av.VideoFrame.from_ndarray(paint(number, width, height), format="rgb24")
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


def cctv_painter(
    active: Sequence[tuple[int, int]], seed: int = 7, figure: float = 1 / 12
) -> Callable[[int, int, int], np.ndarray]:
    """A static, slightly noisy yard with a figure walking through during `active` frame ranges."""
    cache: dict[tuple[int, int], np.ndarray] = {}

    def paint(number: int, width: int, height: int) -> np.ndarray:
        if (width, height) not in cache:
            rng = np.random.default_rng(seed)
            base = np.linspace(60, 160, width, dtype=np.float32)[None, :, None]
            yard = np.repeat(np.repeat(base, height, axis=0), 3, axis=2)
            yard += rng.normal(0, 6, size=(height, width, 1))
            cache[(width, height)] = np.clip(yard, 0, 255).astype(np.uint8)
        image = cache[(width, height)].copy()
        for start, end in active:
            if start <= number < end:
                progress = (number - start) / max(1, end - start)
                x = int(progress * (width - width // 10))
                y = height // 3
                size = (int(width * figure), int(height * figure * 4))
                cv2.rectangle(image, (x, y), (x + size[0], y + size[1]), (30, 30, 40), -1)
        noise = np.random.default_rng(number).integers(-2, 3, size=image.shape[:2], dtype=np.int16)
        return np.clip(image.astype(np.int16) + noise[:, :, None], 0, 255).astype(np.uint8)

    return paint


def encode_yuv(
    path: Path,
    *,
    frames: int,
    width: int,
    height: int,
    gop: int = 60,
    bframes: int = 2,
    rate: int = 30,
    moving: bool = True,
    sensor_noise: bool = False,
    events: Sequence[tuple[int, int]] = (),
    texture_noise: float = 10.0,
    numbered: bool = True,
    preset: str = "medium",
) -> Path:
    """Numbered H.264 for benchmarks, drawn straight into YUV planes, encoded like a camera's
    files by default (x264 preset medium: CABAC, B-frames; `ultrafast` has neither and decodes
    about twice as fast).

    A fixed textured background (so keyframes have realistic sizes); `moving` adds a block
    sliding all the time, `events` a dark figure crossing during the given frame ranges, and
    `sensor_noise` a flicker that changes every frame like a real camera's. Without
    `numbered` the frame-number blocks are left out (they are real motion to a motion scan).
    """
    rng = np.random.default_rng(3)
    texture = np.tile(np.linspace(50, 190, width, dtype=np.float32), (height, 1))
    texture += rng.normal(0, texture_noise, size=(height, width))
    luma = np.clip(texture, 0, 255).astype(np.uint8)
    chroma = np.full((height // 2, width), 128, np.uint8)
    flicker = [rng.integers(-2, 3, size=(height, width), dtype=np.int16) for _ in range(4)]
    size = block_size(width)
    with av.open(str(path), mode="w") as out:
        stream = out.add_stream("libx264", rate=rate)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        # A fixed B-frame pattern, as camera encoders use (x264's adaptive choice makes none
        # for these synthetic scenes).
        stream.options = {
            "g": str(gop),
            "bf": str(bframes),
            "preset": preset,
            "x264-params": "b-adapt=0",
        }
        for number in range(frames):
            y = luma.copy()
            if sensor_noise:
                y = np.clip(y.astype(np.int16) + flicker[number % 4], 0, 255).astype(np.uint8)
            if moving:
                x = (number * 9) % (width - height // 4)
                y[height // 2 : height // 2 + height // 6, x : x + height // 4] = 30
            for start, end in events:
                if start <= number < end:
                    x = int((number - start) / max(1, end - start) * (width - width // 10))
                    y[height // 3 : height // 3 + height // 3, x : x + width // 12] = 25
            for bit in range(BITS if numbered else 0):
                on = (number >> (BITS - 1 - bit)) & 1
                x0 = size // 2 + bit * size
                y[size // 2 : size // 2 + size, x0 : x0 + size] = 235 if on else 16
            frame = av.VideoFrame.from_ndarray(np.concatenate([y, chroma]), format="yuv420p")
            # Without timestamps x264 makes no B-frames at all: number the frames.
            frame.pts, frame.time_base = number, Fraction(1, rate)
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path
