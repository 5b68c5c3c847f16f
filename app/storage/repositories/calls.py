"""Call-log queries: import batches and the bulk call writer, filtered id lists, rows for the
visible window, the per-number summary, party links, detector inputs and thresholds, and the
order rows an order export writes.

Everything takes the session of the service's unit of work and returns plain values or
`app.domain` records; no ORM row leaves this module.

Query shapes (1M calls per case): a number filter is a UNION of one branch per number column,
each `column IN (...)` on its own `(case, column, start)` index (an OR would make the planner
walk the whole case in time order); numbers are searched through `call_numbers` (the case's
distinct numbers, a few thousand rows); a full number is matched by equality, not `LIKE`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import repeat
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Engine,
    MetaData,
    String,
    bindparam,
    case,
    cast,
    func,
    literal,
    or_,
    select,
    union,
    union_all,
    update,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.schema import Table
from sqlalchemy.types import Integer

from app.domain.calls.records import CallColumns, CallRecord
from app.domain.errors import NotFound, StorageError
from app.domain.phones import digits_of
from app.domain.timeutil import ensure_utc
from app.storage import office_masking
from app.storage.models.calls import (
    CALLS_BULK,
    CallAnalysisRow,
    CallBatchRow,
    CallNumberRow,
    CallRow,
    CallSettingsRow,
    bulk_instants,
)
from app.storage.models.cases import CaseRow, OrderEventRow, OrderRow, PartyPhoneRow, PartyRow

CHUNK = 500  # ids per IN (...) query: well under every driver's parameter limit
BATCH_ROWS = 50_000
BULK_CACHE_KIB = 32 * 1024
_CALLS: Table = CallRow.__table__  # type: ignore[assignment]


# --- cases and parties as the calls feature sees them ---------------------------------------


def case_zone(session: Session, case_id: int) -> str:
    tz = session.scalar(select(CaseRow.tz).where(CaseRow.id == case_id))
    if tz is None:
        raise NotFound(f"no case with id {case_id}")
    return str(tz)


@dataclass(frozen=True)
class NumberOwner:
    party_id: int
    name: str
    role: str


# Built once: the call table asks for it with every screen of rows it reads.
_PARTY_NUMBERS = (
    select(PartyPhoneRow.value, PartyRow.id, PartyRow.name, PartyRow.role)
    .join(PartyRow, PartyRow.id == PartyPhoneRow.party_id)
    .where(PartyRow.case_id == bindparam("case_id"), PartyRow.deleted.is_(False))
)


def party_numbers(session: Session, case_id: int) -> dict[str, NumberOwner]:
    """number value → its party (not deleted) for the case."""
    found = session.execute(_PARTY_NUMBERS, {"case_id": case_id})
    return {value: NumberOwner(pid, name, role) for value, pid, name, role in found}


def party_phone_values(session: Session, party_id: int) -> list[str]:
    return list(
        session.scalars(select(PartyPhoneRow.value).where(PartyPhoneRow.party_id == party_id))
    )


def find_party(session: Session, case_id: int, ref: str) -> int | None:
    """A party of the case by id, courier ID or name (case-insensitive, Cyrillic too)."""
    text = ref.strip()
    if not text:
        return None
    alive = (PartyRow.case_id == case_id, PartyRow.deleted.is_(False))
    if text.isdigit():
        hit = session.scalar(select(PartyRow.id).where(PartyRow.id == int(text), *alive))
        if hit is not None:
            return int(hit)
    hit = session.scalar(select(PartyRow.id).where(PartyRow.courier_id == text, *alive))
    if hit is None:
        hit = session.scalar(
            select(PartyRow.id).where(func.lower(PartyRow.name) == text.lower(), *alive)
        )
    if hit is None:
        # SQLite's lower() leaves Cyrillic alone: compare in Python over the case's parties.
        names = session.execute(select(PartyRow.id, PartyRow.name).where(*alive)).all()
        hit = next((pid for pid, name in names if name.casefold() == text.casefold()), None)
    return int(hit) if hit is not None else None


def party_exists(session: Session, case_id: int, party_id: int) -> bool:
    row = session.get(PartyRow, party_id)
    return row is not None and row.case_id == case_id and not row.deleted


# --- import ------------------------------------------------------------------------------------


def batch_of_file(session: Session, case_id: int, sha256: str) -> tuple[int, datetime] | None:
    """(batch id, imported at) when the file was already imported into the case."""
    row = session.execute(
        select(CallBatchRow.id, CallBatchRow.created_at).where(
            CallBatchRow.case_id == case_id, CallBatchRow.sha256 == sha256
        )
    ).first()
    return (int(row[0]), row[1]) if row else None


def add_batch(
    session: Session,
    *,
    case_id: int,
    evidence_id: int,
    sha256: str,
    original_name: str,
    options: dict[str, Any],
    tz: str | None,
    created_at: datetime,
    created_by: str,
) -> int:
    batch = CallBatchRow(
        case_id=case_id,
        evidence_id=evidence_id,
        sha256=sha256,
        original_name=original_name,
        options=options,
        tz=tz,
        rejections=[],
        created_at=created_at,
        created_by=created_by,
    )
    session.add(batch)
    session.flush()
    return batch.id


def finish_batch(
    session: Session, batch_id: int, parsed: int, rejected: int, rejections: list[list[Any]]
) -> tuple[int, int]:
    """Count what went in, store the counts; returns (imported, duplicates)."""
    imported = int(
        session.scalar(
            select(func.count()).select_from(_CALLS).where(_CALLS.c.batch_id == batch_id)
        )
        or 0
    )
    duplicates = parsed - imported
    session.execute(
        update(CallBatchRow)
        .where(CallBatchRow.id == batch_id)
        .values(imported=imported, duplicates=duplicates, rejected=rejected, rejections=rejections)
    )
    return imported, duplicates


def _insert_ignoring_duplicates(session: Session, table: Any) -> Any:
    """INSERT that skips rows hitting a unique key (the two databases Casebook runs on)."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return pg_insert(table).on_conflict_do_nothing()
    if dialect == "sqlite":
        return sqlite_insert(table).on_conflict_do_nothing()
    raise StorageError(f"call imports need SQLite or PostgreSQL, not {dialect}")


