"""A realistic timeline case built through the real services: a customer and a courier with
phones, an order delivered at 14:05 Moscow time, statements that claim times, a manual event,
and a call log (imported from a generated CSV) with calls after delivery from several numbers.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.services.calls import importing as calls_import
from app.services.calls.dto import ImportOptions
from app.services.core import cases, parties, records

CUSTOMER_PHONE = "+79161234567"
COURIER_PHONE = "+79265550101"
VIRTUAL = "+74951112233"
DELIVERED = datetime(2025, 10, 9, 11, 5, tzinfo=UTC)  # 14:05 in Moscow


@dataclass(frozen=True)
class TimelineCase:
    id: int
    number: str
    customer_id: int
    courier_id: int
    order_id: int
    statement_id: int
    manual_id: int


def write_call_log(path: Path, count: int, seed: int = 7) -> Path:
    """`count` calls in the platform's UTF-8 CSV layout (times in UTC): masked calls before
    delivery, then direct calls to the customer from the courier's and four other numbers."""
    rng = random.Random(seed)
    others = [COURIER_PHONE, "+79031110001", "+79031110002", "+79031110003", "+79031110004"]
    lines = ["start,caller,callee,virtual,duration,status"]
    t = DELIVERED - timedelta(hours=2)
    for n in range(count):
        if n < 3:
            caller, callee, virtual = COURIER_PHONE, CUSTOMER_PHONE, VIRTUAL
        else:
            caller, callee, virtual = rng.choice(others), CUSTOMER_PHONE, ""
        duration = rng.choice([0, 0, 5, 12, 40, 95, 300])
        status = "answered" if duration else "missed"
        lines.append(f"{t:%Y-%m-%d %H:%M:%S},{caller},{callee},{virtual},{duration},{status}")
        t += timedelta(seconds=rng.randint(20, 900) if n >= 3 else 1800)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def make_case(ctx: Any, tmp_path: Path, calls: int = 40) -> TimelineCase:
    case = cases.create_case(
        ctx,
        cases.CaseInput(
            title="Звонки после доставки",
            region="MSK",
            tz="Europe/Moscow",
            received_at=datetime(2025, 10, 10, 7, 0, tzinfo=UTC),
        ),
    )
    customer = parties.add_party(
        ctx, case.id, parties.PartyInput("complainant", "Смирнова Ольга", (CUSTOMER_PHONE,))
    ).party
    courier = parties.add_party(
        ctx,
        case.id,
        parties.PartyInput("subject", "Курьер Петров", (COURIER_PHONE,), courier_id="CR-1042"),
    ).party
    order = records.add_order(
        ctx,
        case.id,
        records.OrderInput(
            number="ORD-1001",
            slot_start=DELIVERED - timedelta(hours=1),
            slot_end=DELIVERED + timedelta(hours=1),
            courier_party_id=courier.id,
            customer_party_id=customer.id,
            events=(
                ("assigned", DELIVERED - timedelta(hours=3)),
                ("picked_up", DELIVERED - timedelta(hours=1, minutes=10)),
                ("delivered", DELIVERED),
            ),
        ),
    )
    statement = records.add_statement(
        ctx,
        case.id,
        records.StatementInput(
            party_id=customer.id,
            taken_at=datetime(2025, 10, 11, 9, 0, tzinfo=UTC),
            taken_by="Иванов И. И.",
            text=(
                "Заказ привезли 9 октября в 14:05. В тот же день около 21:30 курьер позвонил "
                "мне с личного номера, а 10.10.2025 01:15 звонили уже с другого номера."
            ),
        ),
    )
    manual = records.add_event(
        ctx,
        case.id,
        records.EventInput(
            at=DELIVERED + timedelta(hours=7),
            text="Соседка слышала стук в дверь",
            uncertainty_s=900,
            source="соседка",
            party_id=customer.id,
        ),
    )
    if calls:
        log = write_call_log(tmp_path / f"calls_{case.id}.csv", calls)
        calls_import.import_calls(
            ctx,
            case.id,
            log,
            ImportOptions(
                tz="UTC",
                mapping={
                    "start": "start",
                    "caller": "caller",
                    "callee": "callee",
                    "virtual": "virtual",
                    "duration": "duration",
                    "status": "status",
                },
            ),
        )
    return TimelineCase(
        case.id, case.number, customer.id, courier.id, order.id, statement.id, manual.id
    )
