"""Fixtures of the video UI tests: numbered clips (generated once per session), a UiEnv with
the synchronous task runner on a fresh SQLite database, a case holding the clip as evidence."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

# tests/video_support.py is shared by the video unit, UI and benchmark tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from video_support import encode

from app.services.core import cases
from app.services.core.cases import CaseInput


@pytest.fixture(scope="session")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """H.264 with B-frames, 90 frames at 30 fps, a keyframe every 30, camera clock set."""
    root = tmp_path_factory.mktemp("ui-clips")
    return encode(
        root / "courier_door.mp4",
        frames=90,
        gop=30,
        bframes=2,
        creation_time="2025-09-16T06:12:05.000000Z",
    )


@pytest.fixture
def case_id(sqlite_ctx: Any) -> int:
    return cases.create_case(
        sqlite_ctx,
        CaseInput(
            title="Курьер у двери клиентки",
            region="MSK",
            tz="Europe/Moscow",
            category="door_visit",
            received_at=datetime(2025, 9, 16, 7, 30, tzinfo=UTC),
        ),
    ).id


@pytest.fixture
def evidence_id(sqlite_ctx: Any, case_id: int, clip: Path) -> int:
    from app.services.video.dto import EvidenceDetails
    from app.services.video.intake import add_video_evidence

    added = add_video_evidence(
        sqlite_ctx,
        case_id,
        clip,
        EvidenceDetails("dashcam", source="А123ВС 77", tz="Europe/Moscow"),
    )
    return added.evidence.id


@pytest.fixture
def player_widget(qtbot: Any, env: Any) -> Iterator[Any]:
    from app.ui.video.player_widget import PlayerWidget

    widget = PlayerWidget(env)
    qtbot.addWidget(widget)
    widget.resize(800, 560)
    widget.show()
    yield widget
    widget.shutdown()