DEFER_INDEXES_FROM = 50_000  # rows an import needs before rebuilding indexes pays


@contextmanager
def bulk_session(session: Session, expected_rows: int | None = None) -> Iterator[None]:
    """Settings for a bulk insert of calls into SQLite, put back afterwards.

    SQLite's default 2 MB page cache thrashes once the call indexes outgrow it (random
    inserts into five B-trees): the import gets 32 MB. An import at least as large as the
    table (the first log of a big case) drops the secondary indexes and builds them again
    at the end, inside the same transaction: building an index sorts once, where a million
    inserts into it jump around the tree (measured: dropping all five beats keeping the two
    that grow in file order). The unique dedupe key stays (it skips duplicates as rows
    arrive); a failed import rolls the drop back with everything else."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    old = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
    present = int(connection.execute(select(func.coalesce(func.max(_CALLS.c.id), 0))).scalar_one())
    deferred = sorted(_CALLS.indexes, key=lambda index: str(index.name))
    if not expected_rows or expected_rows < max(DEFER_INDEXES_FROM, present):
        deferred = []
    for index in deferred:
        index.drop(bind=connection)
    try:
        yield
        for index in deferred:
            index.create(bind=connection)
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(old or -2000)}")


CALLS_BULK_TABLE = CALLS_BULK.to_metadata(MetaData(), schema="public")
_NUMBERS: Table = CallNumberRow.__table__  # type: ignore[assignment]
CALL_NUMBERS_TABLE = _NUMBERS.to_metadata(MetaData(), schema="public")


class _BulkInsert:
    """INSERT of plain tuples (in `columns` order) that skips unique-key conflicts. On SQLite
    the compiled statement goes to the driver's executemany: SQLAlchemy's per-row parameter
    handling would otherwise cost as much as the insert itself. Elsewhere rows go through
    `Connection.execute` as dicts."""

    def __init__(self, session: Session, table: Any, columns: Sequence[str]) -> None:
        self.connection = session.connection()
        self.statement = _insert_ignoring_duplicates(session, table)
        self.columns = list(columns)
        self.sql: str | None = None
        if self.connection.dialect.name == "sqlite":
            compiled = self.statement.compile(
                dialect=self.connection.dialect, column_keys=self.columns
            )
            if list(compiled.positiontup or ()) != self.columns:
                raise RuntimeError(f"unexpected bulk insert parameters: {compiled.positiontup}")
            self.sql = str(compiled)

    def run(self, rows: list[tuple[Any, ...]]) -> None:
        if self.sql is not None:
            self.connection.exec_driver_sql(self.sql, rows)
            return
        names = self.columns
        self.connection.execute(self.statement, [dict(zip(names, r, strict=True)) for r in rows])


class CallWriter:
    """Writes batches of calls with the Core `insert()` of `CALLS_BULK` (skipping dedupe-key
    conflicts), as plain tuples (`_BulkInsert`)."""

    def __init__(self, session: Session, case_id: int, batch_id: int) -> None:
        self.dialect = session.connection().dialect.name
        # On PostgreSQL the table itself, by its schema: an office login's search path starts
        # with the masked views, whose row-by-row triggers would cost ten times the insert.
        # The rows come from a file, never from a masked view; privileges and row-level
        # security apply to the table as to the view.
        table = CALLS_BULK_TABLE if self.dialect == "postgresql" else CALLS_BULK
        self.insert = _BulkInsert(session, table, [c.name for c in CALLS_BULK.columns])
        self.case_id, self.batch_id = case_id, batch_id

    def write_columns(self, calls: CallColumns, dedupe_keys: list[int]) -> None:
        """Insert a column-wise batch (`CallColumns`) with its dedupe keys."""
        count = len(calls)
        c = calls
        self.insert.run(list(zip(
            repeat(self.case_id, count), repeat(self.batch_id, count), c.line,
            bulk_instants(c.start_us, self.dialect), c.duration_s, c.caller, c.caller_raw,
            c.callee, c.callee_raw, c.virtual, c.virtual_raw, c.direction, c.status,
            c.order_number, c.call_id, dedupe_keys, strict=True,
        )))  # fmt: skip


def add_numbers(session: Session, case_id: int, numbers: set[str]) -> None:
    """Record the case's distinct numbers (existing ones are kept)."""
    # on PostgreSQL the table by its schema, as `CallWriter` writes the calls (no view trigger)
    postgres = session.get_bind().dialect.name == "postgresql"
    table = CALL_NUMBERS_TABLE if postgres else _NUMBERS
    insert = _BulkInsert(session, table, ["case_id", "value", "digits"])
    values = [(case_id, n, digits_of(n)) for n in sorted(numbers)]
    for start in range(0, len(values), BATCH_ROWS):
        insert.run(values[start : start + BATCH_ROWS])


