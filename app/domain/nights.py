"""The night a contact falls in, for the night detectors of calls and messages.

The night runs from `start_h` to `end_h` o'clock in the complainant's zone; one that spans
midnight (22–08) is named by the evening it starts in, so 23:30 on the 9th and 02:00 on the
10th are both the night of 09.10."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import TypeVar

from app.domain.timeutil import in_zone

T = TypeVar("T")


def by_night(
    items: Iterable[T], when: Callable[[T], datetime], zone: str, start_h: int, end_h: int
) -> dict[str, list[T]]:
    """`items` that happened at night (`when(item)`, UTC), grouped by night (`DD.MM.YYYY`),
    in time order of first appearance."""
    nights: dict[str, list[T]] = defaultdict(list)
    spans_midnight = start_h > end_h
    for item in items:
        local = in_zone(when(item), zone)
        hour = local.hour
        if (hour >= start_h or hour < end_h) if spans_midnight else start_h <= hour < end_h:
            day = (local - timedelta(hours=end_h)).date() if spans_midnight else local.date()
            nights[day.strftime("%d.%m.%Y")].append(item)
    return nights


def night_params(start_h: int, end_h: int, zone: str) -> dict[str, str]:
    """The parameters a night finding is worded with (besides the night itself)."""
    return {"night_start": f"{start_h:02d}", "night_end": f"{end_h:02d}", "tz": zone}
