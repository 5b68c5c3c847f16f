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
from typing import Any

from app.domain import timeutil
from app.domain.calls.records import CallRecord
from app.domain.errors import Duplicate, ValidationError
from app.domain.progress import NullProgress, Progress, check_cancel
from app.domain.spreadsheet import SafeCsvWriter
from app.ingest.calls import CallRowReader, ParsedCall
from app.ingest.tabular import iter_rows
from app.services.calls.dto import ImportOptions, ImportResult, Rejection
from app.services.calls.intake import check_recognition, plan_calls, recognition
from app.services.core.context import ServiceContext
from app.services.core.evidence_files import add_evidence
from app.storage.repositories import calls as repo

BATCH_ROWS = repo.BATCH_ROWS
CANCEL_EVERY = 5_000
KEEP_REJECTIONS = 100_000  # a report longer than this says nothing more; the count stays exact


def dedupe_key(record: CallRecord) -> int:
    """64-bit key of what makes a call the same call in two exports."""
    text = (
        f"{int(record.start_utc.timestamp())}|{record.caller}|{record.callee}|"
        f"{record.virtual or ''}|{record.duration_s}"
    )
    return int.from_bytes(blake2b(text.encode(), digest_size=8).digest(), "big", signed=True)


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
        with repo.bulk_session(session, estimate):
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
        return ImportResult(
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


def _load_rows(
    writer: repo.CallWriter,
    path: Path,
    reader: CallRowReader,
    progress: Progress,
    estimate: int | None,
) -> tuple[int, list[Rejection], int, set[str]]:
    """Stream, parse and insert; returns (parsed rows, rejections kept, rejected, numbers)."""
    rejected: list[Rejection] = []
    rejected_count = parsed = 0
    rows: list[tuple[Any, ...]] = []
    read, make_row = reader.read, writer.row
    for count, (line, cells) in enumerate(iter_rows(path, reader.fmt), start=1):
        item = read(line, cells)
        if isinstance(item, ParsedCall):
            rows.append(make_row(item.record, dedupe_key(item.record)))
            parsed += 1
        else:
            rejected_count += 1
            if len(rejected) < KEEP_REJECTIONS:
                rejected.append(Rejection(item.line, item.reason, item.detail))
        if count % CANCEL_EVERY == 0:
            check_cancel(progress)
            progress.report(count, max(estimate or 0, count), "")
        if len(rows) >= BATCH_ROWS:
            writer.write(rows)
            rows = []
    if rows:
        writer.write(rows)
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