def settle_after_bulk_import(engine: Engine) -> bool:
    """PostgreSQL, after a large import has committed: `VACUUM (ANALYZE)` of the call tables
    (it cannot run inside the import's transaction). It marks the new rows visible to all in
    the visibility map, so the index-only scans of searches and of the burst detector stop
    visiting every row (1M calls: the detector's pass 4.5 s → 2 s), and sets their hint bits
    now rather than during the first reads. A login that does not own the tables is skipped
    by the server (autovacuum does it later). Returns whether it ran."""
    if engine.dialect.name != "postgresql":
        return False
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM (ANALYZE) public.calls, public.call_numbers")
    except DBAPIError:
        return False  # maintenance only: the import stands
    return True


def refresh_statistics(session: Session) -> None:
    """Let the planner know the new sizes (without statistics SQLite guesses index
    selectivity and may range-scan the start index for a two-number query)."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        # sampled statistics: a few ms at a million rows instead of a full scan of each index
        connection.exec_driver_sql("PRAGMA analysis_limit=1000")
    for table in ("calls", "call_numbers"):
        connection.exec_driver_sql(f"ANALYZE {table}")


# --- browsing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CallCriteria:
    """A call filter in storage terms: `digits` any run of digits of a number, `number` the
    same search as a whole normalized number (matched by equality when the case has it)."""

    digits: str | None = None
    number: str | None = None
    party_id: int | None = None
    start_from: datetime | None = None
    start_to: datetime | None = None
    direction: str | None = None
    status: str | None = None
    order: str | None = None
    batch_id: int | None = None


def _office_server(session: Session) -> bool:
    """An office server's masked views: numbers are read masked, searched on the server."""
    return office_masking.reads_masked(session.connection())


# A first page of a number search (`first_call_ids`): calls sampled to see how common the
# matches are, matches few enough to find all at once, calls walked for a common search.
SAMPLE_ROWS = 2_000
INLINE_NUMBERS = 2_000  # matching numbers passed as values; more go as a subquery
WHOLE_SEARCH = 20_000
PROBE_ROWS = 100_000


def _numbers_query(session: Session, case_id: int, crit: CallCriteria) -> Any:
    """The case's numbers the search means, as a subquery of `call_numbers`: a whole number
    by equality on its normalized value (one index lookup), else any run of digits (a scan
    of the case's few thousand distinct numbers, never of its calls)."""
    if _office_server(session):  # the digits are readable only through the server's function
        digits = crit.digits or digits_of(crit.number or "")
        return select(func.casebook_numbers_with_digits(case_id, digits))
    numbers = select(CallNumberRow.value).where(CallNumberRow.case_id == case_id)
    for whole in (crit.number, crit.digits and f"+{crit.digits}"):
        if whole and len(whole) >= 11:
            exact = numbers.where(CallNumberRow.value == whole)
            if session.scalar(exact.limit(1)) is not None:
                return exact
    return numbers.where(CallNumberRow.digits.contains(crit.digits or "", autoescape=True))


