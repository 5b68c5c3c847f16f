"""Importing one call-log file into a case: all or nothing, streaming, deduplicated.

The source file is stored as evidence (kind `calllog`) and registered in the same
transaction as its batch and calls; the same file (sha256) is refused the second time, and
calls already in the case (the same start, parties, virtual number and duration, e.g. from an
overlapping export) are skipped by the unique `dedupe_key`. Rows go in with Core `insert()`
executemany in batches (on SQLite the compiled statement goes straight to the driver with
tuples), so memory stays flat and the speed stays near the database's own.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from hashlib import blake2b
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.domain import timeutil
from app.domain.calls.records import CallRecord
from app.domain.errors import Duplicate, StorageError
from app.domain.phones import digits_of
from app.domain.progress import NullProgress, Progress, check_cancel
from app.ingest.calls import CallRowReader, ParsedCall
from app.ingest.tabular import iter_rows
from app.services.calls.dto import ImportOptions, ImportResult, Rejection
from app.services.calls.intake import plan_calls
from app.services.core.cases import load_case, resolve_case_id
from app.services.core.context import ServiceContext
from app.services.core.evidence_files import add_evidence
from app.storage.models.calls import (
    CALLS_BULK,
    CallBatchRow,
    CallNumberRow,
    CallRow,
    bulk_instant,
)

BATCH_ROWS = 50_000
CANCEL_EVERY = 5_000
BULK_CACHE_KIB = 32 * 1024
KEEP_REJECTIONS = 100_000  # a report longer than this says nothing more; the count stays exact
_CALLS = CallRow.__table__


def dedupe_key(record: CallRecord) -> int:
    """64-bit key of what makes a call the same call in two exports."""
    text = (
        f"{int(record.start_utc.timestamp())}|{record.caller}|{record.callee}|"
        f"{record.virtual or ''}|{record.duration_s}"
    )
    return int.from_bytes(blake2b(text.encode(), digest_size=8).digest(), "big", signed=True)


def _insert_ignoring_duplicates(session: Session, table: Any) -> Any:
    """INSERT that skips rows hitting a unique key (the two databases Casebook runs on)."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return pg_insert(table).on_conflict_do_nothing()
    if dialect == "sqlite":
        return sqlite_insert(table).on_conflict_do_nothing()
    raise StorageError(f"call imports need SQLite or PostgreSQL, not {dialect}")


@contextmanager
def _large_page_cache(session: Session) -> Iterator[None]:
    """SQLite's default 2 MB page cache thrashes once the call indexes outgrow it (random
    inserts into five B-trees); give this import 32 MB, then put the setting back."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    old = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(old or -2000)}")


def _estimate_rows(path: Path, sample: Sequence[Sequence[str]], delimiter: str) -> int | None:
    """Rows in the file, guessed from its size and the sample's line length (for progress)."""
    if not sample:
        return None
    width = sum(len(delimiter.join(r)) + 2 for r in sample) / len(sample)
    return max(1, int(path.stat().st_size / max(width, 1.0)))


