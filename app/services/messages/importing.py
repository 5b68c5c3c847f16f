"""Importing one chat export (file, zip or folder) or screenshot into a case: all or nothing.

The file the investigator hands over is stored as evidence (kind `chat`, SHA-256 first) in
the same transaction as its batch and messages; the same file is refused the second time;
a message already in the case (same sender, second, text and occurrence) counts as a
duplicate. Attachments found in the export are stored as evidence too (parent: the export)
and linked to their message. Senders whose number is a party's are linked at once; a sender
whose name matches a party is proposed, and `link_sender` confirms it."""

from __future__ import annotations

from collections import Counter
from hashlib import blake2b
from pathlib import Path, PurePosixPath
from typing import Any

from app.domain import timeutil
from app.domain.errors import Duplicate
from app.domain.messages.abuse import detect
from app.domain.messages.records import AbuseFlag, MessageKind, MessageRecord
from app.domain.progress import NullProgress, Progress, check_cancel
from app.ingest.messages.common import ParseOptions
from app.ingest.messages.exports import ExportRead, SourceFile, read_export
from app.services.core.context import ServiceContext
from app.services.core.evidence_files import EvidenceInfo, add_evidence, insert_evidence_row
from app.services.messages.dto import ImportRequest, MessageImportResult, ProposedLink, Rejected
from app.storage.repositories import calls as call_repo
from app.storage.repositories import messages as repo