def numbers_matching(session: Session, case_id: int, crit: CallCriteria) -> list[str]:
    """The case's numbers a number search means (see `_numbers_query`)."""
    return list(session.scalars(_numbers_query(session, case_id, crit)))


def _filters(
    session: Session, case_id: int, crit: CallCriteria
) -> tuple[list[ColumnElement[bool]], list[Any]] | None:
    """(conditions on the call's own columns, sets of numbers one of which the call must
    touch), or None when no call can match (a party without numbers)."""
    where: list[ColumnElement[bool]] = [CallRow.case_id == case_id]
    number_sets: list[Any] = []
    if crit.digits:
        query = _numbers_query(session, case_id, crit)
        values = list(session.scalars(query.limit(INLINE_NUMBERS + 1)))
        if not values:
            return None
        # a few numbers go into the query as values (read once here, not once per branch)
        number_sets.append(values if len(values) <= INLINE_NUMBERS else query)
    if crit.party_id is not None:
        phones = party_phone_values(session, crit.party_id)
        if not phones:
            return None
        number_sets.append(phones)
    if crit.start_from is not None:
        where.append(CallRow.start_utc >= crit.start_from)
    if crit.start_to is not None:
        where.append(CallRow.start_utc < crit.start_to)
    if crit.direction:
        where.append(CallRow.direction == crit.direction)
    if crit.status:
        where.append(CallRow.status == crit.status)
    if crit.order:
        where.append(CallRow.order_number == crit.order.strip())
    if crit.batch_id is not None:
        where.append(CallRow.batch_id == crit.batch_id)
    return where, number_sets


def _touching(columns: Any, values: Any) -> ColumnElement[bool]:
    return or_(columns.caller.in_(values), columns.callee.in_(values), columns.virtual.in_(values))


def _ids(session: Session, stmt: Any) -> list[int]:
    # Core, not the ORM's loading: a hundred thousand ids cost half as much.
    return list(session.connection().execute(stmt).scalars())


def call_ids(session: Session, case_id: int, crit: CallCriteria) -> list[int]:
    """Ids of the matching calls in time order."""
    found = _filters(session, case_id, crit)
    if found is None:
        return []
    where, number_sets = found
    if not number_sets:
        return _ids(
            session, select(CallRow.id).where(*where).order_by(CallRow.start_utc, CallRow.id)
        )
    first, *others = number_sets
    extra = [_touching(CallRow, values) for values in others]
    branches = [
        select(CallRow.id, CallRow.start_utc).where(*where, *extra, column.in_(first))
        for column in (CallRow.caller, CallRow.callee, CallRow.virtual)
    ]
    # UNION ALL and one sort: a call matching in two columns comes twice, side by side in
    # (start, id) order, and is dropped here (UNION would build a temporary index first);
    # each branch is an index range per number on its own `(case, column, ...)` index.
    both = union_all(*branches).subquery()
    ordered = select(both.c.id).order_by(both.c.start_utc, both.c.id)
    return list(dict.fromkeys(_ids(session, ordered)))


def case_call_count(session: Session, case_id: int) -> int:
    """Calls in the case, from its import batches (no count over the calls)."""
    stmt = select(func.coalesce(func.sum(CallBatchRow.imported), 0)).where(
        CallBatchRow.case_id == case_id
    )
    return int(session.scalar(stmt) or 0)


def first_call_ids(
    session: Session, case_id: int, crit: CallCriteria, limit: int
) -> tuple[list[int], bool]:
    """Matching ids in time order, at least the first `limit` of them, and whether they
    are all of them.

    What a table shows first, without finding, sorting or counting every match: the
    case's calls are walked in time order (the `(case, start)` index) and the walk stops at
    the `limit`-th match. A rare number would make that walk read the whole case, so the
    first `SAMPLE_ROWS` calls tell how common the matches are: a search expected to match
    fewer than `WHOLE_SEARCH` calls is answered whole by `call_ids` (one index range per
    number), a common one by a walk of at most `PROBE_ROWS` calls."""
    found = _filters(session, case_id, crit)
    if found is None:
        return [], True
    where, number_sets = found
    if not number_sets:
        in_time = select(CallRow.id).where(*where).order_by(CallRow.start_utc, CallRow.id)
        ids = _ids(session, in_time.limit(limit + 1))
        return ids[:limit], len(ids) <= limit

    def walk(rows: int) -> list[int]:
        calls = (
            select(CallRow.id, CallRow.caller, CallRow.callee, CallRow.virtual)
            .where(*where)
            .order_by(CallRow.start_utc, CallRow.id)
            .limit(rows)
            .subquery()
        )
        # No ORDER BY outside: the walk's rows come in its order and the search stops at
        # the limit (sorting again would read all of them); a test holds both databases to it.
        matching = (_touching(calls.c, values) for values in number_sets)
        return _ids(session, select(calls.c.id).where(*matching).limit(limit))

    ids = walk(SAMPLE_ROWS)
    if len(ids) == limit:
        return ids, False
    expected = len(ids) / SAMPLE_ROWS * case_call_count(session, case_id)
    if expected > WHOLE_SEARCH:
        ids = walk(PROBE_ROWS)
        if len(ids) == limit:
            return ids, False
    return call_ids(session, case_id, crit), True


