"""The dossier's self-test step passes on a fresh database."""

from __future__ import annotations

from pathlib import Path

from app.services.dossier.selftest import selftest_step


def test_selftest_step(ctx, tmp_path: Path) -> None:
    detail = selftest_step(ctx, tmp_path)
    assert "Cyrillic read back" in detail and "verified" in detail
