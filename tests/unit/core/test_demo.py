"""The demo case is a realistic, populated case built through the ordinary (audited) services."""

from app.services import demo
from app.services.core import audit, cases


def test_demo_case(ctx):
    assert demo.is_empty(ctx)
    summary = demo.create_demo_case(ctx)
    detail = cases.get_case(ctx, summary.id)
    assert detail.number == demo.DEMO_NUMBER
    assert {p.role for p in detail.parties} == {"complainant", "subject", "supervisor", "witness"}
    assert [e.kind for e in detail.orders[0].events] == ["assigned", "picked_up", "delivered"]
    assert len(detail.statements) == 2 and len(detail.events) == 1
    assert not demo.is_empty(ctx)
    assert audit.verify_chain(ctx).ok


def test_demo_call_logs_show_every_pattern(sqlite_ctx):
    from app.services.calls.analysis import analyze

    summary = demo.create_demo_case(sqlite_ctx)
    kinds = {f.kind for f in analyze(sqlite_ctx, summary.id)}
    assert kinds == {
        "after_delivery_contact",
        "masking_bypass",
        "multiple_numbers",
        "night_contact",
        "call_burst",
    }


def test_demo_footage_is_calibrated_and_annotated(sqlite_ctx):
    from app.services.video.annotations import list_annotations
    from app.services.video.clock import get_clock
    from app.services.video.intake import list_case_evidence

    summary = demo.create_demo_case(sqlite_ctx)
    videos = [e for e in list_case_evidence(sqlite_ctx, summary.id) if e.media is not None]
    assert {v.evidence.kind for v in videos} == {"cctv", "dashcam"}
    entrance = next(v.evidence for v in videos if v.evidence.kind == "cctv")
    assert get_clock(sqlite_ctx, summary.id, entrance.id).correction.offset_s == -151.0
    notes = list_annotations(sqlite_ctx, summary.id, entrance.id)
    assert any(n.still_id for n in notes)


def test_the_demo_case_is_opened_on_the_story_s_day(sqlite_ctx):
    """The timeline's "case opened" milestone is the story's (16 Sept 2025, after the complaint
    at 10:30 Moscow time), not the day the demo was created; the audit keeps the real moment."""
    from datetime import datetime

    from app.domain.timeutil import in_zone
    from app.services.timeline.build import build_timeline

    summary = demo.create_demo_case(sqlite_ctx)
    events = {e.id: e for e in build_timeline(sqlite_ctx, summary.id).events}
    opened = in_zone(events["milestone:opened"].start_utc, "Europe/Moscow")
    received = in_zone(events["milestone:received"].start_utc, "Europe/Moscow")
    assert (opened.date().isoformat(), opened.hour) == ("2025-09-16", 11)
    assert received < opened
    created = audit.list_entries(sqlite_ctx, case_id=summary.id)[-1]
    assert created.action == "create" and created.at.year >= datetime.now().year


def test_a_case_is_not_opened_before_its_complaint(ctx):
    from datetime import UTC, datetime

    import pytest

    from app.domain.errors import ValidationError
    from app.services.core.cases import CaseInput

    with pytest.raises(ValidationError) as refused:
        cases.create_case(
            ctx,
            CaseInput(
                title="Бумажное дело",
                region="MSK",
                tz="Europe/Moscow",
                received_at=datetime(2025, 9, 16, 9, tzinfo=UTC),
                opened_at=datetime(2025, 9, 15, 9, tzinfo=UTC),
            ),
        )
    assert refused.value.field == "opened_at"