def _between_statement() -> Any:
    """Two equality branches on `(case, caller, callee, start)`, one per direction: each an
    index range of its own, never a walk of the case's time index."""
    instant = CallRow.start_utc.type
    branches = [
        select(CallRow.id, CallRow.start_utc).where(
            CallRow.case_id == bindparam("case_id"),
            CallRow.caller == bindparam(x),
            CallRow.callee == bindparam(y),
            CallRow.start_utc >= bindparam("start", type_=instant),
            CallRow.start_utc < bindparam("end", type_=instant),
        )
        for x, y in (("a", "b"), ("b", "a"))
    ]
    both = union_all(*branches).subquery()
    return select(both.c.id).order_by(both.c.start_utc, both.c.id)


# Built once: constructing the statement per call cost ten times the index lookup itself.
_BETWEEN = _between_statement()


def calls_between(
    session: Session, case_id: int, a: str, b: str, start: datetime, end: datetime
) -> list[int]:
    """Ids of the calls between numbers `a` and `b` (either way) in [start, end), time order."""
    params = {"case_id": case_id, "a": a, "b": b, "start": start, "end": end}
    return list(session.scalars(_BETWEEN, params))


@dataclass(frozen=True)
class StoredCall:
    id: int
    case_id: int
    batch_id: int
    line: int
    start_utc: datetime
    duration_s: int
    caller: str
    callee: str
    virtual: str | None
    direction: str | None
    status: str
    order_number: str | None
    call_id: str | None


_STORED = (
    CallRow.id,
    CallRow.case_id,
    CallRow.batch_id,
    CallRow.line,
    CallRow.start_utc,
    CallRow.duration_s,
    CallRow.caller,
    CallRow.callee,
    CallRow.virtual,
    CallRow.direction,
    CallRow.status,
    CallRow.order_number,
    CallRow.call_id,
)


# Built once with an expanding parameter: coercing each id of a literal IN list cost more
# than the lookup of a screen's rows (the call table reads one on every jump).
_BY_IDS = select(*_STORED).where(CallRow.id.in_(bindparam("ids", expanding=True)))


def calls_by_ids(session: Session, ids: Sequence[int]) -> list[StoredCall]:
    """Calls in the order of `ids` (ids that vanished are skipped)."""
    rows: dict[int, StoredCall] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        for r in session.execute(_BY_IDS, {"ids": chunk}):
            rows[r.id] = StoredCall(**r._mapping)
    return [rows[i] for i in ids if i in rows]


def calls_in_window(
    session: Session, case_id: int, start: datetime, end: datetime, limit: int
) -> list[StoredCall]:
    """At most `limit` calls starting in [start, end), time order (the `(case, start)`
    index: a visible stretch of a million-call timeline reads only its rows)."""
    stmt = (
        select(*_STORED)
        .where(CallRow.case_id == case_id, CallRow.start_utc >= start, CallRow.start_utc < end)
        .order_by(CallRow.start_utc, CallRow.id)
        .limit(limit)
    )
    return [StoredCall(**r._mapping) for r in session.execute(stmt)]


def call_counts(
    session: Session, case_id: int, start: datetime, end: datetime, bucket_s: int
) -> list[tuple[int, int, int]]:
    """(bucket number, calls, answered calls) per `bucket_s` seconds from `start`, counted
    in SQL: a dense stretch of the timeline is drawn from these, never from its rows."""
    bucket: ColumnElement[Any]
    if session.get_bind().dialect.name == "sqlite":
        offset = (func.julianday(CallRow.start_utc) - func.julianday(start)) * 86_400
        bucket = func.cast(offset / bucket_s, Integer)
    else:
        bucket = func.floor(func.extract("epoch", CallRow.start_utc - start) / bucket_s)
    answered = func.sum(case((CallRow.status == "answered", 1), else_=0))
    stmt = (
        select(bucket.label("bucket"), func.count(), answered)
        .where(CallRow.case_id == case_id, CallRow.start_utc >= start, CallRow.start_utc < end)
        .group_by("bucket")
        .order_by("bucket")
    )
    return [(int(b), int(n), int(a or 0)) for b, n, a in session.execute(stmt)]


