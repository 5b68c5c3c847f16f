"""The timeline's self-test step passes on a fresh database."""

from __future__ import annotations

from app.services.timeline.selftest import selftest_step


def test_timeline_selftest_step(ctx, tmp_path):
    assert "−151 s" in selftest_step(ctx, tmp_path)
