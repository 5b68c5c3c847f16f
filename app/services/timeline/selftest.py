"""Self-test step of the timeline feature: a case in a far-east zone gets an order, a statement
that claims a time and a manual event; the built timeline must hold them in order, on local
midnight ticks of the case's zone, with a 151 s fast camera corrected the right way, and the
bundled zone database must know Russia's eleven zones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.domain.clock import CalibrationPoint, ClockCorrection
from app.domain.timeline import (
    RUSSIAN_ZONES,
    TickUnit,
    corrected_start,
    ticks,
    utc_offset_label,
)
from app.services.core import cases, records
from app.services.core.context import ServiceContext
from app.services.timeline.build import build_timeline

ZONE = "Asia/Vladivostok"
DELIVERED = datetime(2025, 10, 9, 4, 5, tzinfo=UTC)  # 14:05 in Vladivostok


def selftest_step(ctx: ServiceContext, workdir: Path) -> str:
    case = cases.create_case(
        ctx,
        cases.CaseInput(
            title="Самопроверка хронологии",
            region="TEST",
            tz=ZONE,
            received_at=DELIVERED + timedelta(days=1),
        ),
    )
    records.add_order(
        ctx, case.id, records.OrderInput(number="ST-1", events=(("delivered", DELIVERED),))
    )
    records.add_statement(
        ctx,
        case.id,
        records.StatementInput(
            party_id=None,
            taken_at=DELIVERED + timedelta(days=2),
            taken_by="selftest",
            text="09.10.2025 около 21:30 курьер позвонил снова.",
        ),
    )
    records.add_event(
        ctx,
        case.id,
        records.EventInput(
            at=DELIVERED + timedelta(hours=7), text="Стук в дверь", uncertainty_s=900
        ),
    )
    events = build_timeline(ctx, case.id).events
    kinds = [e.kind for e in events if e.id != "milestone:opened"]
    if kinds != ["order", "manual", "statement_claim", "milestone", "statement"]:
        raise RuntimeError(f"unexpected order of events: {kinds}")
    claim = next(e for e in events if e.kind == "statement_claim")
    if claim.start_utc != datetime(2025, 10, 9, 11, 30, tzinfo=UTC) or claim.uncertainty_s != 900:
        raise RuntimeError(f"statement claim read as {claim.start_utc} ± {claim.uncertainty_s}")
    for name, hours in RUSSIAN_ZONES:  # the bundled zone database knows all eleven
        if utc_offset_label(DELIVERED.timestamp(), name) != f"UTC+{hours:02d}:00":
            raise RuntimeError(f"zone {name} is not UTC+{hours} in 2025")
    day = ticks(DELIVERED.timestamp(), DELIVERED.timestamp() + 86400, 86400, TickUnit.DAY, ZONE)
    if [t.local.hour for t in day] != [0]:
        raise RuntimeError("day ticks are not on local midnight")
    fast = ClockCorrection.from_points(
        [CalibrationPoint(DELIVERED + timedelta(seconds=151), DELIVERED)]
    )
    _start, correction_s = corrected_start(DELIVERED + timedelta(minutes=1), fast.true_time)
    if round(correction_s) != -151:
        raise RuntimeError(f"a 151 s fast camera was corrected by {correction_s} s")
    return (
        f"{len(events)} events in order, {len(RUSSIAN_ZONES)} Russian zones, {ZONE} ticks, "
        "camera correction −151 s"
    )
