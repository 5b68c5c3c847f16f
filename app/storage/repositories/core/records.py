"""Orders with their status events, statements and manual timeline events of a case."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.storage.models.cases import ManualEventRow, OrderEventRow, OrderRow, StatementRow
from app.storage.session import fetched, inserted

_MODELS: dict[str, type[OrderRow] | type[StatementRow] | type[ManualEventRow]] = {
    "order": OrderRow,
    "statement": StatementRow,
    "event": ManualEventRow,
}


def record_row(session: Session, entity: str, record_id: int) -> Any:
    """The row of an order, statement or manual event (`entity` names which)."""
    return fetched(session, _MODELS[entity], record_id, f"no {entity} with id {record_id}")


def order_row(session: Session, order_id: int) -> OrderRow:
    row: OrderRow = record_row(session, "order", order_id)
    return row


def statement_row(session: Session, statement_id: int) -> StatementRow:
    row: StatementRow = record_row(session, "statement", statement_id)
    return row


def event_row(session: Session, event_id: int) -> ManualEventRow:
    row: ManualEventRow = record_row(session, "event", event_id)
    return row


def order_number_taken(session: Session, case_id: int, number: str) -> bool:
    stmt = select(OrderRow.id).where(OrderRow.case_id == case_id, OrderRow.number == number)
    return session.scalar(stmt) is not None


def new_order(session: Session, **fields: Any) -> OrderRow:
    """Insert an order (flushed, so it has its id)."""
    return inserted(session, OrderRow(**fields))


def order_events(session: Session, order_id: int) -> list[OrderEventRow]:
    """The order's status events in time order."""
    stmt = (
        select(OrderEventRow).where(OrderEventRow.order_id == order_id).order_by(OrderEventRow.at)
    )
    return list(session.scalars(stmt))


def add_order_events(
    session: Session, order_id: int, events: Iterable[tuple[str, datetime]], source: str
) -> None:
    """Add (kind, at) status events to an order, flushed."""
    for kind, at in events:
        session.add(OrderEventRow(order_id=order_id, kind=kind, at=at, source=source))
    session.flush()


def replace_order_events(
    session: Session, order_id: int, events: Iterable[tuple[str, datetime]], source: str = ""
) -> None:
    """The order's status events become `events`, flushed."""
    session.execute(delete(OrderEventRow).where(OrderEventRow.order_id == order_id))
    add_order_events(session, order_id, events, source)


def new_statement(session: Session, **fields: Any) -> StatementRow:
    return inserted(session, StatementRow(**fields))


def new_event(session: Session, **fields: Any) -> ManualEventRow:
    return inserted(session, ManualEventRow(**fields))


def live_event_of(session: Session, case_id: int, event_id: int) -> ManualEventRow | None:
    """The case's manual event with that id unless it is deleted (or of another case)."""
    row = session.get(ManualEventRow, event_id)
    return row if row is not None and row.case_id == case_id and not row.deleted else None
