"""The office server fixture (tests/office_support.py)."""

from office_support import office  # noqa: F401
