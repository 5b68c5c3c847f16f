"""Signed audit checkpoints (taken at every export and on request) and the full verification
of the audit log against them, against anchors written down elsewhere and against the cases,
parties and evidence that must have a history.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain.errors import ValidationError
from app.services.core.context import ServiceContext
from app.services.core.outputs import check_output_path
from app.storage import audit, audit_checkpoints, audit_key
from app.storage.audit_checkpoints import Checkpoint

KEY_FILE_NAME = "audit-signing.key"
JOURNAL_NAME = "audit-checkpoints.jsonl"


@dataclass(frozen=True)
class CheckpointInfo:
    number: int
    seq: int
    hash: str
    at: str
    key_id: str
    document: dict[str, Any]

    @property
    def anchor(self) -> dict[str, Any]:
        """What `export dossier|package --json` print as `audit_checkpoint`."""
        return {"seq": self.seq, "hash": self.hash}


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    source: str  # how the user gave it: "--anchor 12:ab…" or the checkpoint file's name


@dataclass
class AuditVerification:
    ok: bool
    entries: int
    head_hash: str
    first_bad_seq: int | None
    problem: str
    problems: list[str] = field(default_factory=list)
    checkpoints: int = 0
    anchors: int = 0
    without_history: list[str] = field(default_factory=list)
    key_id: str = ""


def signing_key(ctx: ServiceContext) -> audit_key.SigningKey:
    """This installation's key (OS key store or key file); the key file's path goes into the
    settings the first time it is made."""
    configured = ctx.settings.audit_key_file.strip()
    path = Path(configured) if configured else ctx.data_dir / KEY_FILE_NAME
    key = audit_key.load_or_create(path, keyring_user=str(ctx.data_dir.resolve()))
    if key.where != "keyring" and not configured:
        ctx.settings.audit_key_file = str(path)
        ctx.settings.save(ctx.config_dir)
    return key


def fingerprint_secret(ctx: ServiceContext) -> bytes:
    """The installation's secret for keyed fingerprints of personal values."""
    return signing_key(ctx).derived_secret("fingerprint")


def journal_path(ctx: ServiceContext) -> Path:
    return ctx.config_dir / JOURNAL_NAME


def take_checkpoint(ctx: ServiceContext) -> CheckpointInfo:
    """Sign the current head, store the checkpoint and append it to the local journal."""
    key = signing_key(ctx)
    with ctx.transaction() as session:
        checkpoint = audit_checkpoints.sign_head(session, key, ctx.actor)
    audit_checkpoints.append_journal(journal_path(ctx), checkpoint)
    return _info(checkpoint)


def _info(checkpoint: Checkpoint) -> CheckpointInfo:
    document = checkpoint.document()
    return CheckpointInfo(
        checkpoint.number or 0,
        checkpoint.audit_seq,
        checkpoint.audit_hash,
        str(document["at"]),
        checkpoint.key_id,
        document,
    )


def save_checkpoint(ctx: ServiceContext, info: CheckpointInfo, out: Path) -> Path:
    """Write a checkpoint file to keep elsewhere (never inside the data dir); never overwrite."""
    target = check_output_path(ctx, out)
    data = json.dumps(info.document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError as exc:
        raise ValidationError(f"{out}: already exists; choose a new file name", "out") from exc
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(data)
    return target


def parse_anchor(text: str) -> Anchor:
    """`SEQ:HASH` as printed in a dossier or by `export --json`."""
    seq_text, sep, digest = text.strip().partition(":")
    digest = digest.strip().lower()
    if (
        not sep
        or not seq_text.strip().isdigit()
        or len(digest) != 64
        or any(c not in "0123456789abcdef" for c in digest)
    ):
        raise ValidationError(
            f"--anchor {text!r}: expected SEQ:HASH (an entry number and 64 hex digits)",
            field="anchor",
        )
    return Anchor(int(seq_text), digest, f"anchor {int(seq_text)}:{digest[:12]}…")


def read_checkpoint_file(path: Path) -> Checkpoint:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ValidationError(f"{path}: cannot read ({exc.strerror})", field="checkpoint") from exc
    if len(raw) > 64 * 1024:
        raise ValidationError(f"{path}: too large for a checkpoint file", field="checkpoint")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValidationError(f"{path}: not a checkpoint file (not JSON)", "checkpoint") from exc
    return audit_checkpoints.from_document(data, str(path))


def verify_log(
    ctx: ServiceContext,
    anchors: list[Anchor] | None = None,
    checkpoint_files: list[Path] | None = None,
) -> AuditVerification:
    """The chain, every stored and journalled checkpoint, the given anchors and checkpoint
    files, and the history of every case, party and evidence item. Problems are named; nothing
    raises on a damaged log."""
    external = [(read_checkpoint_file(p), p.name) for p in checkpoint_files or []]
    key = signing_key(ctx)
    journal, journal_problems = audit_checkpoints.read_journal(journal_path(ctx))
    problems: list[tuple[int, str]] = []
    with ctx.session() as session:
        chain = audit.verify(session)
        if not chain.ok:
            problems.append((chain.first_bad_seq or 0, chain.problem))
        last = audit.last_stored_seq(session)
        stored, unreadable = audit_checkpoints.stored(session)
        problems += [(0, p) for p in unreadable + journal_problems]
        witnesses = [(c, f"checkpoint {c.number}") for c in stored]
        witnesses += [(c, f"journal checkpoint of entry {c.audit_seq}") for c in journal]
        witnesses += [(c, f"checkpoint file {name}") for c, name in external]
        for checkpoint, what in witnesses:
            if not checkpoint.signed():
                problems.append((checkpoint.audit_seq, f"{what}: its signature is not valid"))
                continue
            problem = audit_checkpoints.check_witness(
                session, last, checkpoint.audit_seq, checkpoint.audit_hash, what
            )
            if problem:
                problems.append((problem.first_bad_seq, problem.message))
        for anchor in anchors or []:
            problem = audit_checkpoints.check_witness(
                session, last, anchor.seq, anchor.hash, anchor.source
            )
            if problem:
                problems.append((problem.first_bad_seq, problem.message))
        orphans = [f"{entity} {ident}" for entity, ident in audit.without_history(session)]
    if orphans:
        problems.append(
            (0, "no audit history for " + ", ".join(orphans) + " (entries were removed)")
        )
    # Name the entry where the trouble starts; problems without an entry number come after.
    numbered = sorted((seq, text) for seq, text in problems if seq)
    first_bad, first_text = numbered[0] if numbered else (None, problems[0][1] if problems else "")
    return AuditVerification(
        ok=not problems,
        entries=chain.entries,
        head_hash=chain.head_hash,
        first_bad_seq=first_bad,
        problem=first_text,
        problems=[p[1] for p in problems],
        checkpoints=len(witnesses),
        anchors=len(anchors or []),
        without_history=orphans,
        key_id=key.key_id,
    )
