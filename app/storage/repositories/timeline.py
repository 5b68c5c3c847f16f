"""The timeline's read model: the rows of every feature a case's timeline (and the dossier built
on it) is made of — the case's milestones, parties and their phones, orders and their status
events, statements, manual events, calls, videos with their annotations and stills — plus the
timeline's own table of events marked "in the dossier".

Reads are Core selects that return plain rows (named tuples), never ORM objects: 100,000 calls
become events in well under a second."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Integer, case, delete, func, insert, literal, select, union_all
from sqlalchemy.orm import Session

from app.storage.models.base import UTCDateTime
from app.storage.models.calls import CallNumberRow, CallRow
from app.storage.models.cases import (
    CaseRow,
    EvidenceRow,
    ManualEventRow,
    OrderEventRow,
    OrderRow,
    PartyPhoneRow,
    PartyRow,
    StatementRow,
)
from app.storage.models.evidence import AnnotationRow, VideoMediaRow
from app.storage.models.timeline import DossierMarkRow


def case_header(session: Session, case_id: int) -> Any:
    """id, number, tz, source, status, measure, received_at, created_at, decided_at, created_by."""
    return session.execute(
        select(
            CaseRow.id,
            CaseRow.number,
            CaseRow.tz,
            CaseRow.source,
            CaseRow.status,
            CaseRow.measure,
            CaseRow.received_at,
            CaseRow.created_at,
            CaseRow.decided_at,
            CaseRow.created_by,
        ).where(CaseRow.id == case_id)
    ).one()


def parties(session: Session, case_id: int) -> list[Any]:
    """(id, name, deleted) of every party of the case, deleted ones too: their events keep
    their name."""
    return list(
        session.execute(
            select(PartyRow.id, PartyRow.name, PartyRow.deleted)
            .where(PartyRow.case_id == case_id)
            .order_by(PartyRow.name)
        ).all()
    )


def phone_owners(session: Session, case_id: int) -> list[Any]:
    """(value, party_id) of every phone of the case's live parties."""
    return list(
        session.execute(
            select(PartyPhoneRow.value, PartyPhoneRow.party_id)
            .join(PartyRow, PartyRow.id == PartyPhoneRow.party_id)
            .where(PartyRow.case_id == case_id, ~PartyRow.deleted)
        ).all()
    )


def orders(session: Session, case_id: int) -> list[Any]:
    """(id, number, slot_start, slot_end, courier_party_id, customer_party_id) of live orders."""
    return list(
        session.execute(
            select(
                OrderRow.id,
                OrderRow.number,
                OrderRow.slot_start,
                OrderRow.slot_end,
                OrderRow.courier_party_id,
                OrderRow.customer_party_id,
            ).where(OrderRow.case_id == case_id, ~OrderRow.deleted)
        ).all()
    )


def order_events(session: Session, order_ids: Sequence[int]) -> list[Any]:
    """(id, order_id, kind, at) of the orders' status events, in time order."""
    if not order_ids:
        return []
    return list(
        session.execute(
            select(OrderEventRow.id, OrderEventRow.order_id, OrderEventRow.kind, OrderEventRow.at)
            .where(OrderEventRow.order_id.in_(list(order_ids)))
            .order_by(OrderEventRow.at)
        ).all()
    )


def statements(session: Session, case_id: int) -> list[Any]:
    """(id, party_id, taken_at, taken_by, text) of live statements."""
    return list(
        session.execute(
            select(
                StatementRow.id,
                StatementRow.party_id,
                StatementRow.taken_at,
                StatementRow.taken_by,
                StatementRow.text,
            ).where(StatementRow.case_id == case_id, ~StatementRow.deleted)
        ).all()
    )


def manual_events(session: Session, case_id: int) -> list[Any]:
    """(id, at, uncertainty_s, source, text, party_id) of live manual events."""
    return list(
        session.execute(
            select(
                ManualEventRow.id,
                ManualEventRow.at,
                ManualEventRow.uncertainty_s,
                ManualEventRow.source,
                ManualEventRow.text,
                ManualEventRow.party_id,
            ).where(ManualEventRow.case_id == case_id, ~ManualEventRow.deleted)
        ).all()
    )


_CALL_COLUMNS = (
    CallRow.id,
    CallRow.start_utc,
    CallRow.duration_s,
    CallRow.caller,
    CallRow.callee,
    CallRow.status,
)


def call_span(session: Session, case_id: int) -> tuple[datetime | None, datetime | None]:
    """(first start, last start) of the case's calls: two lookups at the ends of the
    `(case, start)` index (a combined min/max, or a count, would walk all of it)."""
    where = CallRow.case_id == case_id
    first = session.execute(select(func.min(CallRow.start_utc)).where(where)).scalar_one()
    if first is None:
        return None, None
    last = session.execute(select(func.max(CallRow.start_utc)).where(where)).scalar_one()
    return first, last


