"""`casebook timeline` and `casebook event add` end to end: JSON keys, order, filters, errors."""

from __future__ import annotations

from tests.timeline_support import make_case

KEYS = {"id", "kind", "start_utc", "end_utc", "source", "title", "party", "ref", "correction_s"}


def _case(run_cli):
    made = run_cli("case", "new", "--title", "Звонки", "--region", "MSK", "--tz", "Europe/Moscow")
    assert made.code == 0, made.err
    return made.json()["number"]


def test_event_add_then_timeline_lists_it_in_utc(run_cli):
    number = _case(run_cli)
    added = run_cli(
        "event", "add", number, "--at", "2025-10-09T21:00", "--uncertainty-s", "900",
        "--text", "Курьер стучал в дверь",
    )  # fmt: skip
    assert added.code == 0, added.err
    event = added.json()["event"]
    assert event["start_utc"] == "2025-10-09T18:00:00Z"  # 21:00 Moscow
    assert event["uncertainty_s"] == 900

    shown = run_cli("timeline", number, "--kind", "manual")
    assert shown.code == 0, shown.err
    events = shown.json()["events"]
    assert len(events) == 1 and set(events[0]) == KEYS
    assert events[0]["id"] == event["id"] and events[0]["title"] == "Курьер стучал в дверь"
    assert events[0]["end_utc"] is None and events[0]["correction_s"] == 0

    everything = run_cli("timeline", number).json()["events"]
    assert {e["kind"] for e in everything} == {"manual", "milestone"}
    assert [e["start_utc"] for e in everything] == sorted(e["start_utc"] for e in everything)


def test_timeline_window_and_kinds_on_a_full_case(run_cli, ctx, tmp_path, db_url):
    case = make_case(ctx, tmp_path, calls=30)
    result = run_cli(
        "timeline", case.number, "--from", "2025-10-09T14:00", "--to", "2025-10-09T14:10",
        "--kind", "order", "call", db_url=db_url,
    )  # fmt: skip
    assert result.code == 0, result.err
    events = result.json()["events"]
    assert {e["kind"] for e in events} <= {"order", "call"}
    assert any(e["title"].endswith("delivered") for e in events)
    for e in events:  # every event overlaps 11:00-11:10 UTC
        assert (e["end_utc"] or e["start_utc"]) >= "2025-10-09T11:00:00Z"
        assert e["start_utc"] <= "2025-10-09T11:10:00Z"
    calls = run_cli("timeline", str(case.id), "--kind", "call", db_url=db_url).json()["events"]
    assert len(calls) == 30 and all(e["ref"] == e["id"] for e in calls)


def test_bad_input_exits_2_with_one_line(run_cli):
    number = _case(run_cli)
    bad_kind = run_cli("timeline", number, "--kind", "sms")
    assert bad_kind.code == 2 and "sms" in bad_kind.err
    bad_time = run_cli("timeline", number, "--from", "yesterday")
    assert bad_time.code == 2 and "yesterday" in bad_time.err.strip()
    reversed_window = run_cli("timeline", number, "--from", "2025-10-10", "--to", "2025-10-09")
    assert reversed_window.code == 2 and len(reversed_window.err.strip().splitlines()) == 1
    no_case = run_cli("event", "add", "NOPE-1", "--at", "2025-10-09T21:00", "--text", "x")
    assert no_case.code == 2 and "NOPE-1" in no_case.err
    empty = run_cli("event", "add", number, "--at", "2025-10-09T21:00", "--text", "  ")
    assert empty.code == 2
