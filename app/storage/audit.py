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
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import String, cast, select, text, update
from sqlalchemy.orm import Session

from app.domain.timeutil import iso_utc, now_utc
from app.storage.models.audit import AuditEntryRow, AuditHeadRow
from app.storage.models.cases import CaseRow, EvidenceRow, PartyRow

GENESIS_HASH = "0" * 64


def canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_j)


def _j(value: Any) -> Any:
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, set | frozenset | tuple):
        return sorted(value) if isinstance(value, set | frozenset) else list(value)
    return str(value)


def _is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def lock_head(session: Session) -> tuple[int, str]:
    """Lock the chain head for the rest of the caller's transaction and return it."""
    if _is_postgres(session):
        # The app's role may not touch the audit tables: SECURITY DEFINER functions lock the
        # head, check an entry against it and write it (migration 0009).
        row = session.execute(text("SELECT head_seq, head_hash FROM casebook_audit_head()")).one()
    else:
        # Touching the head row starts SQLite's write transaction: no second writer can fork
        # the chain.
        session.execute(
            update(AuditHeadRow).where(AuditHeadRow.id == 1).values(seq=AuditHeadRow.seq)
        )
        row = session.execute(
            select(AuditHeadRow.seq, AuditHeadRow.hash).where(AuditHeadRow.id == 1)
        ).one()
    return int(row[0]), str(row[1])


def last_stored_seq(session: Session) -> int:
    """The highest entry number present (0 for an empty log)."""
    value = session.execute(text("SELECT max(seq) FROM audit_entries")).scalar()
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


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
    session.flush()
    postgres = _is_postgres(session)
    head_seq, head_hash = lock_head(session)
    seq = int(head_seq) + 1
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
        "prev_hash": head_hash,
    }
    payload = canonical(body)
    digest = chain_hash(head_hash, payload)
    if postgres:
        session.execute(
            text("SELECT casebook_audit_append(:payload, :hash)"),
            {"payload": payload, "hash": digest},
        )
        return seq
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
            prev_hash=head_hash,
            hash=digest,
        )
    )
    session.flush()
    session.execute(update(AuditHeadRow).where(AuditHeadRow.id == 1).values(seq=seq, hash=digest))
    return seq


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    head_hash: str
    first_bad_seq: int | None = None
    problem: str = ""
    last_seq: int = 0


def head(session: Session) -> tuple[int, str]:
    """Sequence number and hash of the chain head (raises NoResultFound when it was removed)."""
    row = session.execute(
        select(AuditHeadRow.seq, AuditHeadRow.hash).where(AuditHeadRow.id == 1)
    ).one()
    return int(row.seq), str(row.hash)


def entry_hash(session: Session, seq: int) -> str | None:
    """The stored hash of entry `seq`, or None when there is no such entry."""
    value = session.execute(select(AuditEntryRow.hash).where(AuditEntryRow.seq == seq)).scalar()
    return None if value is None else str(value)


_RAW_ENTRIES = text(
    "SELECT seq, at, actor, action, entity, entity_id, case_id, payload, prev_hash, hash "
    "FROM audit_entries ORDER BY seq"
)


def verify(session: Session, batch: int = 5000) -> ChainReport:
    """Walk the chain in sequence order; stop at the first entry that does not check out.
    Rows are read raw (no type conversion) so that a garbage value is named, not raised."""
    prev_hash, expected_seq, count = GENESIS_HASH, 1, 0
    last_seq = 0
    result = session.execute(_RAW_ENTRIES.execution_options(yield_per=batch))
    for row in result:
        problem, seq = _check_row(row, expected_seq, prev_hash)
        if problem:
            # A gap names the missing entry; anything else names the entry itself.
            bad = expected_seq if seq is not None and seq > expected_seq else seq
            result.close()
            return ChainReport(False, count, prev_hash, bad or expected_seq, problem, last_seq)
        prev_hash, last_seq, count = str(row.hash), expected_seq, count + 1
        expected_seq += 1
    head_row = session.execute(
        select(AuditHeadRow.seq, AuditHeadRow.hash).where(AuditHeadRow.id == 1)
    ).first()
    if head_row is None:
        return ChainReport(
            False,
            count,
            prev_hash,
            last_seq + 1,
            "the head record of the audit log was removed: entries at the end may be missing",
            last_seq,
        )
    head_seq, head_hash = int(head_row.seq), str(head_row.hash)
    if head_seq != last_seq or head_hash != prev_hash:
        missing = last_seq + 1 if head_seq > last_seq else head_seq
        return ChainReport(
            False,
            count,
            prev_hash,
            missing,
            f"the chain ends at entry {last_seq} but its head says {head_seq}: "
            "entries at the end were removed or the head was changed",
            last_seq,
        )
    return ChainReport(True, count, prev_hash, last_seq=last_seq)


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        return int(str(value))
    except ValueError:
        return None


def _as_iso(value: Any) -> str | None:
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return iso_utc(moment)


def _check_row(row: Any, expected_seq: int, prev_hash: str) -> tuple[str, int | None]:
    seq = _as_int(row.seq)
    if seq is None:
        return f"entry after {expected_seq - 1}: its number is not readable ({row.seq!r})", None
    if seq != expected_seq:
        if seq > expected_seq:
            return f"entry {expected_seq} is missing (next entry is {seq})", seq
        return f"entry {seq} is out of order", seq
    payload, stored_hash = row.payload, row.hash
    if not isinstance(payload, str) or not isinstance(stored_hash, str):
        return f"entry {seq}: its content is not readable", seq
    try:
        body = json.loads(payload)
    except ValueError:
        return f"entry {seq}: its content is not readable", seq
    if not isinstance(body, dict):
        return f"entry {seq}: its content is not readable", seq
    if chain_hash(str(row.prev_hash), payload) != stored_hash:
        return f"entry {seq}: its content does not match its hash (edited)", seq
    if row.prev_hash != prev_hash or body.get("prev_hash") != prev_hash:
        return f"entry {seq}: it does not follow entry {seq - 1} (inserted or reordered)", seq
    at = _as_iso(row.at)
    if at is None:
        return f"entry {seq}: its time is not readable ({str(row.at)[:40]!r})", seq
    copies = {
        "seq": seq,
        "at": at,
        "actor": row.actor,
        "action": row.action,
        "entity": row.entity,
        "entity_id": row.entity_id,
        "case_id": _as_int(row.case_id) if row.case_id is not None else None,
    }
    for key, value in copies.items():
        if body.get(key) != value:
            return f"entry {seq}: column {key} differs from the recorded content (edited)", seq
    return "", seq


HISTORY_ENTITIES = (("case", CaseRow), ("party", PartyRow), ("evidence", EvidenceRow))


def without_history(session: Session, limit: int = 20) -> list[tuple[str, int]]:
    """Cases, parties and evidence items that exist but have no audit entry at all: their
    history was removed (a deleted tail, a truncated log), or they were written around the app."""
    out: list[tuple[str, int]] = []
    for entity, model in HISTORY_ENTITIES:
        audited = select(AuditEntryRow.entity_id).where(AuditEntryRow.entity == entity)
        ids = session.scalars(
            select(model.id)
            .where(cast(model.id, String).not_in(audited))
            .order_by(model.id)
            .limit(limit)
        )
        out.extend((entity, int(i)) for i in ids)
    return out
