"""Clock correction: offset from one point, drift from two, and the inverse."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.clock import (
    CalibrationPoint,
    ClockCorrection,
    camera_time_at,
    media_time_at,
)
from app.domain.errors import ValidationError

T0 = datetime(2025, 10, 9, 11, 30, tzinfo=UTC)


def test_one_point_sets_an_offset() -> None:
    # the camera runs 93.5 s slow
    point = CalibrationPoint(camera_time=T0, true_time=T0 + timedelta(seconds=93.5))
    correction = ClockCorrection.from_points([point])
    assert correction.offset_s == pytest.approx(93.5)
    assert correction.drift_ppm == 0
    later = T0 + timedelta(hours=5)
    assert correction.true_time(later) == later + timedelta(seconds=93.5)
    assert correction.camera_time(correction.true_time(later)) == later


def test_two_points_add_linear_drift() -> None:
    day = timedelta(days=1)
    # 10 s fast at T0, 10 s + 8.64 s fast a day later: the clock gains 100 ppm
    first = CalibrationPoint(camera_time=T0 + timedelta(seconds=10), true_time=T0)
    second = CalibrationPoint(camera_time=T0 + day + timedelta(seconds=18.64), true_time=T0 + day)
    correction = ClockCorrection.from_points([second, first])
    assert correction.offset_s == pytest.approx(-10.0)
    assert correction.drift_ppm == pytest.approx(-100.0, abs=0.01)
    assert correction.true_time(first.camera_time) == pytest.approx(
        T0, abs=timedelta(microseconds=2)
    )
    midway = correction.true_time(T0 + day / 2 + timedelta(seconds=14.32))
    assert abs((midway - (T0 + day / 2)).total_seconds()) < 1e-4
    back = correction.camera_time(T0 + day)
    assert abs((back - second.camera_time).total_seconds()) < 1e-4


def test_points_at_the_same_camera_time_are_refused() -> None:
    points = [
        CalibrationPoint(camera_time=T0, true_time=T0),
        CalibrationPoint(camera_time=T0, true_time=T0 + timedelta(seconds=1)),
    ]
    with pytest.raises(ValidationError, match="different camera times"):
        ClockCorrection.from_points(points)


def test_absurd_drift_is_refused() -> None:
    points = [
        CalibrationPoint(camera_time=T0, true_time=T0),
        CalibrationPoint(
            camera_time=T0 + timedelta(seconds=60), true_time=T0 + timedelta(seconds=90)
        ),
    ]
    with pytest.raises(ValidationError, match="ppm"):
        ClockCorrection.from_points(points)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValidationError):
        CalibrationPoint(camera_time=datetime(2025, 1, 1), true_time=T0)
    with pytest.raises(ValidationError):
        ClockCorrection.from_points([])


def test_media_time_to_camera_time_and_back() -> None:
    stamp = camera_time_at(T0, 12.5)
    assert stamp == T0 + timedelta(seconds=12.5)
    assert media_time_at(T0, stamp) == pytest.approx(12.5)
    assert ClockCorrection.identity().true_time(stamp) == stamp


DASHCAM_NAMES = {
    "20250912_140851_NF.mp4": "BlackVue",
    "20250912_140851_ER.mp4": "BlackVue event, rear",
    "2025_0912_140851_0042F.MP4": "Viofo",
    "NO20250912-140851-000042F.MP4": "70mai normal",
    "EV20250912-140851-000042R.MP4": "70mai event",
    "FILE250912-140851F.MP4": "Mio / Neoline",
    "REC_2025_09_12_14_08_51_F.MP4": "Thinkware",
    "VID_20250912_140851.mp4": "Android phone",
    "VID_20250912_140851_355.mp4": "Android phone, with milliseconds",
    "250912_140851_001_FH.MP4": "Nextbase Piqo (its support page's pattern)",
}


@pytest.mark.parametrize("name", DASHCAM_NAMES)
def test_camera_start_from_dash_cam_file_names(name: str) -> None:
    from zoneinfo import ZoneInfo

    from app.domain.clock import camera_start_from_name

    start = camera_start_from_name(name, ZoneInfo("Europe/Moscow"))
    assert start == datetime(2025, 9, 12, 11, 8, 51, tzinfo=UTC)


@pytest.mark.parametrize("name", ["GRMN0042.MP4", "20251399_140851_NF.mp4", "clip.mp4"])
def test_names_without_a_time_give_none(name: str) -> None:
    from zoneinfo import ZoneInfo

    from app.domain.clock import camera_start_from_name

    assert camera_start_from_name(name, ZoneInfo("Europe/Moscow")) is None


@pytest.mark.parametrize(
    ("offset", "ru", "en"),
    [
        (-151, "Часы камеры спешили на 2 мин 31 с.", "The camera's clock was 2 min 31 s fast."),
        (92.4, "Часы камеры отставали на 1 мин 32 с.", "The camera's clock was 1 min 32 s slow."),
        (
            -3725,
            "Часы камеры спешили на 1 ч 2 мин 5 с.",
            "The camera's clock was 1 h 2 min 5 s fast.",
        ),
        (0.3, "Часы камеры шли верно.", "The camera's clock was right."),
    ],
)
def test_offset_in_words(offset: float, ru: str, en: str) -> None:
    from app.reports.strings import clock_offset

    assert clock_offset("ru", offset) == ru
    assert clock_offset("en", offset) == en