@dataclass(frozen=True)
class NumberStats:
    number_id: int
    value: str
    calls: int
    first_utc: datetime | None
    last_utc: datetime | None
    talk_s: int
    virtual: bool


def number_stats(session: Session, case_id: int) -> list[NumberStats]:
    """Calls, first and last contact, talk time of every number of the case's calls."""
    sides = [
        select(
            column.label("num"),
            CallRow.start_utc.label("start"),
            CallRow.duration_s.label("talk"),
            literal(flag).label("is_virtual"),
        ).where(CallRow.case_id == case_id, column.is_not(None))
        for column, flag in ((CallRow.caller, 0), (CallRow.callee, 0), (CallRow.virtual, 1))
    ]
    both = union_all(*sides).subquery()
    stmt = select(
        both.c.num,
        func.count(),
        func.min(both.c.start),
        func.max(both.c.start),
        func.sum(both.c.talk),
        func.max(both.c.is_virtual),
    ).group_by(both.c.num)
    ids = {
        value: number_id
        for value, number_id in session.execute(
            select(CallNumberRow.value, CallNumberRow.id).where(CallNumberRow.case_id == case_id)
        )
    }
    return [
        NumberStats(
            number_id=ids.get(value, 0),
            value=value,
            calls=int(count),
            first_utc=_utc(first),
            last_utc=_utc(last),
            talk_s=int(talk or 0),
            virtual=bool(is_virtual),
        )
        for value, count, first, last, talk, is_virtual in session.execute(stmt)
    ]


def _utc(value: object) -> datetime | None:
    """Aggregates bypass the column type (SQLite hands back text): make aware UTC."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return ensure_utc(value)
    return ensure_utc(datetime.fromisoformat(str(value)))


BatchValues = tuple[int, int, str, str, int, int, int, datetime, dict[str, object]]


def batches(session: Session, case_id: int) -> list[BatchValues]:
    """(id, evidence id, file name, sha256, imported, duplicates, rejected, created at,
    options) of the case's imported files, oldest first."""
    rows = session.scalars(
        select(CallBatchRow).where(CallBatchRow.case_id == case_id).order_by(CallBatchRow.id)
    )
    return [
        (
            r.id,
            r.evidence_id,
            r.original_name,
            r.sha256,
            r.imported,
            r.duplicates,
            r.rejected,
            r.created_at,
            dict(r.options or {}),
        )
        for r in rows
    ]


def cases_of_calls(session: Session, ids: Sequence[int]) -> set[int]:
    found: set[int] = set()
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        found.update(
            session.scalars(select(CallRow.case_id).where(CallRow.id.in_(chunk)).distinct())
        )
    return found


def case_number(session: Session, case_id: int, number_id: int) -> tuple[str, str]:
    """(value, digits) of a number of the case's calls."""
    row = session.get(CallNumberRow, number_id)
    if row is None or row.case_id != case_id:
        raise NotFound(f"no number {number_id} in this case")
    return row.value, row.digits


def link_phone(session: Session, party_id: int, value: str, digits: str) -> None:
    session.add(PartyPhoneRow(party_id=party_id, raw=value, value=value, digits=digits))


def unlink_phone(session: Session, party_id: int, value: str) -> bool:
    row = session.scalar(
        select(PartyPhoneRow).where(
            PartyPhoneRow.party_id == party_id, PartyPhoneRow.value == value
        )
    )
    if row is None:
        return False
    session.delete(row)
    return True


# --- detector inputs ---------------------------------------------------------------------------


def thresholds(session: Session, case_id: int) -> dict[str, Any] | None:
    row = session.get(CallSettingsRow, case_id)
    return dict(row.thresholds) if row is not None else None


def store_thresholds(
    session: Session, case_id: int, values: dict[str, Any], updated_at: datetime
) -> None:
    row = session.get(CallSettingsRow, case_id)
    if row is None:
        row = CallSettingsRow(case_id=case_id, thresholds={}, updated_at=updated_at)
        session.add(row)
    row.thresholds = values
    row.updated_at = updated_at


