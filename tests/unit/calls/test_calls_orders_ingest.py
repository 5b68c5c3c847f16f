"""Order exports: one row per order, or one row per status event."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from app.ingest.calls import RejectedRow
from app.ingest.mapping import ORDER_FIELDS
from app.ingest.orders import OrderRecord, parse_event_kind, parse_orders
from app.ingest.plan import plan_import

DATA = Path(__file__).resolve().parents[2] / "data" / "calls"


def read(path: Path, tz: str | None = "Europe/Moscow") -> list[OrderRecord | RejectedRow]:
    plan = plan_import(path, target="orders", fields=ORDER_FIELDS, tz=tz)
    return list(parse_orders(path, plan.fmt, plan.mapping, plan.tz))


def test_one_row_per_order_cp1251() -> None:
    first, second = read(DATA / "orders_ru_cp1251.csv")
    assert isinstance(first, OrderRecord)
    assert (first.number, first.customer, first.courier) == ("ORD-1001", "Иванова Мария", "C-7781")
    assert first.events[-1] == ("delivered", datetime(2025, 10, 9, 11, 25, tzinfo=UTC))
    assert [k for k, _ in first.events] == ["assigned", "picked_up", "delivered"]
    assert isinstance(second, RejectedRow) and second.reason == "bad_date"


def test_one_row_per_event(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text(
        "Order ID,Event,Event time (UTC)\n"
        "A-1,Assigned,2025-10-09 10:00:00\n"
        "A-1,Delivered,2025-10-09 11:30:00\n"
        "A-2,Взлетел,2025-10-09 12:00:00\n",
        encoding="utf-8",
    )
    items = read(path, tz=None)
    assert [i.events for i in items[:2] if isinstance(i, OrderRecord)] == [
        (("assigned", datetime(2025, 10, 9, 10, tzinfo=UTC)),),
        (("delivered", datetime(2025, 10, 9, 11, 30, tzinfo=UTC)),),
    ]
    assert isinstance(items[2], RejectedRow) and items[2].reason == "unknown_event"


def test_event_words() -> None:
    assert parse_event_kind("Доставлен клиенту") == "delivered"
    assert parse_event_kind("Отменён") == "cancelled"
    assert parse_event_kind("picked_up") == "picked_up"
    assert parse_event_kind("что-то") is None