def call_counts(
    session: Session,
    case_id: int,
    origin_s: float,
    bucket_s: float,
    buckets: int,
    start: datetime,
    end: datetime,
) -> list[tuple[int, int]]:
    """(i, calls starting in [start, end) and in bucket i) for each bucket holding any, the
    buckets being `bucket_s` whole seconds from `origin_s` (epoch seconds, whole): one range
    count per bucket on the `(case, start)` index, in one statement. A million-call timeline
    is drawn from these counts, never from its rows (a GROUP BY over an expression of the
    start evaluates it for every row: seven times slower at 1M calls)."""
    if buckets < 1:
        return []
    seed = select(literal(0).label("i")).cte("edges", recursive=True)
    edges = seed.union_all(select(seed.c.i + 1).where(seed.c.i < buckets - 1))

    def edge(k: Any) -> Any:
        seconds = literal(float(origin_s)) + k * float(bucket_s)
        if session.get_bind().dialect.name == "sqlite":
            # the stored text sorts with this one: '2025-10-09 11:05:00.000' < '...00.000000'
            return func.strftime("%Y-%m-%d %H:%M:%f", seconds, "unixepoch")
        return func.to_timestamp(seconds)

    # the first bucket from `start`, the last to `end`: one range per bucket, so that the
    # index bounds are all a row is checked against
    lo = case((edges.c.i == 0, literal(start, UTCDateTime())), else_=edge(edges.c.i))
    hi = case((edges.c.i == buckets - 1, literal(end, UTCDateTime())), else_=edge(edges.c.i + 1))
    counted = (
        select(func.count())
        .where(CallRow.case_id == case_id, CallRow.start_utc >= lo, CallRow.start_utc < hi)
        .scalar_subquery()
    )
    rows = session.connection().execute(select(edges.c.i, counted.label("n")))
    return [(int(i), int(n)) for i, n in rows if n]


def party_call_counts(
    session: Session,
    case_id: int,
    lanes: Sequence[Sequence[str]],
    origin_s: float,
    bucket_s: float,
    start: datetime,
    end: datetime,
) -> list[tuple[int, int, int]]:
    """(lane, bucket, calls) of the calls starting in [start, end) whose caller or callee is
    in one of `lanes` (lists of numbers): the lane (from 1) is the first holding the caller,
    else the callee; buckets of `bucket_s` whole seconds from `origin_s`. Read through the
    number indexes and counted in SQL: a party's million calls never reach Python."""
    numbers = [n for lane in lanes for n in lane]
    if not numbers:
        return []
    # No time range on the caller branch: with one, SQLite walks the `(case, start)` index
    # over the whole window (0.35 s at 1M calls) instead of the caller's own entries.
    as_caller = select(CallRow.caller, CallRow.callee, CallRow.start_utc).where(
        CallRow.case_id == case_id, CallRow.caller.in_(numbers)
    )
    as_callee = select(CallRow.caller, CallRow.callee, CallRow.start_utc).where(
        CallRow.case_id == case_id,
        CallRow.callee.in_(numbers),
        CallRow.caller.not_in(numbers),
        CallRow.start_utc >= start,
        CallRow.start_utc < end,
    )
    calls = union_all(as_caller, as_callee).subquery()
    whens = [(calls.c.caller.in_(list(n)), i) for i, n in enumerate(lanes, 1) if n]
    whens += [(calls.c.callee.in_(list(n)), i) for i, n in enumerate(lanes, 1) if n]
    lane = case(*whens, else_=0)
    epoch: Any
    bucket: Any
    if session.get_bind().dialect.name == "sqlite":
        # whole milliseconds, so that a call on a bucket's edge falls in the bucket it starts,
        # as the range counts of `call_counts` put it
        epoch = func.round((func.julianday(calls.c.start_utc) - 2440587.5) * 86_400.0, 3)
        bucket = func.cast((epoch - origin_s) / bucket_s, Integer)
    else:
        epoch = func.extract("epoch", calls.c.start_utc)
        bucket = func.floor((epoch - origin_s) / bucket_s)
    # The planner pushes this condition into both branches: written on an expression, it
    # cannot turn the caller branch back into a walk of the `(case, start)` index.
    at = func.coalesce(calls.c.start_utc, calls.c.start_utc)
    stmt = (
        select(lane.label("lane"), bucket.label("bucket"), func.count())
        .where(at >= start, at < end)
        .group_by("lane", "bucket")
    )
    return [(int(n), int(b), int(c)) for n, b, c in session.connection().execute(stmt)]


_EVER = datetime(1900, 1, 1, tzinfo=UTC)  # before any call: a bound that picks the start index


def call_log_totals(session: Session, case_id: int) -> tuple[int, int, int]:
    """(calls, answered, seconds talked) of the case's whole call log, in one pass."""
    answered = func.sum(case((CallRow.status == "answered", 1), else_=0))
    # Through the `(case, start)` index, whose order is mostly the rows' own (exports come in
    # time order): the planner's pick, the `(case, virtual)` index, jumps about the table
    # (2.0 s against 0.37 s CPU at 1M calls).
    row = session.execute(
        select(func.count(), answered, func.sum(CallRow.duration_s)).where(
            CallRow.case_id == case_id, CallRow.start_utc >= _EVER
        )
    ).one()
    return int(row[0]), int(row[1] or 0), int(row[2] or 0)


