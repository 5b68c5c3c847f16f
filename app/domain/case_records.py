"""The plain records of a case as storage hands them to services and services to the fronts:
the case and its parties, orders, statements and manual events, the blacklist, evidence files
and audit entries. Personal data arrives masked; the real values only come through the
audited `reveal` service."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class CaseSummary:
    id: int
    number: str
    title: str
    status: str
    region: str
    category: str
    received_at: datetime
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class CasePage:
    total: int
    rows: list[CaseSummary]


@dataclass(frozen=True)
class PartyInfo:
    id: int
    case_id: int
    role: str
    name: str
    courier_id: str | None
    supervisor_id: int | None
    phones_masked: tuple[str, ...]
    address_masked: str
    notes: str
    version: int
    blacklisted: bool = False


@dataclass(frozen=True)
class OrderEventInfo:
    id: int
    kind: str
    at: datetime
    source: str


@dataclass(frozen=True)
class OrderInfo:
    id: int
    case_id: int
    number: str
    slot_start: datetime | None
    slot_end: datetime | None
    courier_party_id: int | None
    customer_party_id: int | None
    address_masked: str
    events: tuple[OrderEventInfo, ...]
    version: int


@dataclass(frozen=True)
class StatementInfo:
    id: int
    case_id: int
    party_id: int | None
    taken_at: datetime
    taken_by: str
    text: str
    attachment_id: int | None
    version: int


@dataclass(frozen=True)
class ManualEventInfo:
    id: int
    case_id: int
    at: datetime
    uncertainty_s: int
    source: str
    text: str
    party_id: int | None
    version: int


@dataclass(frozen=True)
class CaseDetail:
    id: int
    number: str
    title: str
    status: str
    region: str
    tz: str
    category: str
    source: str
    received_at: datetime
    summary: str
    findings: str
    measure: str | None
    decided_at: datetime | None
    created_at: datetime
    updated_at: datetime
    created_by: str
    version: int
    parties: list[PartyInfo] = field(default_factory=list)
    orders: list[OrderInfo] = field(default_factory=list)
    statements: list[StatementInfo] = field(default_factory=list)
    events: list[ManualEventInfo] = field(default_factory=list)


@dataclass(frozen=True)
class BlacklistInfo:
    id: int
    courier_id: str
    reason: str
    case_id: int | None
    added_at: datetime
    added_by: str
    active: bool


@dataclass(frozen=True)
class EvidenceInfo:
    id: int
    case_id: int
    sha256: str
    size: int
    kind: str
    original_name: str
    source: str
    provided_by: str
    acquired_at: datetime | None
    tz: str | None
    parent_id: int | None
    frame_index: int | None
    media_time_s: float | None
    meta: dict[str, Any]
    created_at: datetime
    created_by: str


@dataclass(frozen=True)
class AuditEntryInfo:
    seq: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    case_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    hash: str
