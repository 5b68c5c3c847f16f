"""Importing one call-log file into a case: all or nothing, streaming, deduplicated.

The source file is stored as evidence (kind `calllog`) and registered in the same
transaction as its batch and calls; the same file (sha256) is refused the second time, and
calls already in the case (the same start, parties, virtual number and duration, e.g. from an
overlapping export) are skipped by the unique `dedupe_key`. Rows go in with Core `insert()`
executemany in batches (on SQLite the compiled statement goes straight to the driver with
tuples), so memory stays flat and the speed stays near the database's own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from hashlib import blake2b
from pathlib import Path

from app.domain import timeutil
from app.domain.calls.records import CallColumns, CallRecord
from app.domain.collector import paused_gc
from app.domain.errors import Duplicate, ValidationError
from app.domain.progress import NullProgress, Progress, check_cancel
from app.domain.spreadsheet import SafeCsvWriter
from app.ingest.calls import CallRowReader
from app.ingest.calls_columns import CallColumnReader
from app.ingest.tabular import iter_batches
from app.services.calls.dto import ImportOptions, ImportResult, Rejection
from app.services.calls.intake import check_recognition, plan_calls, recognition
from app.services.core.context import ServiceContext
from app.services.core.evidence_files import add_evidence
from app.storage.repositories import calls as repo

CANCEL_EVERY = 5_000
KEEP_REJECTIONS = 100_000  # a report longer than this says nothing more; the count stays exact


def dedupe_key(record: CallRecord) -> int:
    """64-bit key of what makes a call the same call in two exports."""
    text = (
        f"{int(record.start_utc.timestamp())}|{record.caller}|{record.callee}|"
        f"{record.virtual or ''}|{record.duration_s}"
    )
    return int.from_bytes(blake2b(text.encode(), digest_size=8).digest(), "big", signed=True)


def dedupe_keys(calls: CallColumns) -> list[int]:
    """`dedupe_key` of every call of a column-wise batch."""
    key = blake2b
    whole = int.from_bytes
    texts = [
        f"{start // 1_000_000}|{caller}|{callee}|{virtual or ''}|{duration}"
        for start, caller, callee, virtual, duration in zip(
            calls.start_us,
            calls.caller,
            calls.callee,
            calls.virtual,
            calls.duration_s,
            strict=True,
        )
    ]
    return [whole(key(t.encode(), digest_size=8).digest(), "big", signed=True) for t in texts]


def _estimate_rows(path: Path, sample: Sequence[Sequence[str]], delimiter: str) -> int | None:
    """Rows in the file, guessed from its size and the sample's line length (for progress)."""
    if not sample:
        return None
    width = sum(len(delimiter.join(r)) + 2 for r in sample) / len(sample)
    return max(1, int(path.stat().st_size / max(width, 1.0)))