CANCEL_EVERY = 2_000
KEEP_REJECTIONS = 10_000
_KINDS_BY_SUFFIX = {
    **dict.fromkeys((".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".bmp"), "photo"),
    **dict.fromkeys((".ogg", ".opus", ".mp3", ".m4a", ".aac", ".wav", ".amr"), "audio"),
}


def dedupe_key(record: MessageRecord, occurrence: int) -> int:
    """64-bit key of what makes a message the same message in two exports: who, the second,
    the text, and which repeat of that it is in its file ("ок" twice in one minute)."""
    who = record.sender_number or repo.fold(record.sender)
    text = f"{who}|{int(record.sent_utc.timestamp())}|{record.text}|{occurrence}"
    return int.from_bytes(blake2b(text.encode(), digest_size=8).digest(), "big", signed=True)


def _store(
    ctx: ServiceContext,
    session: Any,
    case_id: int,
    file: SourceFile,
    kind: str,
    progress: Progress,
    **fields: Any,
) -> EvidenceInfo:
    if file.path is not None:
        return add_evidence(
            ctx, case_id, file.path, kind=kind, session=session, progress=progress, **fields
        )
    blob = ctx.evidence.put_bytes(file.read())
    row = insert_evidence_row(
        ctx, session, case_id, blob.sha256, blob.size, kind, file.name, **fields
    )
    return EvidenceInfo(
        row.id, case_id, blob.sha256, blob.size, kind, file.name, row.source,
        row.provided_by, None, row.tz, row.parent_id, None, None, dict(row.meta or {}),
        row.created_at, row.created_by,
    )  # fmt: skip


def _flags_json(flags: tuple[AbuseFlag, ...]) -> list[list[Any]]:
    return [[f.category, f.word, f.start, f.end] for f in flags]


def _prepare(
    read: ExportRead, progress: Progress
) -> list[tuple[MessageRecord, tuple[AbuseFlag, ...], int]]:
    """Abuse flags and dedupe keys of every message (CPU work, before the transaction)."""
    seen: Counter[tuple[str, float, str]] = Counter()
    out = []
    total = len(read.chat.messages)
    for n, record in enumerate(read.chat.messages, start=1):
        flags = detect(record.text) if record.kind != MessageKind.SYSTEM else ()
        who = record.sender_number or record.sender
        triple = (who, record.sent_utc.timestamp(), record.text)
        seen[triple] += 1
        out.append((record, flags, dedupe_key(record, seen[triple])))
        if n % CANCEL_EVERY == 0:
            check_cancel(progress)
            progress.report(n, total, "checking")
    return out


def import_messages(
    ctx: ServiceContext,
    case_id: int,
    path: Path,
    request: ImportRequest | None = None,
    progress: Progress | None = None,
) -> MessageImportResult:
    """Import `path` into the case. Raises `Duplicate` for a file already imported,
    `ValidationError` (its subclasses `ZoneNeeded`, `DayOrderNeeded` ask a question) for
    what cannot be read, `Cancelled` on cancel (nothing is kept)."""
    request = request or ImportRequest()
    progress = progress or NullProgress()
    if request.tz is not None:
        timeutil.zone(request.tz)
    path = Path(path)
    options = ParseOptions(
        tz=request.tz,
        owner=request.owner,
        day_first=request.day_first,
        region=ctx.settings.phone_region,
        date=request.date,
    )
    progress.report(0, None, "reading")
    read = read_export(path, request.fmt, options)
    check_cancel(progress)
    prepared = _prepare(read, progress)
    with ctx.transaction() as session:
        container = _store(
            ctx, session, case_id, read.container, _container_kind(read), progress,
            source=f"messages:{read.format.value}", provided_by=request.provided_by,
            tz=request.tz,
        )  # fmt: skip
        earlier = repo.batch_of_file(session, case_id, container.sha256)
        if earlier is not None:
            raise Duplicate(
                f"{path.name}: this file was already imported into the case "
                f"(batch {earlier[0]}, {timeutil.iso_utc(earlier[1])})"
            )
        evidence_ids = [container.id]
        for part in read.parts:
            if read.container.path is not None:  # pages of a folder export, files of their own
                stored = _store(
                    ctx, session, case_id, part, "chat", progress, parent_id=container.id
                )
                evidence_ids.append(stored.id)
        batch_id = repo.add_batch(
            session,
            case_id=case_id,
            evidence_id=container.id,
            sha256=container.sha256,
            original_name=path.name,
            format=read.format.value,
            title=read.chat.title,
            owner=read.chat.owner,
            owner_number=read.chat.owner_number,
            tz=request.tz,
            options={"format": request.fmt, "day_first": request.day_first, "date": request.date},
            evidence_ids=evidence_ids,
            created_at=timeutil.now_utc(),
            created_by=ctx.actor,
        )
        screenshot = container.id if read.format.value == "screenshot" else None
        rows = [
            _row(case_id, batch_id, rec, flags, key, screenshot) for rec, flags, key in prepared
        ]
        check_cancel(progress)
        progress.report(len(rows), len(rows), "saving")
        repo.insert_messages(session, rows)
        imported, flagged = repo.batch_counts(session, batch_id)
        attachments = _attachments(
            ctx, session, case_id, batch_id, read, prepared, container.id, progress
        )
        linked, proposed = _link_parties(session, case_id, batch_id, prepared)
        rejected = [Rejected(r.line, r.reason, r.detail) for r in read.chat.rejected]
        repo.finish_batch(
            session,
            batch_id,
            imported=imported,
            duplicates=len(rows) - imported,
            rejected=len(rejected),
            flagged=flagged,
            rejections=[[r.line, r.reason, r.detail] for r in rejected[:KEEP_REJECTIONS]],
        )
        ctx.audit(
            session,
            action="import",
            entity="message_batch",
            entity_id=batch_id,
            case_id=case_id,
            after={
                "evidence_id": container.id,
                "sha256": container.sha256,
                "name": path.name,
                "format": read.format.value,
                "imported": imported,
                "duplicates": len(rows) - imported,
                "rejected": len(rejected),
                "flagged": flagged,
                "attachments": attachments,
                "tz": request.tz,
            },
        )
        return MessageImportResult(
            batch_id=batch_id,
            evidence_id=container.id,
            sha256=container.sha256,
            format=read.format.value,
            imported=imported,
            duplicates=len(rows) - imported,
            rejected=rejected,
            flagged=flagged,
            attachments=attachments,
            title=read.chat.title,
            tz=request.tz,
            linked=linked,
            proposed=proposed,
        )


def _inline(name: str, data: bytes) -> SourceFile:
    """An attachment the export carries inline (an MMS part)."""
    return SourceFile(name, lambda: data)


def _container_kind(read: ExportRead) -> str:
    return "photo" if read.format.value == "screenshot" else "chat"


def _row(
    case_id: int,
    batch_id: int,
    rec: MessageRecord,
    flags: tuple[AbuseFlag, ...],
    key: int,
    screenshot: int | None,
) -> dict[str, Any]:
    return {
        "case_id": case_id,
        "batch_id": batch_id,
        "line": rec.line,
        "sent_utc": rec.sent_utc,
        "sender": rec.sender[:200],
        "sender_number": rec.sender_number,
        "direction": rec.direction.value if rec.direction else None,
        "kind": rec.kind.value,
        "text": rec.text,
        "text_folded": repo.fold(rec.text),
        "chat": rec.chat[:500],
        "edited": rec.edited,
        "reply_to": rec.reply_to,
        "external_id": rec.external_id,
        "from_screenshot": rec.from_screenshot,
        "screenshot_id": screenshot if rec.from_screenshot else None,
        "region": list(rec.region) if rec.region else None,
        "flags": _flags_json(flags),
        "flagged": bool(flags),
        "party_id": None,
        "in_dossier": False,
        "dedupe_key": key,
    }


def _attachments(
    ctx: ServiceContext,
    session: Any,
    case_id: int,
    batch_id: int,
    read: ExportRead,
    prepared: list[tuple[MessageRecord, tuple[AbuseFlag, ...], int]],
    parent_id: int,
    progress: Progress,
) -> int:
    """Store the files the messages point at (when the export holds them) and link them."""
    carrying = [(rec, key) for rec, _flags, key in prepared if rec.attachments]
    if not carrying:
        return 0
    ids = repo.ids_of_keys(session, batch_id, [key for _rec, key in carrying])
    stored: dict[str, int] = {}
    rows = []
    for rec, key in carrying:
        message_id = ids.get(key)
        if message_id is None:
            continue  # a duplicate: the message already in the case keeps its own files
        for attachment in rec.attachments:
            evidence_id = stored.get(attachment.path) if attachment.path else None
            source = read.attachments.get(attachment.path) if attachment.path else None
            if source is None and attachment.data is not None:
                source = _inline(attachment.name, attachment.data)
            if evidence_id is None and source is not None:
                suffix = PurePosixPath(attachment.name.lower()).suffix
                info = _store(
                    ctx,
                    session,
                    case_id,
                    source,
                    _KINDS_BY_SUFFIX.get(suffix, "document"),
                    progress,
                    parent_id=parent_id,
                    source=f"attachment:{attachment.path or attachment.name}",
                )
                evidence_id = info.id
                if attachment.path:
                    stored[attachment.path] = evidence_id
            rows.append(
                {
                    "message_id": message_id,
                    "evidence_id": evidence_id,
                    "name": attachment.name[:500],
                    "path": attachment.path[:1000],
                    "mime": attachment.mime[:200],
                }
            )
    repo.add_attachments(session, rows)
    return len(rows)


def _link_parties(
    session: Any,
    case_id: int,
    batch_id: int,
    prepared: list[tuple[MessageRecord, tuple[AbuseFlag, ...], int]],
) -> tuple[dict[str, int], list[ProposedLink]]:
    """Link senders by a party's number; propose the ones whose name is a party's."""
    owners = call_repo.party_numbers(session, case_id)
    senders: dict[tuple[str, str | None], None] = {}
    for rec, _flags, _key in prepared:
        if rec.kind != MessageKind.SYSTEM:
            senders[(rec.sender, rec.sender_number)] = None
    by_number = {
        number: owners[number].party_id
        for _sender, number in senders
        if number is not None and number in owners
    }
    if by_number:
        repo.link_batch_senders(session, batch_id, by_number, {})
    linked = {s: by_number[n] for s, n in senders if n is not None and n in by_number}
    names = {
        repo.fold(name): (pid, name) for pid, name, _role in repo.party_names(session, case_id)
    }
    proposed = [
        ProposedLink(sender, number, names[repo.fold(sender)][0], names[repo.fold(sender)][1])
        for sender, number in senders
        if sender not in linked and repo.fold(sender) in names
    ]
    return linked, proposed
