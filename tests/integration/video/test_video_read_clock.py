"""`casebook evidence read-clock`: Tesseract reads the clock a camera burned into its frames;
the reading is the camera's local time, in the source's zone; a missing Tesseract is named."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.media.demo_clips import write_clip


@pytest.fixture(scope="module")
def burned_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """CCTV whose clock reads 2025-09-12 14:09:04 (Moscow) at its first frame."""
    return write_clip(
        tmp_path_factory.mktemp("burned") / "CAM02.mp4",
        datetime(2025, 9, 12, 11, 9, 4, tzinfo=UTC),
        "CAM-02",
        "cctv",
        "Europe/Moscow",
        seconds=4,
    )


def _added(run_cli: Any, clip: Path) -> tuple[str, str]:
    made = run_cli("case", "new", "--title", "Подъезд", "--region", "MSK", "--tz",
                   "Europe/Moscow")  # fmt: skip
    case = str(made.json()["number"])
    added = run_cli("evidence", "add", case, str(clip), "--kind", "cctv", "--tz",
                    "Europe/Moscow")  # fmt: skip
    assert added.code == 0, added.err
    return case, str(added.json()["id"])


def test_read_clock_gives_the_camera_time(run_cli: Any, burned_clip: Path) -> None:
    case, evidence = _added(run_cli, burned_clip)
    read = run_cli("evidence", "read-clock", case, evidence, "--media-time", "2.5")
    assert read.code == 0, read.err
    body = read.json()
    assert set(body) == {"camera_time", "text", "confidence", "region"}
    assert body["camera_time"] == "2025-09-12T11:09:06Z"  # 14:09:06 in Moscow
    assert "2025-09-12 14:09:06" in body["text"]
    assert body["confidence"] > 0
    _, y, w, h = body["region"]
    assert y > 200 and w > 0 and h > 0  # the band along the bottom edge

    # The reading calibrates the clock: the overlay said 14:09:06 when it truly was 14:06:35.
    done = run_cli("evidence", "calibrate", case, evidence, "--media-time", "2.5",
                   "--camera-time", body["camera_time"],
                   "--true-time", "2025-09-12T14:06:35")  # fmt: skip
    assert done.json()["offset_s"] == -151.0


def test_missing_tesseract_is_a_clear_error(
    run_cli: Any, burned_clip: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case, evidence = _added(run_cli, burned_clip)
    monkeypatch.setenv("PATH", "/nonexistent")
    read = run_cli("evidence", "read-clock", case, evidence, "--media-time", "1")
    assert read.code == 2
    assert "tesseract-ocr" in read.err