def import_calls(
    ctx: ServiceContext,
    case_ref: str | int,
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
        case_id = resolve_case_id(session, case_ref)
        case_tz = load_case(session, case_id).tz
    plan, spec = plan_calls(ctx, path, options, case_tz)
    reader = CallRowReader(plan.fmt, spec)  # mapping and zone problems surface before any work
    estimate = _estimate_rows(path, plan.fmt.sample, plan.fmt.delimiter or ",")
    with ctx.transaction() as session:
        evidence = add_evidence(
            ctx, case_id, path, kind="calllog", tz=plan.tz, session=session, progress=progress
        )
        earlier = session.scalar(
            select(CallBatchRow).where(
                CallBatchRow.case_id == case_id, CallBatchRow.sha256 == evidence.sha256
            )
        )
        if earlier is not None:
            when = timeutil.iso_utc(earlier.created_at)
            raise Duplicate(
                f"{path.name}: this file was already imported into the case "
                f"(batch {earlier.id}, {when})"
            )
        recorded_options = {
            "preset": plan.preset.name if plan.preset else None,
            "mapping": dict(plan.mapping),
            "constants": dict(plan.constants),
            "encoding": plan.fmt.encoding,
            "delimiter": plan.fmt.delimiter,
            "has_header": plan.fmt.has_header,
            "region": spec.region,
        }
        batch = CallBatchRow(
            case_id=case_id,
            evidence_id=evidence.id,
            sha256=evidence.sha256,
            original_name=path.name,
            options=recorded_options,
            tz=plan.tz,
            rejections=[],
            created_at=timeutil.now_utc(),
            created_by=ctx.actor,
        )
        session.add(batch)
        session.flush()
        with _large_page_cache(session):
            parsed, rejected, rejected_count, numbers = _load_rows(
                session, case_id, batch.id, path, reader, progress, estimate
            )
        _add_numbers(session, case_id, numbers)
        imported = int(
            session.scalar(
                select(func.count()).select_from(_CALLS).where(_CALLS.c.batch_id == batch.id)
            )
            or 0
        )
        duplicates = parsed - imported
        session.execute(
            update(CallBatchRow)
            .where(CallBatchRow.id == batch.id)
            .values(
                imported=imported,
                duplicates=duplicates,
                rejected=rejected_count,
                rejections=[[r.line, r.reason, r.detail] for r in rejected[:10_000]],
            )
        )
        ctx.audit(
            session,
            action="import",
            entity="call_batch",
            entity_id=batch.id,
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
            batch_id=batch.id,
            evidence_id=evidence.id,
            sha256=evidence.sha256,
            imported=imported,
            duplicates=duplicates,
            rejected=rejected,
            tz=plan.tz,
            rejected_total=rejected_count,
        )


class _CallWriter:
    """Writes batches of calls with the Core `insert()` of `CALLS_BULK` (skipping dedupe-key
    conflicts). On SQLite the compiled statement goes to the driver's executemany with plain
    tuples: SQLAlchemy's per-row parameter handling would otherwise cost as much as the
    insert itself. Elsewhere rows go through `Connection.execute` as dicts."""

    def __init__(self, session: Session, case_id: int, batch_id: int) -> None:
        self.connection = session.connection()
        self.dialect = self.connection.dialect.name
        self.statement = _insert_ignoring_duplicates(session, CALLS_BULK)
        self.case_id, self.batch_id = case_id, batch_id
        self.sql: str | None = None
        if self.dialect == "sqlite":
            compiled = self.statement.compile(dialect=self.connection.dialect)
            names = [c.name for c in CALLS_BULK.columns]
            if list(compiled.positiontup or ()) != names:
                raise RuntimeError(f"unexpected bulk insert parameters: {compiled.positiontup}")
            self.sql = str(compiled)

    def row(self, rec: CallRecord) -> tuple[Any, ...]:
        """Values in `CALLS_BULK` column order."""
        return (
            self.case_id,
            self.batch_id,
            rec.line,
            bulk_instant(rec.start_utc, self.dialect),
            rec.duration_s,
            rec.caller,
            rec.caller_raw,
            rec.callee,
            rec.callee_raw,
            rec.virtual,
            rec.virtual_raw,
            rec.direction,
            rec.status,
            rec.order_number,
            rec.call_id,
            dedupe_key(rec),
        )

    def write(self, rows: list[tuple[Any, ...]]) -> None:
        if self.sql is not None:
            self.connection.exec_driver_sql(self.sql, rows)
            return
        names = [c.name for c in CALLS_BULK.columns]
        self.connection.execute(self.statement, [dict(zip(names, r, strict=True)) for r in rows])


def _load_rows(
    session: Session,
    case_id: int,
    batch_id: int,
    path: Path,
    reader: CallRowReader,
    progress: Progress,
    estimate: int | None,
) -> tuple[int, list[Rejection], int, set[str]]:
    """Stream, parse and insert; returns (parsed rows, rejections kept, rejected, numbers)."""
    writer = _CallWriter(session, case_id, batch_id)
    rejected: list[Rejection] = []
    rejected_count = parsed = 0
    rows: list[tuple[Any, ...]] = []
    read, make_row = reader.read, writer.row
    for count, (line, cells) in enumerate(iter_rows(path, reader.fmt), start=1):
        item = read(line, cells)
        if isinstance(item, ParsedCall):
            rows.append(make_row(item.record))
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


def _add_numbers(session: Session, case_id: int, numbers: set[str]) -> None:
    statement = _insert_ignoring_duplicates(session, CallNumberRow.__table__)
    values = [{"case_id": case_id, "value": n, "digits": digits_of(n)} for n in sorted(numbers)]
    for start in range(0, len(values), BATCH_ROWS):
        session.execute(statement, values[start : start + BATCH_ROWS])


def write_rejections(rejected: Iterable[Rejection], path: Path) -> Path:
    """The rejected-rows report: `line;reason;detail`, UTF-8 with BOM (opens in Excel)."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["line", "reason", "detail"])
        for item in rejected:
            writer.writerow([item.line, item.reason, item.detail])
    return path