def party_phone_keys(session: Session, case_id: int) -> list[tuple[int, int, int, str, bool]]:
    """(phone id, party id, party version, role, deleted) of the case's party phones: what
    tells a change of who owns which number without reading a number (a phone edited is
    replaced by a new row; a party edited gets a new version)."""
    stmt = (
        select(PartyPhoneRow.id, PartyRow.id, PartyRow.version, PartyRow.role, PartyRow.deleted)
        .join(PartyRow, PartyRow.id == PartyPhoneRow.party_id)
        .where(PartyRow.case_id == case_id)
        .order_by(PartyPhoneRow.id)
    )
    return [(a, b, c, str(d), bool(e)) for a, b, c, d, e in session.execute(stmt)]


def kept_analysis(session: Session, case_id: int) -> tuple[str, list[dict[str, Any]]] | None:
    """(fingerprint, findings) of the case's kept analysis, if any."""
    row = session.execute(
        select(CallAnalysisRow.fingerprint, CallAnalysisRow.findings).where(
            CallAnalysisRow.case_id == case_id
        )
    ).first()
    return (str(row[0]), list(row[1])) if row is not None else None


def keep_analysis(
    session: Session,
    case_id: int,
    fingerprint: str,
    findings: list[dict[str, Any]],
    computed_at: datetime,
) -> None:
    """Store the case's analysis in place of the one kept before (two sessions computing it
    at once: the last one wins, both were computed from the same case)."""
    values = {
        "case_id": case_id,
        "fingerprint": fingerprint,
        "findings": findings,
        "computed_at": computed_at,
    }
    dialect = session.get_bind().dialect.name
    statement = (pg_insert if dialect == "postgresql" else sqlite_insert)(CallAnalysisRow)
    statement = statement.values(values)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=["case_id"],
            set_={k: statement.excluded[k] for k in ("fingerprint", "findings", "computed_at")},
        )
    )


def order_events(
    session: Session, case_id: int
) -> list[tuple[str, datetime | None, list[tuple[str, datetime]]]]:
    """(order number, slot start, [(event kind, at)]) of the case's orders (not deleted)."""
    orders = session.execute(
        select(OrderRow.id, OrderRow.number, OrderRow.slot_start).where(
            OrderRow.case_id == case_id, OrderRow.deleted.is_(False)
        )
    ).all()
    events: dict[int, list[tuple[str, datetime]]] = defaultdict(list)
    ids = [o.id for o in orders]
    for start in range(0, len(ids), CHUNK):
        stmt = select(OrderEventRow.order_id, OrderEventRow.kind, OrderEventRow.at).where(
            OrderEventRow.order_id.in_(ids[start : start + CHUNK])
        )
        for order_id, kind, at in session.execute(stmt):
            events[order_id].append((kind, at))
    return [(number, slot, events[oid]) for oid, number, slot in orders]


_DETECTOR_COLUMNS = (
    CallRow.id,
    CallRow.start_utc,
    CallRow.duration_s,
    CallRow.caller,
    CallRow.callee,
    CallRow.virtual,
    CallRow.status,
    CallRow.order_number,
)


def _record(row: Any, numbers: dict[str, str]) -> CallRecord:
    cid, start, duration, caller, callee, virtual, status, order = row
    # one string per number: a large case repeats a few thousand numbers a million times
    caller = numbers.setdefault(caller, caller)
    callee = numbers.setdefault(callee, callee)
    return CallRecord(start, duration, caller, callee, virtual, None, status, order, id=cid)


def calls_touching(session: Session, case_id: int, values: frozenset[str]) -> list[CallRecord]:
    """Calls from or to any of `values` (the parties' numbers), time order."""
    if not values:
        return []
    wanted = list(values)
    branches = [
        select(*_DETECTOR_COLUMNS).where(CallRow.case_id == case_id, column.in_(wanted))
        for column in (CallRow.caller, CallRow.callee)
    ]
    numbers: dict[str, str] = {}
    found = [_record(row, numbers) for row in session.execute(union(*branches))]
    return sorted(found, key=lambda c: (c.start_utc, c.id or 0))


