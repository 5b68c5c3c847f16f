"""The office server fixture (tests/office_support.py); only the shell's tabs."""

from __future__ import annotations

import pytest
from office_support import office  # noqa: F401


@pytest.fixture(autouse=True)
def _shell_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The office is about the case list, the case and its decision: no feature tabs."""
    monkeypatch.setattr("app.ui.cases.tabs.FEATURE_TABS", ())
