"""Orders with their status events, statements and manual timeline events of a case.

Deletes are soft (a `deleted` flag) so that undo restores the same record; each change writes
an audit entry with the record's before and after."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from app.domain.cases import OrderEventKind, parse_enum
from app.domain.errors import Duplicate, ValidationError
from app.domain.timeutil import iso_utc
from app.services.core.cases import check_version
from app.services.core.context import ServiceContext
from app.services.core.dto import ManualEventInfo, OrderInfo, StatementInfo
from app.storage.models.cases import ManualEventRow, StatementRow
from app.storage.repositories.core import convert
from app.storage.repositories.core import records as repo
from app.storage.repositories.core.cases import case_row, refresh_search_text
from app.storage.repositories.core.parties import is_live_party_of
from app.storage.session import Session

_Row = TypeVar("_Row", StatementRow, ManualEventRow)
_Info = TypeVar("_Info", StatementInfo, ManualEventInfo)


@dataclass(frozen=True)
class OrderInput:
    number: str
    slot_start: datetime | None = None
    slot_end: datetime | None = None
    courier_party_id: int | None = None
    customer_party_id: int | None = None
    address: str = ""
    events: tuple[tuple[str, datetime], ...] = ()  # (kind, at)


@dataclass(frozen=True)
class StatementInput:
    party_id: int | None
    taken_at: datetime
    taken_by: str
    text: str
    attachment_id: int | None = None


@dataclass(frozen=True)
class EventInput:
    at: datetime
    text: str
    uncertainty_s: int = 0
    source: str = ""
    party_id: int | None = None


def _audit(
    ctx: ServiceContext,
    session: Session,
    action: str,
    entity: str,
    row: Any,
    after: dict[str, Any],
    before: dict[str, Any] | None = None,
) -> None:
    """The audit entry of a change to an order, statement or manual event of a case."""
    ctx.audit(
        session,
        action=action,
        entity=entity,
        entity_id=row.id,
        case_id=row.case_id,
        before=before,
        after=after,
    )


def _check_party(session: Session, case_id: int, party_id: int | None, field: str) -> None:
    if party_id is None:
        return
    if not is_live_party_of(session, case_id, party_id):
        raise ValidationError(f"party {party_id} is not a party of this case", field=field)


def _check_order(session: Session, case_id: int, data: OrderInput) -> None:
    if not data.number.strip():
        raise ValidationError("the order needs a number", field="number")
    if data.slot_start and data.slot_end and data.slot_end < data.slot_start:
        raise ValidationError("the slot ends before it starts", field="slot_end")
    for kind, _at in data.events:
        parse_enum(OrderEventKind, kind, "event")
    _check_party(session, case_id, data.courier_party_id, "courier")
    _check_party(session, case_id, data.customer_party_id, "customer")


def add_order(ctx: ServiceContext, case_id: int, data: OrderInput, source: str = "") -> OrderInfo:
    with ctx.transaction() as session:
        case_row(session, case_id)
        _check_order(session, case_id, data)
        number = data.number.strip()
        if repo.order_number_taken(session, case_id, number):
            raise Duplicate(f"order {number} is already in this case")
        row = repo.new_order(
            session,
            case_id=case_id,
            number=number,
            slot_start=data.slot_start,
            slot_end=data.slot_end,
            courier_party_id=data.courier_party_id,
            customer_party_id=data.customer_party_id,
            address=data.address.strip(),
            deleted=False,
        )
        repo.add_order_events(session, row.id, data.events, source)
        refresh_search_text(session, case_id)
        events = repo.order_events(session, row.id)
        _audit(ctx, session, "create", "order", row, convert.order_audit(row, events))
        return convert.order_info(row, events)


def update_order(
    ctx: ServiceContext,
    order_id: int,
    expected_version: int,
    data: OrderInput,
    *,
    keep_address: bool = False,
) -> OrderInfo:
    with ctx.transaction() as session:
        row = repo.order_row(session, order_id)
        check_version(row.version, expected_version, "order")
        _check_order(session, row.case_id, data)
        before = convert.order_audit(row, repo.order_events(session, row.id))
        row.number = data.number.strip()
        row.slot_start, row.slot_end = data.slot_start, data.slot_end
        row.courier_party_id, row.customer_party_id = data.courier_party_id, data.customer_party_id
        if not keep_address:
            row.address = data.address.strip()
        repo.replace_order_events(session, row.id, data.events)
        refresh_search_text(session, row.case_id)
        events = repo.order_events(session, row.id)
        _audit(
            ctx, session, "update", "order", row, convert.order_audit(row, events), before=before
        )
        return convert.order_info(row, events)


def _check_statement(session: Session, case_id: int, data: StatementInput) -> None:
    case = case_row(session, case_id)
    if not data.text.strip():
        raise ValidationError("the statement has no text", field="text")
    if not data.taken_by.strip():
        raise ValidationError("say who took the statement", field="taken_by")
    if data.taken_at < case.received_at:
        raise ValidationError(
            f"the statement is dated {iso_utc(data.taken_at)}, before the case was received "
            f"({iso_utc(case.received_at)})",
            field="taken_at",
        )
    _check_party(session, case_id, data.party_id, "party")


def add_statement(ctx: ServiceContext, case_id: int, data: StatementInput) -> StatementInfo:
    return _create(
        ctx,
        "statement",
        case_id,
        lambda session: _check_statement(session, case_id, data),
        lambda session: repo.new_statement(
            session,
            case_id=case_id,
            party_id=data.party_id,
            taken_at=data.taken_at,
            taken_by=data.taken_by.strip(),
            text=data.text,
            attachment_id=data.attachment_id,
            deleted=False,
        ),
        convert.statement_info,
    )


def update_statement(
    ctx: ServiceContext, statement_id: int, expected_version: int, data: StatementInput
) -> StatementInfo:
    def assign(row: StatementRow) -> None:
        row.party_id, row.taken_at = data.party_id, data.taken_at
        row.taken_by, row.text = data.taken_by.strip(), data.text
        row.attachment_id = data.attachment_id

    return _update(
        ctx,
        "statement",
        statement_id,
        expected_version,
        lambda session, case_id: _check_statement(session, case_id, data),
        assign,
        convert.statement_info,
    )


def _check_event(session: Session, case_id: int, data: EventInput) -> None:
    case_row(session, case_id)
    if not data.text.strip():
        raise ValidationError("the event needs a text", field="text")
    if data.uncertainty_s < 0:
        raise ValidationError("uncertainty cannot be negative", field="uncertainty_s")
    _check_party(session, case_id, data.party_id, "party")


def add_event(ctx: ServiceContext, case_id: int, data: EventInput) -> ManualEventInfo:
    """A manual timeline event ("about 21:00 ± 15 min the courier rang at the door")."""
    return _create(
        ctx,
        "event",
        case_id,
        lambda session: _check_event(session, case_id, data),
        lambda session: repo.new_event(
            session,
            case_id=case_id,
            at=data.at,
            uncertainty_s=data.uncertainty_s,
            source=data.source.strip(),
            text=data.text.strip(),
            party_id=data.party_id,
            deleted=False,
        ),
        convert.event_info,
    )


def update_event(
    ctx: ServiceContext, event_id: int, expected_version: int, data: EventInput
) -> ManualEventInfo:
    def assign(row: ManualEventRow) -> None:
        row.at, row.uncertainty_s = data.at, data.uncertainty_s
        row.source, row.text, row.party_id = data.source.strip(), data.text.strip(), data.party_id

    return _update(
        ctx,
        "event",
        event_id,
        expected_version,
        lambda session, case_id: _check_event(session, case_id, data),
        assign,
        convert.event_info,
    )


def _create(
    ctx: ServiceContext,
    entity: str,
    case_id: int,
    check: Callable[[Session], None],
    insert: Callable[[Session], _Row],
    info: Callable[[_Row], _Info],
) -> _Info:
    """Add a statement or manual event: checked, inserted, audited with its snapshot."""
    with ctx.transaction() as session:
        check(session)
        row = insert(session)
        _audit(ctx, session, "create", entity, row, _SNAPSHOTS[entity](row))
        return info(row)


def _update(
    ctx: ServiceContext,
    entity: str,
    record_id: int,
    expected_version: int,
    check: Callable[[Session, int], None],
    assign: Callable[[_Row], None],
    info: Callable[[_Row], _Info],
) -> _Info:
    """Edit a statement or manual event: the version checked (optimistic lock), the new data
    checked against the record's case, assigned, audited with the before and after."""
    snapshot = _SNAPSHOTS[entity]
    with ctx.transaction() as session:
        row = repo.record_row(session, entity, record_id)
        check_version(row.version, expected_version, entity)
        check(session, row.case_id)
        before = snapshot(row)
        assign(row)
        session.flush()
        _audit(ctx, session, "update", entity, row, snapshot(row), before=before)
        return info(row)


_SNAPSHOTS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "statement": convert.statement_audit,
    "event": convert.event_audit,
}


def set_deleted(
    ctx: ServiceContext, entity: str, record_id: int, expected_version: int, deleted: bool
) -> int:
    """Soft-delete or restore an order, statement or manual event; returns the new version."""
    with ctx.transaction() as session:
        if entity == "order":
            snap: Callable[[Any], dict[str, Any]] = lambda r: convert.order_audit(  # noqa: E731
                r, repo.order_events(session, r.id)
            )
        elif entity in _SNAPSHOTS:
            snap = _SNAPSHOTS[entity]
        else:
            raise ValidationError(f"cannot delete a {entity}", field="entity")
        row = repo.record_row(session, entity, record_id)
        check_version(row.version, expected_version, entity)
        before = snap(row)
        row.deleted = deleted
        session.flush()
        if entity == "order":
            refresh_search_text(session, row.case_id)
        _audit(
            ctx, session, "delete" if deleted else "restore", entity, row, snap(row), before=before
        )
        return int(row.version)
