"""Numbered clips for the video integration tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# tests/video_support.py is shared by the video unit, integration and benchmark tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from video_support import encode


@pytest.fixture(scope="session")
def dashcam_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """H.264 with B-frames, 4 s at 30 fps, camera clock says 2025-10-09 08:00:00 UTC at start."""
    return encode(
        tmp_path_factory.mktemp("dashcam") / "dashcam_0001.mp4",
        frames=120,
        gop=30,
        creation_time="2025-10-09T08:00:00.000000Z",
    )
