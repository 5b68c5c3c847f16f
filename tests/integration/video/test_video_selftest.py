"""The video self-test step passes on a working installation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.services.video.selftest import selftest_step


def test_video_selftest_step(sqlite_ctx: Any, tmp_path: Path) -> None:
    detail = selftest_step(sqlite_ctx, tmp_path)
    assert "48 frames indexed" in detail and "still stored" in detail
