"""ORM rows of the core tables → the plain records of `app.domain.case_records`, and the audit
snapshots of rows (personal values recorded masked only: an unkeyed fingerprint of a phone
gave the number back). Pure attribute reads: nothing here queries."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from app.domain.case_records import (
    AuditEntryInfo,
    BlacklistInfo,
    CaseSummary,
    EvidenceInfo,
    ManualEventInfo,
    OrderEventInfo,
    OrderInfo,
    PartyInfo,
    StatementInfo,
)
from app.domain.phones import mask
from app.domain.privacy import mask_address
from app.domain.timeutil import iso_utc
from app.storage.models.audit import AuditEntryRow
from app.storage.models.cases import (
    BlacklistRow,
    CaseRow,
    EvidenceRow,
    ManualEventRow,
    OrderEventRow,
    OrderRow,
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
        "phones": [mask(p) for p in phones],
        "address": mask_address(row.address),
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
        "address": mask_address(row.address),
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


def evidence_info(row: EvidenceRow) -> EvidenceInfo:
    return EvidenceInfo(
        row.id,
        row.case_id,
        row.sha256,
        row.size,
        row.kind,
        row.original_name,
        row.source,
        row.provided_by,
        row.acquired_at,
        row.tz,
        row.parent_id,
        row.frame_index,
        row.media_time_s,
        dict(row.meta or {}),
        row.created_at,
        row.created_by,
    )


def blacklist_info(row: BlacklistRow) -> BlacklistInfo:
    return BlacklistInfo(
        row.id, row.courier_id, row.reason, row.case_id, row.added_at, row.added_by, row.active
    )


def audit_entry_info(row: AuditEntryRow) -> AuditEntryInfo:
    body = json.loads(row.payload)
    return AuditEntryInfo(
        row.seq,
        row.at,
        row.actor,
        row.action,
        row.entity,
        row.entity_id,
        row.case_id,
        body.get("before"),
        body.get("after"),
        row.hash,
    )
