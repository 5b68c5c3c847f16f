"""A call log too big for one event per call: the build holds an overview counted in SQL, the
view reads the calls of the stretch on screen, the command counts what it does not list; the
same calls and counts as the full build, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from app.services.timeline import build as timeline
from app.services.timeline.call_window import call_window
from tests.timeline_support import DELIVERED, make_case

CALLS = 60


def _full_calls(ctx, case_id):
    return [e for e in timeline.build_timeline(ctx, case_id).events if e.kind == "call"]


def test_windowed_build_counts_the_calls_it_does_not_load(ctx, tmp_path):
    case = make_case(ctx, tmp_path, calls=CALLS)
    full = _full_calls(ctx, case.id)
    data = timeline.build_timeline(ctx, case.id, detail_limit=10)
    assert not [e for e in data.events if e.kind == "call"]
    overview = data.calls
    assert overview is not None and overview.total == CALLS
    assert overview.first_utc == full[0].start_utc and overview.last_utc == full[-1].start_utc
    # the counts per lane are those of the events the full build makes
    by_party = Counter(e.party for e in full)
    assert dict(overview.lane_totals) == dict(by_party)
    assert set(overview.lanes) == set(by_party)
    assert sum(b.calls for b in overview.window.bars) == CALLS
    assert "calls" in data.sources and {"order", "manual"} <= {e.kind for e in data.events}
    # the dossier's build leaves calls out altogether
    assert timeline.build_timeline(ctx, case.id, calls=False).calls is None


def test_window_gives_the_same_calls_one_by_one_or_counted(ctx, tmp_path):
    case = make_case(ctx, tmp_path, calls=CALLS)
    full = _full_calls(ctx, case.id)
    lo, hi = full[10].start_s, full[30].start_s
    window = call_window(ctx, case.id, lo, hi, 1.0)
    inside = [e.id for e in full if window.start_s <= e.start_s < window.end_s]
    assert window.detailed and [e.id for e in window.events] == inside
    assert [e.title for e in window.events] == [e.title for e in full if e.id in set(inside)]
    counted = call_window(ctx, case.id, lo, hi, 600.0, detail=5)
    assert not counted.detailed and counted.bucket_s == 600
    assert counted.start_s % 600 == 0 and counted.end_s % 600 == 0
    in_counted = [e for e in full if counted.start_s <= e.start_s < counted.end_s]
    assert counted.total == sum(b.calls for b in counted.bars) == len(in_counted)
    for bar in counted.bars:
        assert bar.end_s - bar.start_s == 600
        expected = [e for e in in_counted if bar.start_s <= e.start_s < bar.end_s]
        assert bar.calls == sum(1 for e in expected if e.party == bar.lane)
    assert counted.covers(lo, hi, 900.0) and not counted.covers(lo, hi, 60.0)
    assert window.covers(lo, hi, 0.5)  # one by one: any zoom inside it


def test_marks_and_findings_reach_windowed_calls(ctx, tmp_path):
    case = make_case(ctx, tmp_path, calls=CALLS)
    full = _full_calls(ctx, case.id)
    marked = full[40].id
    timeline.set_in_dossier(ctx, case.id, [marked], True)
    data = timeline.build_timeline(ctx, case.id, detail_limit=10)
    calls = [e for e in data.events if e.kind == "call"]
    assert [(e.id, e.in_dossier) for e in calls] == [(marked, True)]
    data = timeline.add_findings(ctx, data)
    assert data.findings and data.call_tags
    analysed = timeline.add_findings(ctx, timeline.build_timeline(ctx, case.id))
    tagged_full = {e.id: e.tags for e in analysed.events if e.kind == "call" and e.tags}
    assert dict(data.call_tags) == tagged_full
    window = call_window(ctx, case.id, full[0].start_s, full[-1].start_s + 1, 1.0, data.call_tags)
    assert {e.id: e.tags for e in window.events if e.tags} == tagged_full
    again = timeline.keep_findings(timeline.build_timeline(ctx, case.id, detail_limit=10), data)
    assert again.call_tags == data.call_tags


def test_query_lists_or_counts_the_calls_of_the_stretch(ctx, tmp_path):
    case = make_case(ctx, tmp_path, calls=CALLS)
    full = _full_calls(ctx, case.id)
    start, end = DELIVERED, DELIVERED + timedelta(hours=3)
    expected = [e.id for e in full if start <= e.start_utc <= end]
    listed = timeline.query_events(ctx, case.id, start, end, ["call"], max_calls=CALLS)
    assert [e.id for e in listed.events] == expected and listed.calls_aggregated == 0
    counted = timeline.query_events(ctx, case.id, start, end, ["call", "order"], max_calls=3)
    assert not [e for e in counted.events if e.kind == "call"]
    assert any(e.kind == "order" for e in counted.events)
    assert counted.calls_aggregated == len(expected)
    assert sum(b.calls for b in counted.call_counts) == len(expected)
    assert all(start.timestamp() <= b.start_s < b.end_s for b in counted.call_counts)
    assert all(b.end_s <= end.timestamp() + 1 for b in counted.call_counts)
    no_calls = timeline.query_events(ctx, case.id, start, end, ["order"], max_calls=3)
    assert no_calls.calls_aggregated == 0 and not no_calls.call_counts


def test_timeline_command_says_how_many_calls_it_counted(run_cli, ctx, tmp_path, db_url):
    case = make_case(ctx, tmp_path, calls=CALLS)
    result = run_cli("timeline", case.number, "--kind", "call", "--max-calls", "5", db_url=db_url)
    assert result.code == 0, result.err
    answer = result.json()
    assert answer["events"] == [] and answer["calls_aggregated"] == CALLS
    counts = answer["call_counts"]
    assert sum(c["calls"] for c in counts) == CALLS
    assert set(counts[0]) == {"start_utc", "end_utc", "party", "calls"}
    listed = run_cli("timeline", case.number, "--kind", "call", db_url=db_url).json()
    assert len(listed["events"]) == CALLS and listed["calls_aggregated"] == 0
    bad = run_cli("timeline", case.number, "--max-calls", "-1", db_url=db_url)
    assert bad.code == 2 and "max-calls" in bad.err
