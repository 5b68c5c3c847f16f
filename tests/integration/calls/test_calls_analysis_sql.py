"""The burst detector's candidates come from SQL window functions (a million calls stay in
the database): on SQLite and PostgreSQL they give the same findings as the detector over
every call in Python. `analyze` is kept until the case's calls or thresholds change."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.domain.calls.detectors import CaseFacts, detect
from app.domain.calls.findings import Thresholds
from app.domain.calls.records import CallRecord
from app.services.calls import analysis
from app.services.calls.importing import import_calls
from app.services.calls.query import call_ids, reveal_calls
from app.services.core import cases

START = datetime(2025, 10, 9, 6, tzinfo=UTC)
NUMBERS = [f"+7926111{i:04d}" for i in range(12)]


def _log(path: Path, seed: int, rows: int = 400) -> None:
    rng = random.Random(seed)
    moment = START
    lines = ["Дата и время;Кто звонил;Кому звонили;Длительность"]
    for _ in range(rows):
        moment += timedelta(seconds=rng.choice([20, 60, 240, 600, 1500, 3600]))
        caller, callee = rng.sample(NUMBERS, 2)
        local = moment.astimezone(cases_zone())
        lines.append(f"{local:%d.%m.%Y %H:%M:%S};{caller};{callee};{rng.choice([0, 15, 90])}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def cases_zone():
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/Moscow")


def test_bursts_from_sql_equal_bursts_over_every_call(ctx, tmp_path: Path) -> None:
    case_id = cases.create_case(
        ctx, cases.CaseInput(title="Всплески", region="MSK", tz="Europe/Moscow")
    ).id
    path = tmp_path / "log.csv"
    _log(path, seed=7)
    assert import_calls(ctx, case_id, path).imported == 400
    for limits in (Thresholds(), Thresholds(burst_min_calls=3, burst_window_min=45)):
        analysis.set_thresholds(ctx, case_id, limits)
        found = [f for f in analysis.analyze(ctx, case_id) if f.kind == "call_burst"]
        views = reveal_calls(ctx, case_id, call_ids(ctx, case_id), "сверка детектора")
        records = [
            CallRecord(
                v.start_utc,
                v.duration_s,
                _e164(v.caller),
                _e164(v.callee),
                None,
                status=v.status,
                id=v.id,
            )
            for v in views
        ]
        facts = CaseFacts(records, frozenset(), frozenset(), "Europe/Moscow")
        expected = detect(facts, limits, ["call_burst"])
        assert expected, "the generated log must hold bursts"
        assert [(f.call_ids, f.start_utc) for f in found] == [
            (f.call_ids, f.start_utc) for f in expected
        ]


def _e164(shown: str) -> str:
    return "+" + "".join(ch for ch in shown if ch.isdigit())


def test_findings_are_kept_until_calls_or_thresholds_change(sqlite_ctx, tmp_path: Path) -> None:
    ctx = sqlite_ctx
    case_id = cases.create_case(
        ctx, cases.CaseInput(title="Кэш", region="MSK", tz="Europe/Moscow")
    ).id
    first = tmp_path / "a.csv"
    _log(first, seed=1, rows=120)
    import_calls(ctx, case_id, first)
    analysis.set_thresholds(ctx, case_id, Thresholds(burst_min_calls=2, burst_window_min=30))
    once = analysis.analyze(ctx, case_id)
    assert once
    again = analysis.analyze(ctx, case_id)
    assert again == once and again[0] is once[0]  # served from the cache
    analysis.set_thresholds(ctx, case_id, Thresholds(burst_min_calls=2, burst_window_min=90))
    wider = analysis.analyze(ctx, case_id)
    assert wider[0] is not once[0]
    assert sum(len(f.call_ids) for f in wider) > sum(len(f.call_ids) for f in once)
    second = tmp_path / "b.csv"
    _log(second, seed=2, rows=50)
    import_calls(ctx, case_id, second)
    more = analysis.analyze(ctx, case_id)
    assert sum(len(f.call_ids) for f in more) > sum(len(f.call_ids) for f in wider)


def test_visible_window_and_density_for_a_timeline(ctx, tmp_path: Path) -> None:
    """A timeline of a big case reads the calls of the visible stretch and draws the rest
    from counts per stretch made by the database."""
    from app.services.calls.query import call_density, calls_in_window

    case_id = cases.create_case(
        ctx, cases.CaseInput(title="Окно", region="MSK", tz="Europe/Moscow")
    ).id
    path = tmp_path / "log.csv"
    _log(path, seed=3, rows=300)
    import_calls(ctx, case_id, path)
    every = reveal_calls(ctx, case_id, call_ids(ctx, case_id), "сверка окна")
    starts = sorted(v.start_utc for v in every)
    lo, hi = starts[50], starts[120]
    window = calls_in_window(ctx, case_id, lo, hi)
    assert [v.start_utc for v in window] == [t for t in starts if lo <= t < hi]
    assert "***" in window[0].caller  # masked like every list
    assert len(calls_in_window(ctx, case_id, lo, hi, limit=10)) == 10
    end = starts[-1] + timedelta(seconds=1)
    density = call_density(ctx, case_id, starts[0], end, buckets=24)
    assert sum(n for _t, n, _a in density.counts) == 300
    for moment, n, answered in density.counts:
        inside = [
            v for v in every if moment <= v.start_utc < moment + timedelta(seconds=density.bucket_s)
        ]
        assert n == len(inside) and answered == sum(v.status == "answered" for v in inside)
