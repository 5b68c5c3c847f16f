"""Building a case's timeline from the database: every source, corrected clocks, dossier marks,
CSV export with its audit entry; on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app.services.core.audit import list_entries
from app.services.timeline import build as timeline
from app.services.timeline.claims import claimed_times
from app.storage.models.timeline import DossierMarkRow
from tests.timeline_support import DELIVERED, make_case


def test_timeline_holds_every_foundation_source_sorted(ctx, tmp_path):
    case = make_case(ctx, tmp_path, calls=12)
    data = timeline.build_timeline(ctx, case.id)
    assert data.zone == "Europe/Moscow" and data.case_number == case.number
    starts = [e.start_utc for e in data.events]
    assert starts == sorted(starts)
    kinds = {e.kind for e in data.events}
    assert kinds >= {"milestone", "order", "statement", "statement_claim", "manual", "call"}

    by_id = {e.id: e for e in data.events}
    delivered = next(e for e in data.events if e.title.endswith("delivered"))
    assert delivered.start_utc == DELIVERED
    assert delivered.party == "Курьер Петров" and delivered.ref == f"order:{case.order_id}"
    slot = by_id[f"order_slot:{case.order_id}"]
    assert slot.duration_s == 7200 and slot.party == "Смирнова Ольга"

    manual = by_id[f"manual:{case.manual_id}"]
    assert manual.uncertainty_s == 900 and manual.ref == f"event:{case.manual_id}"

    claims = [e for e in data.events if e.kind == "statement_claim"]
    # "9 октября в 14:05", "в тот же день около 21:30" (that day, ± 15 min), "10.10.2025 01:15"
    assert [(c.start_utc, c.uncertainty_s) for c in claims] == [
        (DELIVERED, 0),
        (datetime(2025, 10, 9, 18, 30, tzinfo=UTC), 900),
        (datetime(2025, 10, 9, 22, 15, tzinfo=UTC), 0),
    ]
    assert all(c.ref == f"statement:{case.statement_id}" for c in claims)

    calls = [e for e in data.events if e.kind == "call"]
    assert len(calls) == 12
    first = calls[0]
    assert first.party == "Курьер Петров"  # the caller's owner
    assert "***" in first.title and "+79161234567" not in first.title
    assert any(c.end_utc is not None and c.duration_s > 0 for c in calls)
    assert {"milestone:received", "milestone:opened"} <= set(by_id)
    assert data.parties == ["Курьер Петров", "Смирнова Ольга"]


def test_dossier_marks_are_stored_audited_and_applied(ctx, tmp_path):
    case = make_case(ctx, tmp_path, calls=3)
    data = timeline.build_timeline(ctx, case.id)
    ids = [data.events[1].id, data.events[2].id]
    assert timeline.set_in_dossier(ctx, case.id, ids, True) == sorted(ids)
    assert timeline.set_in_dossier(ctx, case.id, ids, True) == []  # already marked
    marked = [e.id for e in timeline.build_timeline(ctx, case.id).events if e.in_dossier]
    assert sorted(marked) == sorted(ids)
    assert timeline.set_in_dossier(ctx, case.id, ids[:1], False) == ids[:1]
    with ctx.session() as session:
        stored = session.scalars(select(DossierMarkRow.event_id)).all()
    assert stored == [ids[1]]
    entries = [e for e in list_entries(ctx, case_id=case.id) if e.entity == "timeline_dossier"]
    assert len(entries) == 2


def test_csv_export_writes_local_and_utc_times_and_is_audited(ctx, tmp_path):
    case = make_case(ctx, tmp_path, calls=5)
    data = timeline.build_timeline(ctx, case.id)
    shown = [e for e in data.events if e.kind in ("order", "call")]
    path = tmp_path / "timeline.csv"
    assert timeline.export_csv(ctx, case.id, shown, data.zone, path, "kinds=order,call") == len(
        shown
    )
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert len(rows) == len(shown)
    delivered = next(r for r in rows if r["title"].endswith("delivered"))
    assert delivered["start_local"] == "2025-10-09 14:05:00"
    assert delivered["start_utc"] == "2025-10-09T11:05:00Z"
    exports = [e for e in list_entries(ctx, case_id=case.id) if e.action == "export"]
    assert exports and exports[0].after["format"] == "csv"  # newest first


def test_query_window_and_kinds(ctx, tmp_path):
    case = make_case(ctx, tmp_path, calls=8)
    window = timeline.query_events(
        ctx, case.id, DELIVERED - timedelta(minutes=1), DELIVERED + timedelta(minutes=1), ["order"]
    ).events
    # the delivery itself and the slot around it
    assert sorted(e.id.split(":")[0] for e in window) == ["order_event", "order_slot"]


def test_statement_claims_read_dates_in_the_case_zone():
    taken = datetime(2025, 10, 11, 9, 0, tzinfo=UTC)
    text = "Примерно 09.10.2025 в 21:30 звонили; 3 января около 10:00 тоже; 2025-10-09 23:59:30."
    claims = claimed_times(text, "Asia/Vladivostok", taken)
    assert [c.at for c in claims] == [
        datetime(2025, 10, 9, 11, 30, tzinfo=UTC),
        datetime(2025, 1, 3, 0, 0, tzinfo=UTC),  # no year: this year, not after the statement
        datetime(2025, 10, 9, 13, 59, 30, tzinfo=UTC),
    ]
    assert [c.uncertainty_s for c in claims] == [900, 900, 0]
    assert claimed_times("31.02.2025 10:00 и 25:99", "Europe/Moscow", taken) == []


def test_a_time_alone_takes_the_date_told_before_it():
    taken = datetime(2025, 10, 11, 9, 0, tzinfo=UTC)
    text = (
        "Около 20:00 всё было тихо. 9 октября в 14:05 привезли заказ, около 21:30 звонок, "
        "счёт 2:1, дата 14.05; 10.10.2025 01:15 снова звонили, в 23:10 ещё раз. Он сказал 22:40."
    )
    claims = claimed_times(text, "Europe/Moscow", taken)
    assert [(c.at, c.uncertainty_s) for c in claims] == [
        (datetime(2025, 10, 9, 11, 5, tzinfo=UTC), 0),
        (datetime(2025, 10, 9, 18, 30, tzinfo=UTC), 900),  # the day told before it
        (datetime(2025, 10, 9, 22, 15, tzinfo=UTC), 0),
        (datetime(2025, 10, 10, 20, 10, tzinfo=UTC), 0),  # after "10.10.2025": that day
    ]  # "около 20:00" has no date before it; "2:1", "14.05", "сказал 22:40" are no claims


def test_video_notes_and_stills_land_on_the_corrected_clock(ctx, tmp_path):
    from app.services.video.annotations import annotate
    from app.services.video.clock import calibrate
    from app.services.video.dto import EvidenceDetails
    from app.services.video.intake import add_video_evidence
    from tests.video_support import encode

    case = make_case(ctx, tmp_path, calls=0)
    clip = encode(tmp_path / "dash.mp4", frames=60, creation_time="2025-10-09T11:06:00.000000Z")
    video = add_video_evidence(
        ctx, case.id, clip, EvidenceDetails("dashcam", source="Регистратор курьера")
    )
    eid = video.evidence.id
    origin = datetime(2025, 10, 9, 11, 6, tzinfo=UTC)
    # the camera is 151 s fast: its frame at 1.0 s (camera 11:06:01) truly was 11:03:30
    calibrate(ctx, case.id, eid, 1.0, origin + timedelta(seconds=1 - 151))
    annotate(ctx, case.id, eid, 1.0, "Курьер у подъезда", tags=["door"], still=True)

    events = {e.kind: e for e in timeline.build_timeline(ctx, case.id).events}
    note, still = events["annotation"], events["still"]
    for event in (note, still):
        assert event.start_utc == origin + timedelta(seconds=1 - 151)
        assert event.correction_s == -151
        assert event.source == "camera:Регистратор курьера"
        assert event.ref == f"evidence:{eid}#frame=30"
    assert note.title == "Курьер у подъезда" and ("tags", "door") in note.details


def test_findings_become_spans_and_tag_their_calls(ctx, tmp_path):
    case = make_case(ctx, tmp_path, calls=40)
    data = timeline.build_timeline(ctx, case.id)
    assert not data.with_findings and not any(e.kind == "finding" for e in data.events)
    full = timeline.add_findings(ctx, data)
    findings = [e for e in full.events if e.kind == "finding"]
    assert full.with_findings and findings
    codes = {e.tags[0] for e in findings}
    assert "masking_bypass" in codes and set(full.findings) == codes
    for finding in findings:
        assert finding.ref.startswith("call:") and finding.source == "analysis"
        assert dict(finding.details)["explanation_ru"]
    bypass = [e for e in full.events if e.kind == "call" and "masking_bypass" in e.tags]
    assert bypass and all(e.party == "Курьер Петров" for e in bypass)
    assert len(full.events) == len(data.events) + len(findings)
    # a finding marked for the dossier keeps its mark on the next build
    timeline.set_in_dossier(ctx, case.id, [findings[0].id], True)
    again = timeline.add_findings(ctx, timeline.build_timeline(ctx, case.id))
    assert [e.id for e in again.events if e.in_dossier] == [findings[0].id]


def test_a_rebuild_keeps_the_last_findings_until_the_analysis_is_redone(ctx, tmp_path):
    case = make_case(ctx, tmp_path, calls=40)
    full = timeline.add_findings(ctx, timeline.build_timeline(ctx, case.id))
    span = next(e for e in full.events if e.kind == "finding")
    timeline.set_in_dossier(ctx, case.id, [span.id], True)
    interim = timeline.keep_findings(timeline.build_timeline(ctx, case.id), full)
    assert not interim.with_findings and interim.findings == full.findings
    assert [e.id for e in interim.events] == [e.id for e in full.events]
    assert [e.id for e in interim.events if e.in_dossier] == [span.id]
    tagged = {e.id: e.tags for e in full.events if e.tags}
    assert {e.id: e.tags for e in interim.events if e.tags} == tagged
