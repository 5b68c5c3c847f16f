"""Numbered test clips for the video unit tests, generated once per session."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest

# tests/video_support.py is shared by the video unit, integration and benchmark tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from video_support import encode

CLIPS = {
    "h264_bframes.mp4": {"frames": 150, "gop": 30},
    "vfr.mp4": {"frames": 90, "durations_ms": [33, 33, 50, 100, 17], "gop": 30},
    "mjpeg.avi": {"frames": 40, "codec": "mjpeg", "pix_fmt": "yuvj420p"},
    "mpeg4.mp4": {"frames": 60, "codec": "mpeg4", "gop": 20},
    "h264.ts": {"frames": 120, "gop": 30},
    "mpeg4.avi": {"frames": 30, "codec": "mpeg4", "bframes": 0},
    "hevc.mkv": {
        "frames": 60,
        "codec": "libx265",
        "gop": 20,
        "options": {"x265-params": "log-level=error:bframes=2"},
    },
    "h264.mov": {"frames": 60, "gop": 15},
}


@pytest.fixture(scope="session")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("clips")
    made = {name: encode(root / name, **kw) for name, kw in CLIPS.items()}
    made["wrong_count.avi"] = _with_wrong_header_count(made["mpeg4.avi"], root)
    return made


@pytest.fixture(scope="session")
def bad_files(tmp_path_factory: pytest.TempPathFactory, clips: dict[str, Path]) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("bad")
    whole = clips["h264_bframes.mp4"].read_bytes()
    files = {
        "truncated.mp4": whole[: len(whole) // 2],
        "text.mp4": "Объяснение курьера: звонил клиенту после доставки.\n".encode() * 20,
        "zero.mp4": b"",
        "unknown_codec.avi": clips["mpeg4.avi"].read_bytes().replace(b"FMP4", b"QZQZ"),
    }
    for name, data in files.items():
        (root / name).write_bytes(data)
    return {name: root / name for name in files}


def _with_wrong_header_count(avi: Path, root: Path) -> Path:
    """A copy whose AVI headers claim 9999 frames (cameras write such counts)."""
    data = bytearray(avi.read_bytes())
    total_frames = data.index(b"avih") + 8 + 16
    stream_length = data.index(b"strh") + 8 + 32
    data[total_frames : total_frames + 4] = struct.pack("<I", 9999)
    data[stream_length : stream_length + 4] = struct.pack("<I", 9999)
    target = root / "wrong_count.avi"
    target.write_bytes(bytes(data))
    return target
