"""Evidence files of a case: the rows that point at blobs of the content-addressed store."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.storage.models.cases import EvidenceRow
from app.storage.session import fetched, inserted


def new_evidence(session: Session, **fields: Any) -> EvidenceRow:
    """Insert an evidence row (flushed, so it has its id)."""
    return inserted(session, EvidenceRow(**fields))


def evidence_row(session: Session, evidence_id: int) -> EvidenceRow:
    return fetched(session, EvidenceRow, evidence_id, f"no evidence with id {evidence_id}")


def evidence_rows(session: Session, case_id: int | None = None) -> list[EvidenceRow]:
    """The evidence of one case, or of all cases, in the order it was added."""
    stmt = select(EvidenceRow).order_by(EvidenceRow.id)
    if case_id is not None:
        stmt = stmt.where(EvidenceRow.case_id == case_id)
    return list(session.scalars(stmt))
