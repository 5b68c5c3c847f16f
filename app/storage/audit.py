"""Hash-chained audit log: append inside the caller's transaction, verify the whole chain.

Each entry's `payload` is canonical JSON (sorted keys, no spaces, UTF-8) holding its sequence
number, time, actor, action, entity, before/after and the previous entry's hash; `hash` is the
SHA-256 of `prev_hash` + payload. Verification recomputes every hash, checks the links, the
sequence, the copied columns and the head pointer, and names the first bad entry.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.domain.timeutil import ensure_utc, iso_utc, now_utc
from app.storage.models.audit import AuditEntryRow, AuditHeadRow

GENESIS_HASH = "0" * 64


def canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_j)


def _j(value: Any) -> Any:
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, set | frozenset | tuple):
        return sorted(value) if isinstance(value, set | frozenset) else list(value)
    return str(value)


def chain_hash(prev_hash: str, payload: str) -> str:
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: Any,
    case_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> int:
    """Append one entry in the caller's transaction and return its sequence number.
    If this fails, the caller's whole action fails with it (nothing unaudited is kept)."""
    # Take the head row's write lock first: on SQLite this starts the write transaction, on
    # PostgreSQL it locks the row, so two writers can never fork the chain.
    session.execute(update(AuditHeadRow).where(AuditHeadRow.id == 1).values(seq=AuditHeadRow.seq))
    head = session.execute(
        select(AuditHeadRow.seq, AuditHeadRow.hash).where(AuditHeadRow.id == 1)
    ).one()
    seq = int(head.seq) + 1
    at = now_utc()
    body = {
        "seq": seq,
        "at": iso_utc(at),
        "actor": actor,
        "action": action,
        "entity": entity,
        "entity_id": str(entity_id),
        "case_id": case_id,
        "before": before,
        "after": after,
        "prev_hash": head.hash,
    }
    payload = canonical(body)
    digest = chain_hash(head.hash, payload)
    session.add(
        AuditEntryRow(
            seq=seq,
            at=at,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            case_id=case_id,
            payload=payload,
            prev_hash=head.hash,
            hash=digest,
        )
    )
    session.execute(update(AuditHeadRow).where(AuditHeadRow.id == 1).values(seq=seq, hash=digest))
    session.flush()
    return seq


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    head_hash: str
    first_bad_seq: int | None = None
    problem: str = ""


def head(session: Session) -> tuple[int, str]:
    """Sequence number and hash of the chain head (printed in dossiers)."""
    row = session.execute(
        select(AuditHeadRow.seq, AuditHeadRow.hash).where(AuditHeadRow.id == 1)
    ).one()
    return int(row.seq), str(row.hash)


def verify(session: Session, batch: int = 5000) -> ChainReport:
    """Walk the chain in sequence order; stop at the first entry that does not check out."""
    prev_hash, expected_seq, count = GENESIS_HASH, 1, 0
    last_seq = 0
    stmt = select(AuditEntryRow).order_by(AuditEntryRow.seq).execution_options(yield_per=batch)
    for row in session.scalars(stmt):
        problem = _check_row(row, expected_seq, prev_hash)
        if problem:
            # A gap names the missing entry; anything else names the entry itself.
            bad = expected_seq if row.seq > expected_seq else row.seq
            return ChainReport(False, count, prev_hash, bad, problem)
        prev_hash, expected_seq, last_seq, count = row.hash, row.seq + 1, row.seq, count + 1
    head_seq, head_hash = head(session)
    if head_seq != last_seq or head_hash != prev_hash:
        missing = last_seq + 1 if head_seq > last_seq else head_seq
        return ChainReport(
            False,
            count,
            prev_hash,
            missing,
            f"the chain ends at entry {last_seq} but its head says {head_seq}: "
            "entries at the end were removed or the head was changed",
        )
    return ChainReport(True, count, prev_hash)


def _check_row(row: AuditEntryRow, expected_seq: int, prev_hash: str) -> str:
    if row.seq != expected_seq:
        if row.seq > expected_seq:
            return f"entry {expected_seq} is missing (next entry is {row.seq})"
        return f"entry {row.seq} is out of order"
    try:
        body = json.loads(row.payload)
    except ValueError:
        return f"entry {row.seq}: its content is not readable"
    if chain_hash(row.prev_hash, row.payload) != row.hash:
        return f"entry {row.seq}: its content does not match its hash (edited)"
    if row.prev_hash != prev_hash or body.get("prev_hash") != prev_hash:
        return f"entry {row.seq}: it does not follow entry {row.seq - 1} (inserted or reordered)"
    copies = {
        "seq": row.seq,
        "at": iso_utc(ensure_utc(row.at)),
        "actor": row.actor,
        "action": row.action,
        "entity": row.entity,
        "entity_id": row.entity_id,
        "case_id": row.case_id,
    }
    for key, value in copies.items():
        if body.get(key) != value:
            return f"entry {row.seq}: column {key} differs from the recorded content (edited)"
    return ""
