"""Signed audit checkpoints: witnesses of the chain head that whoever holds only the database
cannot forge, and the checks of the chain against them (stored ones, the local journal, files
and anchors written down elsewhere).

A checkpoint signs `casebook-audit-checkpoint/1` + canonical JSON of the audited entry's number
and hash, the time and the key id. Editing an entry and recomputing every later hash, or
deleting entries at the end and repointing the head, no longer matches a checkpoint taken
after them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.domain.errors import ValidationError
from app.domain.timeutil import iso_utc, now_utc, parse_iso
from app.storage.audit import GENESIS_HASH, canonical, entry_hash, lock_head
from app.storage.audit_key import SigningKey, key_id, signature_ok
from app.storage.models.audit import AuditCheckpointRow

FORMAT = "casebook-audit-checkpoint"
PREFIX = b"casebook-audit-checkpoint/1\n"


@dataclass(frozen=True)
class Checkpoint:
    audit_seq: int
    audit_hash: str
    at: datetime
    actor: str
    key_id: str
    public_key: str
    signature: str
    number: int | None = None  # its row number in audit_checkpoints, once stored

    def message(self) -> bytes:
        return PREFIX + canonical(
            {
                "audit_seq": self.audit_seq,
                "audit_hash": self.audit_hash,
                "at": iso_utc(self.at),
                "key_id": self.key_id,
            }
        ).encode("utf-8")

    def signed(self) -> bool:
        return key_id(self.public_key) == self.key_id and signature_ok(
            self.public_key, self.message(), self.signature
        )

    def document(self) -> dict[str, Any]:
        """The JSON kept in a checkpoint file, a package and the journal."""
        return {
            "format": FORMAT,
            "seq": self.audit_seq,
            "hash": self.audit_hash,
            "at": iso_utc(self.at),
            "actor": self.actor,
            "key_id": self.key_id,
            "public_key": self.public_key,
            "signature": self.signature,
            "checkpoint": self.number,
        }


def from_document(data: Any, where: str) -> Checkpoint:
    """A checkpoint read back from its JSON; ValidationError naming `where` when malformed."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError(f"{where}: not a Casebook audit checkpoint", field="checkpoint")
    try:
        number = data.get("checkpoint")
        return Checkpoint(
            audit_seq=int(data["seq"]),
            audit_hash=_hex(data["hash"], 64),
            at=parse_iso(str(data["at"]), field="at"),
            actor=str(data.get("actor", "")),
            key_id=_hex(data["key_id"], 16),
            public_key=_hex(data["public_key"], 64),
            signature=_hex(data["signature"], 128),
            number=int(number) if number is not None else None,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError(
            f"{where}: the checkpoint is incomplete or malformed", field="checkpoint"
        ) from exc


def _hex(value: Any, length: int) -> str:
    text_value = str(value).lower()
    if len(text_value) != length or any(c not in "0123456789abcdef" for c in text_value):
        raise ValueError(f"not {length} hex digits")
    return text_value


def add(session: Session, checkpoint: Checkpoint) -> int:
    """Store a checkpoint in the caller's transaction; returns its number."""
    if session.get_bind().dialect.name == "postgresql":
        number = session.execute(
            text("SELECT casebook_audit_checkpoint(:at, :seq, :hash, :actor, :key_id, :pub, :sig)"),
            {
                "at": checkpoint.at,
                "seq": checkpoint.audit_seq,
                "hash": checkpoint.audit_hash,
                "actor": checkpoint.actor,
                "key_id": checkpoint.key_id,
                "pub": checkpoint.public_key,
                "sig": checkpoint.signature,
            },
        ).scalar_one()
        return int(number)
    # SQLite has one writer at a time: the caller already holds the write lock (audit head).
    number = (
        int(
            session.execute(select(func.coalesce(func.max(AuditCheckpointRow.seq), 0))).scalar_one()
        )
        + 1
    )
    session.add(
        AuditCheckpointRow(
            seq=number,
            at=checkpoint.at,
            audit_seq=checkpoint.audit_seq,
            audit_hash=checkpoint.audit_hash,
            actor=checkpoint.actor,
            key_id=checkpoint.key_id,
            public_key=checkpoint.public_key,
            signature=checkpoint.signature,
        )
    )
    session.flush()
    return number


def sign_head(session: Session, key: SigningKey, actor: str) -> Checkpoint:
    """Lock the head, sign it with `key` and store the checkpoint (caller's transaction)."""
    seq, digest = lock_head(session)
    unsigned = Checkpoint(seq, digest, now_utc(), actor, key.key_id, key.public_hex, "")
    signed = replace(unsigned, signature=key.sign(unsigned.message()))
    return replace(signed, number=add(session, signed))


_RAW = text(
    "SELECT seq, at, audit_seq, audit_hash, actor, key_id, public_key, signature "
    "FROM audit_checkpoints ORDER BY seq"
)


def stored(session: Session) -> tuple[list[Checkpoint], list[str]]:
    """Every stored checkpoint, and a problem line for each row that cannot even be read."""
    out: list[Checkpoint] = []
    problems: list[str] = []
    for row in session.execute(_RAW):
        try:
            at = row.at if isinstance(row.at, datetime) else datetime.fromisoformat(str(row.at))
            out.append(
                Checkpoint(
                    audit_seq=int(row.audit_seq),
                    audit_hash=str(row.audit_hash),
                    at=at if at.tzinfo else at.replace(tzinfo=UTC),
                    actor=str(row.actor),
                    key_id=str(row.key_id),
                    public_key=str(row.public_key),
                    signature=str(row.signature),
                    number=int(row.seq),
                )
            )
        except (TypeError, ValueError):
            problems.append(f"checkpoint {row.seq}: its record is not readable (edited)")
    return out, problems


def latest(session: Session) -> int:
    """The audited entry number of the newest stored checkpoint (0 when there is none)."""
    value = session.execute(select(func.max(AuditCheckpointRow.audit_seq))).scalar()
    return int(value or 0)


@dataclass(frozen=True)
class WitnessProblem:
    first_bad_seq: int
    message: str


def check_witness(
    session: Session, last_seq: int, seq: int, digest: str, what: str
) -> WitnessProblem | None:
    """Does the chain (ending at `last_seq`) still hold entry `seq` with hash `digest`?"""
    if seq == 0:
        return None if digest == GENESIS_HASH else WitnessProblem(1, f"{what}: not this log")
    if seq > last_seq:
        missing = (
            f"entry {seq} is missing"
            if seq == last_seq + 1
            else f"entries {last_seq + 1}–{seq} are missing"
        )
        return WitnessProblem(
            last_seq + 1,
            f"{what} witnessed entry {seq}, but the log ends at entry {last_seq}: {missing}",
        )
    stored_hash = entry_hash(session, seq)
    if stored_hash != digest:
        return WitnessProblem(
            seq,
            f"{what} witnessed entry {seq} with another hash: the log was rewritten at or "
            f"before entry {seq}",
        )
    return None


def read_journal(path: Path) -> tuple[list[Checkpoint], list[str]]:
    """The checkpoints this installation appended to its journal outside the database."""
    if not path.exists():
        return [], []
    out: list[Checkpoint] = []
    problems: list[str] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return [], [f"{path}: the checkpoint journal is not readable"]
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            out.append(from_document(json.loads(line), f"{path}:{number}"))
        except (ValueError, ValidationError):
            problems.append(f"{path}:{number}: not a readable checkpoint")
    return out, problems


def append_journal(path: Path, checkpoint: Checkpoint) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(checkpoint.document(), ensure_ascii=False, sort_keys=True)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")
        handle.flush()
