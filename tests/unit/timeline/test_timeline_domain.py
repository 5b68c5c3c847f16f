"""Timeline domain rules: merge order, correction, filters, lanes, bucket counts, zone ticks."""

from __future__ import annotations

import itertools
import random
from datetime import UTC, datetime, timedelta, timezone

import pytest

from app.domain.timeline import (
    RUSSIAN_ZONES,
    EventFilter,
    EventKind,
    LaneMode,
    TickUnit,
    TimelineEvent,
    apply_filter,
    build_lanes,
    corrected_start,
    merge,
    tick_step,
    ticks,
    utc_offset_label,
)

T0 = datetime(2025, 10, 9, 11, 0, tzinfo=UTC)


def ev(eid: str, kind: str, minutes: float, **kw: object) -> TimelineEvent:
    return TimelineEvent(id=eid, kind=kind, start_utc=T0 + timedelta(minutes=minutes), **kw)  # type: ignore[arg-type]


def test_merge_sorts_by_start_then_kind_and_keeps_first_of_duplicate_ids() -> None:
    calls = [ev("call:2", "call", 5), ev("call:1", "call", 0)]
    orders = [ev("order_event:1", "order", 0), ev("call:1", "call", 99, title="dup")]
    milestones = [ev("milestone:opened", "milestone", 0)]
    merged = merge(calls, orders, milestones, marked={"call:2"})
    assert [e.id for e in merged] == ["milestone:opened", "order_event:1", "call:1", "call:2"]
    assert merged[2].title == ""  # the first call:1 won
    assert [e.in_dossier for e in merged] == [False, False, False, True]


def test_fast_camera_moment_lands_earlier_by_its_error() -> None:
    camera_says = T0 + timedelta(minutes=6)
    start, correction_s = corrected_start(camera_says, lambda t: t - timedelta(seconds=151))
    assert start == camera_says - timedelta(seconds=151)
    assert correction_s == -151


def test_drifting_camera_correction_is_recorded_per_moment() -> None:
    # a clock 10 s fast at T0 that gains 1 s per hour: the error grows along the recording
    def correct(t: datetime) -> datetime:
        hours = (t - T0).total_seconds() / 3600
        return t - timedelta(seconds=10 + hours)

    assert corrected_start(T0, correct)[1] == -10
    assert corrected_start(T0 + timedelta(hours=2), correct)[1] == pytest.approx(-12)
    naive_zone = datetime(2025, 10, 9, 14, 0, tzinfo=timezone(timedelta(hours=3)))
    assert corrected_start(naive_zone, lambda t: t)[0] == T0 + timedelta(hours=0)


def test_filter_by_kind_party_source_finding_window_and_text() -> None:
    events = merge(
        [
            ev("call:1", "call", 0, party="Courier", source="calls", tags=("after_close",)),
            ev("call:2", "call", 60, party="Courier", source="calls", title="Night call"),
            ev("annotation:1", "annotation", 30, party="Courier", source="camera:Dash"),
            ev("order_event:1", "order", -10, end_utc=T0 + timedelta(minutes=200)),
        ]
    )
    ids = lambda flt: [e.id for e in apply_filter(events, flt)]  # noqa: E731
    assert ids(EventFilter(kinds=frozenset({"call"}))) == ["call:1", "call:2"]
    assert ids(EventFilter(sources=frozenset({"camera:Dash"}))) == ["annotation:1"]
    assert ids(EventFilter(findings=frozenset({"after_close"}))) == ["call:1"]
    assert ids(EventFilter(parties=frozenset({""}))) == ["order_event:1"]
    window = EventFilter(start_utc=T0 + timedelta(minutes=20), end_utc=T0 + timedelta(minutes=40))
    assert ids(window) == ["order_event:1", "annotation:1"]  # the order spans the window
    assert ids(EventFilter(text="NIGHT")) == ["call:2"]


def test_lanes_by_party_and_by_source_put_the_unnamed_lane_last() -> None:
    events = merge(
        [
            ev("m:1", "milestone", 0),
            ev("call:1", "call", 1, party="Customer", source="calls"),
            ev("annotation:1", "annotation", 2, party="Courier", source="camera:Dash"),
            ev("call:2", "call", 3, party="Courier", source="calls"),
        ]
    )
    by_party = build_lanes(events, LaneMode.PARTY)
    assert [lane.key for lane in by_party] == ["Customer", "Courier", ""]
    assert sorted(by_party[1].tracks) == ["annotation", "call"]
    by_source = build_lanes(events, "source")
    assert [(lane.key, lane.count) for lane in by_source] == [
        ("calls", 2),
        ("camera:Dash", 1),
        ("", 1),
    ]


def test_bucket_counts_match_a_brute_force_count() -> None:
    rng = random.Random(5)
    events = merge(
        ev(f"call:{i}", "call", rng.uniform(0, 10_000), end_utc=None) for i in range(5000)
    )
    track = build_lanes(events, LaneMode.SOURCE)[0].tracks[EventKind.CALL]
    t0, t1 = (T0 + timedelta(minutes=1000)).timestamp(), (T0 + timedelta(minutes=3000)).timestamp()
    bucket_s = 37.0
    buckets = track.buckets(t0, t1, bucket_s)
    assert sum(b.count for b in buckets) == sum(1 for e in events if t0 <= e.start_s < t1)
    for b in buckets:
        inside = track.events[b.first : b.first + b.count]
        assert all(b.start_s <= e.start_s < b.end_s for e in inside)
        assert b.end_s - b.start_s == pytest.approx(bucket_s)


