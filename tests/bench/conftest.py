"""Benchmarks: everything here is marked `bench` and left out of the ordinary test run.
Run them with `.venv/bin/python -m pytest tests/bench -m bench -s` (figures are printed)."""

from __future__ import annotations

import pytest
from office_support import office  # noqa: F401  # the office server (bench/office)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/bench/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.bench)
