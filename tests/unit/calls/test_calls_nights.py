"""The night a contact falls in (`app.domain.nights`), shared by the call and message
night detectors."""

from __future__ import annotations

from datetime import UTC, datetime

from app.domain.nights import by_night, night_params


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_a_night_over_midnight_is_named_by_its_evening() -> None:
    moments = [
        _utc(2025, 10, 9, 19, 30),  # 22:30 in Moscow: night of the 9th
        _utc(2025, 10, 9, 23, 0),  # 02:00 on the 10th: still the night of the 9th
        _utc(2025, 10, 10, 4, 59),  # 07:59: the same night
        _utc(2025, 10, 10, 5, 0),  # 08:00: day
        _utc(2025, 10, 10, 12, 0),  # 15:00: day
        _utc(2025, 10, 10, 21, 0),  # 00:00 on the 11th: night of the 10th
    ]
    nights = by_night(moments, lambda m: m, "Europe/Moscow", 22, 8)
    assert nights == {"09.10.2025": moments[:3], "10.10.2025": [moments[5]]}


def test_a_night_within_one_day() -> None:
    moments = [_utc(2025, 10, 9, 22, 30), _utc(2025, 10, 9, 21, 59), _utc(2025, 10, 10, 1, 0)]
    # 01:00–05:00 in Moscow (UTC+3): 22:30 UTC is 01:30 on the 10th; 21:59 UTC is 00:59 (day)
    assert by_night(moments, lambda m: m, "Europe/Moscow", 1, 5) == {
        "10.10.2025": [moments[0], moments[2]]
    }
    assert night_params(1, 5, "Europe/Moscow") == {
        "night_start": "01", "night_end": "05", "tz": "Europe/Moscow"
    }  # fmt: skip
