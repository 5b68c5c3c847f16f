"""Adding any file to a case as evidence, listing it, and verifying stored hashes.

The bytes go into the content-addressed store (copied while hashing, re-hashed, read-only);
the `evidence` row points at the hash. Video probing and indexing build on top of this in
`app.services.video.intake*`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.domain import timeutil
from app.domain.case_records import EvidenceInfo as EvidenceInfo
from app.domain.errors import ValidationError
from app.domain.progress import Progress
from app.services.core.context import ServiceContext
from app.storage.evidence_store import StoredBlob
from app.storage.repositories.core import evidence as repo
from app.storage.repositories.core.cases import case_row
from app.storage.repositories.core.convert import evidence_info as evidence_info
from app.storage.session import Session

KINDS = (
    "dashcam",
    "cctv",
    "photo",
    "document",
    "statement",
    "audio",
    "other",
    "calllog",
    "chat",
    "still",
    "dossier",
)


@dataclass(frozen=True)
class EvidenceCheck:
    id: int
    sha256: str
    original_name: str
    ok: bool
    state: str = "ok"  # ok | missing (no stored file) | changed (bytes differ from the hash)


def check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValidationError(f"kind {kind!r} is not one of {', '.join(KINDS)}", field="kind")


def insert_evidence_row(
    ctx: ServiceContext,
    session: Session,
    case_id: int,
    sha256: str,
    size: int,
    kind: str,
    original_name: str,
    **fields: Any,
) -> EvidenceInfo:
    """Register an already stored blob inside the caller's transaction (audited)."""
    check_kind(kind)
    row = repo.new_evidence(
        session,
        case_id=case_id,
        sha256=sha256,
        size=size,
        kind=kind,
        original_name=original_name,
        source=fields.pop("source", "") or "",
        provided_by=fields.pop("provided_by", "") or "",
        created_at=timeutil.now_utc(),
        created_by=ctx.actor,
        meta=fields.pop("meta", {}) or {},
        **fields,
    )
    ctx.audit(
        session,
        action="create",
        entity="evidence",
        entity_id=row.id,
        case_id=case_id,
        after={
            "sha256": sha256,
            "size": size,
            "kind": kind,
            "name": original_name,
            "parent_id": row.parent_id,
            "frame_index": row.frame_index,
        },
    )
    return evidence_info(row)


def check_source(path: Path) -> Path:
    """A file to add as evidence: an existing regular file, never a symbolic link (what it
    points to may change; the investigator adds the target itself, knowingly)."""
    path = Path(path)
    if path.is_symlink():
        raise ValidationError(
            f"{path}: is a symbolic link (to {os.path.realpath(path)}); add the file itself",
            field="file",
        )
    if not path.is_file():
        raise ValidationError(f"{path}: no such file", field="file")
    return path


def add_evidence(
    ctx: ServiceContext,
    case_id: int,
    path: Path,
    *,
    kind: str,
    source: str = "",
    provided_by: str = "",
    acquired_at: datetime | None = None,
    tz: str | None = None,
    meta: dict[str, Any] | None = None,
    progress: Progress | None = None,
    session: Session | None = None,
    blob: StoredBlob | None = None,
) -> EvidenceInfo:
    """Store a file and register it. With `session`, the row joins the caller's transaction
    (e.g. a call-log import that must be all or nothing); the blob itself is harmless if the
    transaction later rolls back: it is content-addressed and simply unreferenced."""
    check_kind(kind)
    if tz is not None:
        timeutil.zone(tz)
    path = check_source(path)
    if blob is None:  # else stored already, off the database lane (`prepare_evidence`)
        blob = ctx.evidence.put(path, progress)
    fields: dict[str, Any] = {
        "source": source,
        "provided_by": provided_by,
        "acquired_at": acquired_at,
        "tz": tz,
        "meta": meta or {},
    }
    if session is not None:
        row = insert_evidence_row(
            ctx, session, case_id, blob.sha256, blob.size, kind, path.name, **fields
        )
        _audit_repair(ctx, session, blob, case_id)
        return row
    with ctx.transaction() as own:
        case_row(own, case_id)  # NotFound before anything is written
        row = insert_evidence_row(
            ctx, own, case_id, blob.sha256, blob.size, kind, path.name, **fields
        )
        _audit_repair(ctx, own, blob, case_id)
        return row


def _audit_repair(ctx: ServiceContext, session: Session, blob: StoredBlob, case_id: int) -> None:
    """The stored copy of this content was damaged and the new copy replaced it."""
    if blob.repaired:
        ctx.audit(
            session,
            action="repair",
            entity="evidence_blob",
            entity_id=blob.sha256,
            case_id=case_id,
            after={"sha256": blob.sha256, "size": blob.size, "repaired_from": "re-added file"},
        )


def list_evidence(ctx: ServiceContext, case_id: int) -> list[EvidenceInfo]:
    with ctx.session() as session:
        return [evidence_info(r) for r in repo.evidence_rows(session, case_id)]


def get_evidence(ctx: ServiceContext, evidence_id: int) -> EvidenceInfo:
    with ctx.session() as session:
        return evidence_info(repo.evidence_row(session, evidence_id))


def evidence_path(ctx: ServiceContext, info: EvidenceInfo) -> Path:
    """Where the stored (read-only) bytes are; never open it for writing."""
    return ctx.evidence.path_of(info.sha256)


def verify_evidence(
    ctx: ServiceContext, case_id: int | None = None, progress: Progress | None = None
) -> list[EvidenceCheck]:
    """Re-hash every stored file (of one case, or all)."""
    with ctx.session() as session:
        rows = [evidence_info(r) for r in repo.evidence_rows(session, case_id)]
    out = []
    for n, info in enumerate(rows):
        if progress is not None:
            progress.report(n, len(rows), info.original_name)
        state = ctx.evidence.status(info.sha256)
        out.append(EvidenceCheck(info.id, info.sha256, info.original_name, state == "ok", state))
    return out