def test_spans_running_into_the_view_and_long_spans_are_kept() -> None:
    call = ev("call:1", "call", 0, end_utc=T0 + timedelta(minutes=10))
    finding = ev("finding:1", "finding", -600, end_utc=T0 + timedelta(minutes=30))
    lanes = build_lanes(merge([call, finding]), LaneMode.SOURCE)
    t0, t1 = (T0 + timedelta(minutes=5)).timestamp(), (T0 + timedelta(minutes=20)).timestamp()
    [carried] = lanes[0].tracks["call"].buckets(t0, t1, 1.0)
    assert carried.count == 1 and lanes[0].tracks["call"].events[carried.first].id == "call:1"
    assert [e.id for e in lanes[0].tracks["finding"].long_visible(t0, t1)] == ["finding:1"]
    assert [e.id for e in lanes[0].tracks["call"].near(t1, 60.0)] == []
    assert [e.id for e in lanes[0].tracks["call"].near(t0, 0.0)] == ["call:1"]


@pytest.mark.parametrize(("zone_name", "hours"), RUSSIAN_ZONES)
def test_day_ticks_fall_on_local_midnight_in_each_russian_zone(zone_name: str, hours: int) -> None:
    start = datetime(2025, 10, 9, tzinfo=UTC).timestamp()
    day_ticks = ticks(start, start + 3 * 86400, 86400, TickUnit.DAY, zone_name)
    assert len(day_ticks) == 3
    for tick in day_ticks:
        assert (tick.local.hour, tick.local.minute) == (0, 0)
        assert tick.local.utcoffset() == timedelta(hours=hours)
    assert utc_offset_label(start, zone_name) == f"UTC+{hours:02d}:00"


def test_hour_ticks_follow_moscows_2014_offset_change() -> None:
    # 2014-10-26 02:00 local Moscow went from UTC+4 back to UTC+3
    t0 = datetime(2014, 10, 25, 20, 0, tzinfo=UTC).timestamp()
    hour_ticks = ticks(t0, t0 + 6 * 3600, 3600, TickUnit.HOUR, "Europe/Moscow")
    assert all(t.local.minute == 0 for t in hour_ticks)
    offsets = {t.local.utcoffset() for t in hour_ticks}
    assert offsets == {timedelta(hours=4), timedelta(hours=3)}
    assert [b.at_s - a.at_s for a, b in itertools.pairwise(hour_ticks)] == [3600] * (
        len(hour_ticks) - 1
    )


def test_ticks_align_to_round_local_times_in_a_half_hour_zone() -> None:
    t0 = datetime(2025, 1, 1, 0, 7, tzinfo=UTC).timestamp()
    marks = ticks(t0, t0 + 7200, 900, TickUnit.MINUTE, "Asia/Kolkata")
    assert marks and all(t.local.minute % 15 == 0 and t.local.second == 0 for t in marks)


def test_tick_step_keeps_labels_apart_from_weeks_to_seconds() -> None:
    assert tick_step(0.01, 80) == (1, TickUnit.SECOND)
    assert tick_step(60, 80)[1] is TickUnit.HOUR
    assert tick_step(86400 * 14 / 1000, 80)[1] is TickUnit.DAY
    week_ticks = ticks(
        datetime(2025, 10, 1, tzinfo=UTC).timestamp(),
        datetime(2025, 11, 1, tzinfo=UTC).timestamp(),
        7 * 86400,
        TickUnit.DAY,
        "Asia/Vladivostok",
    )
    assert all(t.local.weekday() == 0 for t in week_ticks)
    month_ticks = ticks(
        datetime(2025, 1, 1, tzinfo=UTC).timestamp(),
        datetime(2025, 7, 1, tzinfo=UTC).timestamp(),
        30 * 86400,
        TickUnit.MONTH,
        "Europe/Moscow",
    )
    # local midnight of 1 July in Moscow is 30 June 21:00 UTC, inside the range
    assert [t.local.month for t in month_ticks] == [2, 3, 4, 5, 6, 7]


def test_camera_151_s_fast_calibrated_by_one_point_moves_annotations_151_s_earlier() -> None:
    from app.domain.clock import CalibrationPoint, ClockCorrection

    true_moment = T0 + timedelta(hours=3)
    correction = ClockCorrection.from_points(
        [CalibrationPoint(camera_time=true_moment + timedelta(seconds=151), true_time=true_moment)]
    )
    camera_says = T0 + timedelta(hours=3, minutes=1, seconds=151)
    start, correction_s = corrected_start(camera_says, correction.true_time)
    assert start == T0 + timedelta(hours=3, minutes=1)
    assert correction_s == pytest.approx(-151)


def test_drift_from_two_calibration_points_interpolates_the_error() -> None:
    from app.domain.clock import CalibrationPoint, ClockCorrection

    # 10 s fast at T0, 12 s fast ten hours later: 5 h in, the camera is 11 s fast
    correction = ClockCorrection.from_points(
        [
            CalibrationPoint(T0 + timedelta(seconds=10), T0),
            CalibrationPoint(T0 + timedelta(hours=10, seconds=12), T0 + timedelta(hours=10)),
        ]
    )
    camera_says = T0 + timedelta(hours=5, seconds=11)
    start, correction_s = corrected_start(camera_says, correction.true_time)
    assert start.timestamp() == pytest.approx((T0 + timedelta(hours=5)).timestamp(), abs=1e-3)
    assert correction_s == pytest.approx(-11, abs=1e-3)


def test_sort_events_matches_the_full_key_with_many_ties() -> None:
    from app.domain.timeline import sort_events, sort_key

    rng = random.Random(11)
    kinds = [k.value for k in EventKind]
    events = [
        ev(f"{rng.choice(kinds)}:{i}", rng.choice(kinds), rng.randrange(0, 50)) for i in range(3000)
    ]
    assert sort_events(list(events)) == sorted(events, key=sort_key)