def _epoch_seconds(session: Session) -> ColumnElement[Any]:
    """`start_utc` as whole epoch seconds, computed by the database."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return cast(func.floor(func.extract("epoch", CallRow.start_utc)), BigInteger)
    if connection.dialect.dbapi.sqlite_version_info >= (3, 38):  # type: ignore[union-attr]
        return func.unixepoch(CallRow.start_utc)
    return cast(func.strftime("%s", CallRow.start_utc), Integer)


def burst_spans(
    session: Session, case_id: int, need: int, window_s: int
) -> list[tuple[str, int, int]]:
    """(callee, first second, last second) of every run of `need` calls to one number
    within `window_s` seconds (whole seconds, so a superset by at most a second).

    One pass over the `(case, callee, start)` index: the database hands each callee's start
    seconds as one text (`group_concat`/`string_agg`), a few thousand strings instead of a
    million rows; window functions over every call cost five times more on SQLite."""
    seconds = _epoch_seconds(session)
    if session.get_bind().dialect.name == "sqlite":
        joined = func.group_concat(seconds, ",")
    else:
        joined = func.string_agg(cast(seconds, String), aggregate_order_by(literal(","), seconds))
    stmt = (
        select(CallRow.callee, joined)
        .where(CallRow.case_id == case_id)
        .group_by(CallRow.callee)
        .having(func.count() >= need)
    )
    spans: list[tuple[str, int, int]] = []
    step = need - 1
    for callee, text in session.execute(stmt):
        starts = sorted(map(int, text.split(",")))  # already in index order: a linear check
        spans.extend(
            (callee, first, last)
            for first, last in zip(starts, starts[step:], strict=False)
            if last - first <= window_s + 1
        )
    return spans


def burst_candidates(session: Session, case_id: int, need: int, window_s: int) -> list[CallRecord]:
    """The calls that lie in some run of `need` calls to one number within `window_s`
    seconds, by callee then time: everything the burst detector can find, found without
    a million calls crossing into Python. A superset: the detector still checks the exact
    times and drops the legitimate calls (masked during a delivery, company lines)."""
    merged: list[tuple[str, int, int]] = []
    for callee, first, last in burst_spans(session, case_id, need, window_s):
        if merged and merged[-1][0] == callee and first <= merged[-1][2]:
            merged[-1] = (callee, merged[-1][1], max(last, merged[-1][2]))
        else:
            merged.append((callee, first, last))
    numbers: dict[str, str] = {}
    found: list[CallRecord] = []
    for callee, first, last in merged:
        params = {
            "case_id": case_id,
            "callee": callee,
            "start": datetime.fromtimestamp(first, UTC),
            "end": datetime.fromtimestamp(last + 1, UTC),
        }
        found.extend(_record(row, numbers) for row in session.execute(_RUN_CALLS, params))
    return found


def _run_calls_statement() -> Any:
    instant = CallRow.start_utc.type
    return (
        select(*_DETECTOR_COLUMNS)
        .where(
            CallRow.case_id == bindparam("case_id"),
            CallRow.callee == bindparam("callee"),
            CallRow.start_utc >= bindparam("start", type_=instant),
            CallRow.start_utc < bindparam("end", type_=instant),
        )
        .order_by(CallRow.start_utc, CallRow.id)
    )


_RUN_CALLS = _run_calls_statement()


def virtual_numbers(session: Session, case_id: int) -> frozenset[str]:
    stmt = select(CallRow.virtual).where(CallRow.case_id == case_id).distinct()
    return frozenset(v for v in session.scalars(stmt) if v)


def calls_version(session: Session, case_id: int) -> tuple[int, int]:
    """What changes when the case's calls change: (batches, the last batch id)."""
    row = session.execute(
        select(func.count(CallBatchRow.id), func.max(CallBatchRow.id)).where(
            CallBatchRow.case_id == case_id
        )
    ).one()
    return int(row[0] or 0), int(row[1] or 0)


# --- orders written by an order export ---------------------------------------------------------


def order_id(session: Session, case_id: int, number: str) -> int | None:
    found = session.scalar(
        select(OrderRow.id).where(OrderRow.case_id == case_id, OrderRow.number == number)
    )
    return int(found) if found is not None else None


def add_order(
    session: Session,
    *,
    case_id: int,
    number: str,
    slot_start: datetime | None,
    slot_end: datetime | None,
    courier_party_id: int | None,
    customer_party_id: int | None,
    address: str,
) -> int:
    row = OrderRow(
        case_id=case_id,
        number=number,
        slot_start=slot_start,
        slot_end=slot_end,
        courier_party_id=courier_party_id,
        customer_party_id=customer_party_id,
        address=address,
        deleted=False,
    )
    session.add(row)
    session.flush()
    return row.id


def fill_order_parties(
    session: Session, order: int, courier_party_id: int | None, customer_party_id: int | None
) -> set[tuple[str, datetime]]:
    """Set the order's courier/customer where it has none; returns its known events."""
    row = session.get(OrderRow, order)
    if row is None:
        raise NotFound(f"no order {order}")
    row.courier_party_id = row.courier_party_id or courier_party_id
    row.customer_party_id = row.customer_party_id or customer_party_id
    return {
        (kind, at)
        for kind, at in session.execute(
            select(OrderEventRow.kind, OrderEventRow.at).where(OrderEventRow.order_id == order)
        )
    }


def add_order_event(session: Session, order: int, kind: str, at: datetime, source: str) -> None:
    session.add(OrderEventRow(order_id=order, kind=kind, at=at, source=source))
