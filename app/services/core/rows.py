"""ORM rows → the plain dataclasses of `app.services.core.dto`, and the audit snapshots of rows
(personal values recorded masked, with a fingerprint to show that they changed)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.phones import mask
from app.domain.privacy import fingerprint, mask_address
from app.domain.timeutil import iso_utc
from app.services.core.dto import (
    CaseDetail,
    CaseSummary,
    ManualEventInfo,
    OrderEventInfo,
    OrderInfo,
    PartyInfo,
    StatementInfo,
)
from app.storage.models.cases import (
    BlacklistRow,
    CaseRow,
    ManualEventRow,
    OrderEventRow,
    OrderRow,
    PartyPhoneRow,
    PartyRow,
    StatementRow,
)


def case_summary(row: CaseRow) -> CaseSummary:
    return CaseSummary(
        id=row.id,
        number=row.number,
        title=row.title,
        status=row.status,
        region=row.region,
        category=row.category,
        received_at=row.received_at,
        updated_at=row.updated_at,
        version=row.version,
    )


def case_audit(row: CaseRow) -> dict[str, Any]:
    return {
        "number": row.number,
        "title": row.title,
        "region": row.region,
        "tz": row.tz,
        "category": row.category,
        "source": row.source,
        "received_at": iso_utc(row.received_at),
        "status": row.status,
        "summary": row.summary,
        "findings": row.findings,
        "measure": row.measure,
    }


def party_phones(session: Session, party_ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {pid: [] for pid in party_ids}
    if party_ids:
        stmt = (
            select(PartyPhoneRow.party_id, PartyPhoneRow.value)
            .where(PartyPhoneRow.party_id.in_(party_ids))
            .order_by(PartyPhoneRow.id)
        )
        for party_id, value in session.execute(stmt):
            out[party_id].append(value)
    return out


def blacklisted_ids(session: Session, courier_ids: Sequence[str]) -> set[str]:
    wanted = [c for c in courier_ids if c]
    if not wanted:
        return set()
    stmt = select(BlacklistRow.courier_id).where(
        BlacklistRow.courier_id.in_(wanted), BlacklistRow.active.is_(True)
    )
    return set(session.scalars(stmt))


def party_info(row: PartyRow, phones: list[str], blacklisted: bool = False) -> PartyInfo:
    return PartyInfo(
        id=row.id,
        case_id=row.case_id,
        role=row.role,
        name=row.name,
        courier_id=row.courier_id,
        supervisor_id=row.supervisor_id,
        phones_masked=tuple(mask(p) for p in phones),
        address_masked=mask_address(row.address),
        notes=row.notes,
        version=row.version,
        blacklisted=blacklisted,
    )


def party_audit(row: PartyRow, phones: list[str]) -> dict[str, Any]:
    return {
        "role": row.role,
        "name": row.name,
        "courier_id": row.courier_id,
        "supervisor_id": row.supervisor_id,
        "phones": [f"{mask(p)} {fingerprint(p)}" for p in phones],
        "address": f"{mask_address(row.address)} {fingerprint(row.address)}".strip(),
        "notes": row.notes,
        "deleted": row.deleted,
    }


def order_info(row: OrderRow, events: Sequence[OrderEventRow]) -> OrderInfo:
    return OrderInfo(
        id=row.id,
        case_id=row.case_id,
        number=row.number,
        slot_start=row.slot_start,
        slot_end=row.slot_end,
        courier_party_id=row.courier_party_id,
        customer_party_id=row.customer_party_id,
        address_masked=mask_address(row.address),
        events=tuple(
            OrderEventInfo(e.id, e.kind, e.at, e.source) for e in sorted(events, key=lambda e: e.at)
        ),
        version=row.version,
    )


def order_audit(row: OrderRow, events: Sequence[OrderEventRow]) -> dict[str, Any]:
    return {
        "number": row.number,
        "slot_start": iso_utc(row.slot_start),
        "slot_end": iso_utc(row.slot_end),
        "courier_party_id": row.courier_party_id,
        "customer_party_id": row.customer_party_id,
        "address": f"{mask_address(row.address)} {fingerprint(row.address)}".strip(),
        "events": [[e.kind, iso_utc(e.at)] for e in events],
        "deleted": row.deleted,
    }


def statement_info(row: StatementRow) -> StatementInfo:
    return StatementInfo(
        id=row.id,
        case_id=row.case_id,
        party_id=row.party_id,
        taken_at=row.taken_at,
        taken_by=row.taken_by,
        text=row.text,
        attachment_id=row.attachment_id,
        version=row.version,
    )


def statement_audit(row: StatementRow) -> dict[str, Any]:
    return {
        "party_id": row.party_id,
        "taken_at": iso_utc(row.taken_at),
        "taken_by": row.taken_by,
        "text": row.text,
        "attachment_id": row.attachment_id,
        "deleted": row.deleted,
    }


def event_info(row: ManualEventRow) -> ManualEventInfo:
    return ManualEventInfo(
        id=row.id,
        case_id=row.case_id,
        at=row.at,
        uncertainty_s=row.uncertainty_s,
        source=row.source,
        text=row.text,
        party_id=row.party_id,
        version=row.version,
    )


def event_audit(row: ManualEventRow) -> dict[str, Any]:
    return {
        "at": iso_utc(row.at),
        "uncertainty_s": row.uncertainty_s,
        "source": row.source,
        "text": row.text,
        "party_id": row.party_id,
        "deleted": row.deleted,
    }


def case_detail(
    session: Session,
    case: CaseRow,
    parties: Sequence[PartyRow],
    orders: Sequence[OrderRow],
    statements: Sequence[StatementRow],
    events: Sequence[ManualEventRow],
) -> CaseDetail:
    phones = party_phones(session, [p.id for p in parties])
    listed = blacklisted_ids(session, [p.courier_id or "" for p in parties])
    order_events: dict[int, list[OrderEventRow]] = {o.id: [] for o in orders}
    if orders:
        stmt = select(OrderEventRow).where(OrderEventRow.order_id.in_(list(order_events)))
        for ev in session.scalars(stmt):
            order_events[ev.order_id].append(ev)
    return CaseDetail(
        id=case.id,
        number=case.number,
        title=case.title,
        status=case.status,
        region=case.region,
        tz=case.tz,
        category=case.category,
        source=case.source,
        received_at=case.received_at,
        summary=case.summary,
        findings=case.findings,
        measure=case.measure,
        decided_at=case.decided_at,
        created_at=case.created_at,
        updated_at=case.updated_at,
        created_by=case.created_by,
        version=case.version,
        parties=[party_info(p, phones[p.id], (p.courier_id or "") in listed) for p in parties],
        orders=[order_info(o, order_events[o.id]) for o in orders],
        statements=[statement_info(s) for s in statements],
        events=[event_info(e) for e in events],
    )