def distinct_numbers(session: Session, case_id: int) -> int:
    """How many different numbers the case's calls hold (the import keeps the list)."""
    stmt = select(func.count()).select_from(CallNumberRow).where(CallNumberRow.case_id == case_id)
    return int(session.execute(stmt).scalar_one())


def top_callers(session: Session, case_id: int, limit: int) -> list[tuple[str, int]]:
    """The numbers that called most in the whole call log, with their calls (grouped along
    the `(case, caller, ...)` index, in its order: no sort of a million rows)."""
    calls = func.count().label("calls")
    stmt = (
        select(CallRow.caller, calls)
        .where(CallRow.case_id == case_id)
        .group_by(CallRow.caller)
        .order_by(calls.desc(), CallRow.caller)
        .limit(limit)
    )
    return [(str(number), int(n)) for number, n in session.execute(stmt)]


def calls_between(session: Session, case_id: int, start: datetime, end: datetime) -> list[Any]:
    """(id, start_utc, duration_s, caller, callee, status) of the calls starting in
    [start, end), in time order (the visible stretch of a windowed timeline)."""
    return list(
        session.connection()
        .execute(
            select(*_CALL_COLUMNS)
            .where(CallRow.case_id == case_id, CallRow.start_utc >= start, CallRow.start_utc < end)
            .order_by(CallRow.start_utc, CallRow.id)
        )
        .all()
    )


def calls_by_ids(session: Session, case_id: int, ids: Sequence[int]) -> list[Any]:
    """The same columns for the given calls of the case (those marked in the dossier)."""
    rows: list[Any] = []
    for at in range(0, len(ids), 10_000):
        chunk = list(ids[at : at + 10_000])
        stmt = select(*_CALL_COLUMNS).where(CallRow.case_id == case_id, CallRow.id.in_(chunk))
        rows += session.connection().execute(stmt).all()
    return rows


def videos(session: Session, case_id: int) -> list[Any]:
    """(id, original_name, source, camera_origin) of every probed video of the case."""
    return list(
        session.execute(
            select(
                EvidenceRow.id,
                EvidenceRow.original_name,
                EvidenceRow.source,
                VideoMediaRow.camera_origin,
            )
            .join(VideoMediaRow, VideoMediaRow.evidence_id == EvidenceRow.id)
            .where(EvidenceRow.case_id == case_id)
        ).all()
    )


def video_notes(session: Session, case_id: int, evidence_ids: Sequence[int]) -> list[Any]:
    """(id, evidence_id, frame_index, media_time_s, text, tags) of live annotations of the
    given videos."""
    return list(
        session.connection()
        .execute(
            select(
                AnnotationRow.id,
                AnnotationRow.evidence_id,
                AnnotationRow.frame_index,
                AnnotationRow.media_time_s,
                AnnotationRow.text,
                AnnotationRow.tags,
            ).where(
                AnnotationRow.case_id == case_id,
                ~AnnotationRow.deleted,
                AnnotationRow.evidence_id.in_(list(evidence_ids)),
            )
        )
        .all()
    )


def stills(session: Session, case_id: int, parent_ids: Sequence[int]) -> list[Any]:
    """(id, parent_id, frame_index, media_time_s, original_name) of stills taken from the given
    videos."""
    return list(
        session.execute(
            select(
                EvidenceRow.id,
                EvidenceRow.parent_id,
                EvidenceRow.frame_index,
                EvidenceRow.media_time_s,
                EvidenceRow.original_name,
            ).where(
                EvidenceRow.case_id == case_id,
                EvidenceRow.kind == "still",
                EvidenceRow.parent_id.in_(list(parent_ids)),
            )
        ).all()
    )


def dossier_marks(session: Session, case_id: int, among: Sequence[str] | None = None) -> set[str]:
    """Ids of the case's events marked "in the dossier" (of `among` only, when given)."""
    stmt = select(DossierMarkRow.event_id).where(DossierMarkRow.case_id == case_id)
    if among is not None:
        stmt = stmt.where(DossierMarkRow.event_id.in_(list(among)))
    return set(session.scalars(stmt).all())


def add_dossier_marks(
    session: Session, case_id: int, event_ids: Sequence[str], at: datetime, actor: str
) -> None:
    session.execute(
        insert(DossierMarkRow),
        [
            {"case_id": case_id, "event_id": i, "created_at": at, "created_by": actor}
            for i in event_ids
        ],
    )


def remove_dossier_marks(session: Session, case_id: int, event_ids: Sequence[str]) -> None:
    session.execute(
        delete(DossierMarkRow).where(
            DossierMarkRow.case_id == case_id, DossierMarkRow.event_id.in_(list(event_ids))
        )
    )
