"""Fixtures of the video UI tests: numbered clips (generated once), a player widget."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# tests/video_support.py is shared by the video unit, UI and benchmark tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from video_support import encode


@pytest.fixture(scope="session")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """H.264 with B-frames, 90 frames at 30 fps, a keyframe every 30."""
    root = tmp_path_factory.mktemp("ui-clips")
    return encode(root / "courier_door.mp4", frames=90, gop=30, bframes=2)


@pytest.fixture
def runner(qtbot):
    from app.ui.tasks import SyncTaskRunner

    return SyncTaskRunner()


@pytest.fixture
def player_widget(qtbot, runner) -> Iterator:
    from app.ui.video.player_widget import PlayerWidget

    widget = PlayerWidget(runner)
    qtbot.addWidget(widget)
    widget.resize(800, 560)
    widget.show()
    yield widget
    widget.shutdown()
