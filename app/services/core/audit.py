"""Reading and verifying the audit log."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain.case_records import AuditEntryInfo as AuditEntryInfo
from app.services.core.context import ServiceContext
from app.storage import audit
from app.storage.repositories.core import audit as repo


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
        return repo.entries(session, case_id, limit, offset)


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


def last_change(
    ctx: ServiceContext, skip_actions: Collection[str]
) -> tuple[int, str, datetime] | None:
    """(sequence, hash, time) of the newest entry whose action is not in `skip_actions`."""
    with ctx.session() as session:
        return repo.last_change(session, skip_actions)


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