def import_calls(
    ctx: ServiceContext,
    case_id: int,
    path: Path,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import `path` into the case. Raises `Duplicate` for a file already imported,
    `ValidationError` for a file or options that cannot work, `Cancelled` on cancel
    (nothing is kept)."""
    options = options or ImportOptions()
    progress = progress or NullProgress()
    path = Path(path)
    with ctx.session() as session:
        case_tz = repo.case_zone(session, case_id)
    plan, spec = plan_calls(ctx, path, options, case_tz)
    check_recognition(plan, options, path.name)
    reader = CallRowReader(plan.fmt, spec)  # mapping and zone problems surface before any work
    estimate = _estimate_rows(path, plan.fmt.sample, plan.fmt.delimiter or ",")
    with ctx.transaction() as session:
        evidence = add_evidence(
            ctx, case_id, path, kind="calllog", tz=plan.tz, session=session, progress=progress
        )
        earlier = repo.batch_of_file(session, case_id, evidence.sha256)
        if earlier is not None:
            raise Duplicate(
                f"{path.name}: this file was already imported into the case "
                f"(batch {earlier[0]}, {timeutil.iso_utc(earlier[1])})"
            )
        recorded_options = {
            "preset": plan.preset.name if plan.preset else None,
            "recognized": plan.guess.basis,
            "confidence": plan.guess.confidence,
            "mapping": dict(plan.mapping),
            "constants": dict(plan.constants),
            "encoding": plan.fmt.encoding,
            "delimiter": plan.fmt.delimiter,
            "has_header": plan.fmt.has_header,
            "region": spec.region,
        }
        batch_id = repo.add_batch(
            session,
            case_id=case_id,
            evidence_id=evidence.id,
            sha256=evidence.sha256,
            original_name=path.name,
            options=recorded_options,
            tz=plan.tz,
            created_at=timeutil.now_utc(),
            created_by=ctx.actor,
        )
        writer = repo.CallWriter(session, case_id, batch_id)
        with repo.bulk_session(session, estimate), paused_gc():
            parsed, rejected, rejected_count, numbers = _load_rows(
                writer, path, reader, progress, estimate
            )
        if parsed == 0 and rejected:
            # Nothing but bad rows (a hostile or wrong file): refused, nothing stored.
            first = rejected[0]
            raise ValidationError(
                f"{path.name}: line {first.line}: {first.reason} {first.detail}".rstrip()
                + f"; no row could be imported ({rejected_count} rejected)",
                field="file",
                file=str(path),
                line=first.line,
            )
        repo.add_numbers(session, case_id, numbers)
        imported, duplicates = repo.finish_batch(
            session,
            batch_id,
            parsed,
            rejected_count,
            [[r.line, r.reason, r.detail] for r in rejected[:10_000]],
        )
        repo.refresh_statistics(session)
        ctx.audit(
            session,
            action="import",
            entity="call_batch",
            entity_id=batch_id,
            case_id=case_id,
            after={
                "evidence_id": evidence.id,
                "sha256": evidence.sha256,
                "name": path.name,
                "imported": imported,
                "duplicates": duplicates,
                "rejected": rejected_count,
                "tz": plan.tz,
            },
        )
        progress.report(parsed + rejected_count, parsed + rejected_count, "done")
        result = ImportResult(
            batch_id=batch_id,
            evidence_id=evidence.id,
            sha256=evidence.sha256,
            imported=imported,
            duplicates=duplicates,
            rejected=rejected,
            tz=plan.tz,
            rejected_total=rejected_count,
            recognition=recognition(plan, spec),
        )
    if imported >= repo.DEFER_INDEXES_FROM:
        repo.settle_after_bulk_import(ctx.engine)
    return result


def _load_rows(
    writer: repo.CallWriter,
    path: Path,
    reader: CallRowReader,
    progress: Progress,
    estimate: int | None,
) -> tuple[int, list[Rejection], int, set[str]]:
    """Stream, parse column-wise and insert, a batch at a time; returns (parsed rows,
    rejections kept, rejected, numbers)."""
    rejected: list[Rejection] = []
    rejected_count = parsed = count = 0
    columns_reader = CallColumnReader(reader)
    for batch in iter_batches(path, reader.fmt, CANCEL_EVERY):
        calls, refused = columns_reader.read_batch(batch)
        if len(calls):
            writer.write_columns(calls, dedupe_keys(calls))
        parsed += len(calls)
        rejected_count += len(refused)
        room = KEEP_REJECTIONS - len(rejected)
        rejected += [Rejection(r.line, r.reason, r.detail) for r in refused[:room]]
        count += len(batch)
        check_cancel(progress)
        progress.report(count, max(estimate or 0, count), "")
    check_cancel(progress)
    return parsed, rejected, rejected_count, reader.numbers_seen


def write_rejections(rejected: Iterable[Rejection], path: Path) -> Path:
    """The rejected-rows report: `line;reason;detail`, UTF-8 with BOM (opens in Excel)."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = SafeCsvWriter(handle, delimiter=";")
        writer.writerow(["line", "reason", "detail"])
        for item in rejected:
            writer.writerow([item.line, item.reason, item.detail])
    return path
