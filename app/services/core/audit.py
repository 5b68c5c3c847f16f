"""Reading and verifying the audit log."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from app.services.core.context import ServiceContext
from app.storage import audit
from app.storage.models.audit import AuditEntryRow


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


@dataclass(frozen=True)
class ChainStatus:
    ok: bool
    entries: int
    head_hash: str
    first_bad_seq: int | None
    problem: str


def list_entries(
    ctx: ServiceContext, case_id: int | None = None, limit: int = 1000, offset: int = 0
) -> list[AuditEntryInfo]:
    """Newest first."""
    with ctx.session() as session:
        stmt = select(AuditEntryRow).order_by(AuditEntryRow.seq.desc()).offset(offset).limit(limit)
        if case_id is not None:
            stmt = stmt.where(AuditEntryRow.case_id == case_id)
        out = []
        for row in session.scalars(stmt):
            body = json.loads(row.payload)
            out.append(
                AuditEntryInfo(
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
            )
        return out


def verify_chain(ctx: ServiceContext) -> ChainStatus:
    with ctx.session() as session:
        report = audit.verify(session)
    return ChainStatus(
        report.ok, report.entries, report.head_hash, report.first_bad_seq, report.problem
    )


def chain_head(ctx: ServiceContext) -> tuple[int, str]:
    """(sequence, hash) of the newest entry: printed in dossiers as an external anchor."""
    with ctx.session() as session:
        return audit.head(session)


def record_export(
    ctx: ServiceContext, case_id: int | None, what: str, details: dict[str, Any]
) -> int:
    """An `export` entry (dossier, package, call list...) in its own transaction."""
    with ctx.transaction() as session:
        return ctx.audit(
            session,
            action="export",
            entity=what,
            entity_id=case_id or 0,
            case_id=case_id,
            after=details,
        )
