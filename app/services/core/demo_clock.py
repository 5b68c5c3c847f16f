"""The demo story's zone and moments: the demo case and its feature parts (calls, video) tell
one story in Moscow time, stored as UTC."""

from __future__ import annotations

from datetime import datetime

from app.domain.timeutil import to_utc

TZ = "Europe/Moscow"


def local(year: int, month: int, day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """A moment of the story in Moscow time, as UTC."""
    return to_utc(datetime(year, month, day, hour, minute, second), TZ)
