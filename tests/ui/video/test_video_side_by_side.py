"""Two cameras in step on the camera clocks, with a one-frame nudge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtGui import QImage
from video_support import encode, read_number

from app.services.video.clock import calibrate
from app.services.video.dto import EvidenceDetails
from app.services.video.intake import add_video_evidence
from app.ui.video.side_by_side import SideBySide


def _number(view: Any) -> int:
    image = view.image().convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return read_number(
        data.reshape(height, image.bytesPerLine())[:, : width * 3].reshape(height, width, 3)
    )


def test_right_camera_follows_the_true_clock(
    request: Any,
    qtbot: Any,
    env: Any,
    sqlite_ctx: Any,
    case_id: int,
    evidence_id: int,
    tmp_path: Path,
) -> None:
    from app.ui.video.tab import create_tab

    entrance = encode(
        tmp_path / "entrance.mp4",
        frames=90,
        gop=30,
        creation_time="2025-09-16T06:12:06.000000Z",
    )
    right = add_video_evidence(sqlite_ctx, case_id, entrance, EvidenceDetails("cctv")).evidence.id
    # The entrance camera runs 0.5 s fast: its frame 30 (camera 06:12:07) truly is 06:12:06.5.
    calibrate(sqlite_ctx, case_id, right, 1.0, _utc("2025-09-16T06:12:06.500"))
    tab = create_tab(env, case_id)
    qtbot.addWidget(tab)
    request.addfinalizer(tab.player.shutdown)
    tab.open_evidence(evidence_id)
    tab.player.player.seek_frame(60)
    qtbot.waitUntil(lambda: tab.player.view.frame == 60 and tab.player.view.exact, timeout=5000)
    tab.table.selectRow(tab.model.row_of(right))
    tab.compare_selected()
    window = tab.findChild(SideBySide)
    assert window is not None
    request.addfinalizer(window.close)
    assert "not calibrated" in window.alignment.text()  # the dash-cam is not
    # It opens where the player stood: dash-cam frame 60 (06:12:07 true) is entrance frame 45.
    qtbot.waitUntil(
        lambda: window.leader.view.frame == 60 and window.follower_view.frame == 45, timeout=5000
    )
    window.leader.player.seek_frame(45)  # dash-cam 06:12:06.5 true (uncalibrated)
    qtbot.waitUntil(
        lambda: window.follower_view.frame == 30 and window.follower_view.exact, timeout=5000
    )
    assert _number(window.follower_view) == 30
    window.nudge(1)
    qtbot.waitUntil(lambda: window.follower_view.frame == 31, timeout=5000)
    assert window.nudge_label.text() == "+0.033 s"
    window.leader.player.step(1)
    qtbot.waitUntil(
        lambda: window.follower_view.frame == 32 and window.follower_view.exact, timeout=5000
    )
    window.nudge_leader(-1)  # the left one frame back, the right stays on 32
    qtbot.waitUntil(
        lambda: window.leader.view.frame == 45 and window.leader.view.exact, timeout=5000
    )
    assert window.follower_target(45) == (32, True)
    assert window.nudge_label.text() == "+0.067 s"
    # The right camera's own scrubber: put it at 2.0 s against left frame 45 (in step: 1.0 s).
    window.follower_scrubber.seek_requested.emit(2.0)
    qtbot.waitUntil(lambda: window.follower_view.frame == 60, timeout=5000)
    assert window.nudge_label.text() == "+1.000 s"


def _utc(text: str) -> Any:
    from datetime import UTC, datetime

    return datetime.fromisoformat(text).replace(tzinfo=UTC)
