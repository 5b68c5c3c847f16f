"""Reading the audit log (writing and verifying its hash chain is `app.storage.audit`)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.case_records import AuditEntryInfo
from app.storage.models.audit import AuditEntryRow
from app.storage.repositories.core.convert import audit_entry_info


def entries(
    session: Session, case_id: int | None = None, limit: int = 1000, offset: int = 0
) -> list[AuditEntryInfo]:
    """Newest first, of one case or of all."""
    stmt = select(AuditEntryRow).order_by(AuditEntryRow.seq.desc()).offset(offset).limit(limit)
    if case_id is not None:
        stmt = stmt.where(AuditEntryRow.case_id == case_id)
    return [audit_entry_info(row) for row in session.scalars(stmt)]


def last_change(
    session: Session, skip_actions: Collection[str]
) -> tuple[int, str, datetime] | None:
    """(sequence, hash, time) of the newest entry whose action is not one of `skip_actions`
    (reads and exports change nothing), or None when there is none."""
    row = session.execute(
        select(AuditEntryRow.seq, AuditEntryRow.hash, AuditEntryRow.at)
        .where(AuditEntryRow.action.not_in(list(skip_actions)))
        .order_by(AuditEntryRow.seq.desc())
        .limit(1)
    ).first()
    return None if row is None else (int(row[0]), str(row[1]), row[2])
