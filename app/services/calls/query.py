"""Browsing a case's calls: filtered id lists (SQL), rows for the visible window, the
per-number summary, linking numbers to parties, and the audited reveal.

Numbers are searched through `call_numbers` (the case's distinct numbers, a few thousand
rows) and the calls are then found by the `(case, caller|callee|virtual, start)` indexes, so
a digit search over a million calls stays in milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, func, literal, or_, select, union, union_all
from sqlalchemy.orm import Session

from app.domain.errors import NotFound, ValidationError
from app.domain.phones import digits_of, display, mask
from app.domain.timeutil import ensure_utc
from app.services.calls.dto import BatchInfo, CallFilter, CallView, NumberSummary
from app.services.core.cases import resolve_case_id
from app.services.core.context import ServiceContext
from app.storage.models.calls import CallBatchRow, CallNumberRow, CallRow
from app.storage.models.cases import PartyPhoneRow, PartyRow

CHUNK = 500  # ids per IN (...) query: well under every driver's parameter limit


def _numbers_matching(session: Session, case_id: int, digits: str) -> list[str]:
    stmt = select(CallNumberRow.value).where(
        CallNumberRow.case_id == case_id, CallNumberRow.digits.contains(digits, autoescape=True)
    )
    return list(session.scalars(stmt))


def party_numbers(session: Session, case_id: int) -> dict[str, tuple[int, str, str]]:
    """number value → (party id, name, role) for the case's parties (not deleted)."""
    stmt = (
        select(PartyPhoneRow.value, PartyRow.id, PartyRow.name, PartyRow.role)
        .join(PartyRow, PartyRow.id == PartyPhoneRow.party_id)
        .where(PartyRow.case_id == case_id, PartyRow.deleted.is_(False))
    )
    return {value: (pid, name, role) for value, pid, name, role in session.execute(stmt)}


def _touching(values: Sequence[str]) -> ColumnElement[bool]:
    return or_(CallRow.caller.in_(values), CallRow.callee.in_(values), CallRow.virtual.in_(values))


def _conditions(
    session: Session, case_id: int, flt: CallFilter
) -> tuple[list[ColumnElement[bool]], list[list[str]]] | None:
    """WHERE parts for `flt` and the number sets a call must touch (number search, party);
    None when a number or party filter cannot match anything."""
    where: list[ColumnElement[bool]] = [CallRow.case_id == case_id]
    number_sets: list[list[str]] = []
    if flt.number and flt.number.strip():
        digits = digits_of(flt.number)
        if not digits:
            raise ValidationError("search a number by its digits", field="number")
        number_sets.append(_numbers_matching(session, case_id, digits))
    if flt.party_id is not None:
        number_sets.append(
            list(
                session.scalars(
                    select(PartyPhoneRow.value).where(PartyPhoneRow.party_id == flt.party_id)
                )
            )
        )
    if any(not values for values in number_sets):
        return None
    if flt.start_from is not None:
        where.append(CallRow.start_utc >= flt.start_from)
    if flt.start_to is not None:
        where.append(CallRow.start_utc < flt.start_to)
    if flt.direction:
        where.append(CallRow.direction == flt.direction)
    if flt.status:
        where.append(CallRow.status == flt.status)
    if flt.order:
        where.append(CallRow.order_number == flt.order.strip())
    if flt.batch_id is not None:
        where.append(CallRow.batch_id == flt.batch_id)
    return where, number_sets


def call_ids(ctx: ServiceContext, case_ref: str | int, flt: CallFilter | None = None) -> list[int]:
    """Ids of the calls matching `flt`, in time order (the table model keeps only these).

    A number filter is a UNION of one query per number column, so each uses its own
    `(case, column, start)` index; an OR would let the planner walk the whole case in time
    order instead."""
    with ctx.session() as session:
        case_id = resolve_case_id(session, case_ref)
        found = _conditions(session, case_id, flt or CallFilter())
        if found is None:
            return []
        where, number_sets = found
        if not number_sets:
            stmt = select(CallRow.id).where(*where).order_by(CallRow.start_utc, CallRow.id)
            return list(session.scalars(stmt))
        first, *others = number_sets
        extra = [_touching(values) for values in others]
        branches = [
            select(CallRow.id, CallRow.start_utc).where(*where, *extra, column.in_(first))
            for column in (CallRow.caller, CallRow.callee, CallRow.virtual)
        ]
        both = union(*branches).subquery()
        ordered = select(both.c.id).order_by(both.c.start_utc, both.c.id)
        return list(session.scalars(ordered))


def _views(session: Session, ids: Sequence[int], reveal: bool) -> list[CallView]:
    rows: dict[int, CallRow] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows.update(
            {r.id: r for r in session.scalars(select(CallRow).where(CallRow.id.in_(chunk)))}
        )
    if not rows:
        return []
    case_ids = {r.case_id for r in rows.values()}
    parties: dict[str, tuple[int, str, str]] = {}
    for case_id in case_ids:
        parties.update(party_numbers(session, case_id))
    show = display if reveal else mask

    def party(value: str) -> str | None:
        hit = parties.get(value)
        return hit[1] if hit else None

    return [
        CallView(
            id=r.id,
            start_utc=r.start_utc,
            duration_s=r.duration_s,
            caller=show(r.caller),
            callee=show(r.callee),
            virtual_number=show(r.virtual),
            direction=r.direction,
            status=r.status,
            order_number=r.order_number,
            call_id=r.call_id,
            batch_id=r.batch_id,
            line=r.line,
            caller_party=party(r.caller),
            callee_party=party(r.callee),
        )
        for r in (rows.get(i) for i in ids)
        if r is not None
    ]


def calls_by_ids(ctx: ServiceContext, ids: Sequence[int]) -> list[CallView]:
    """Masked rows for `ids`, in the order given (ids that vanished are skipped)."""
    with ctx.session() as session:
        return _views(session, list(ids), reveal=False)


def reveal_calls(
    ctx: ServiceContext, case_ref: str | int, ids: Sequence[int], reason: str
) -> list[CallView]:
    """Unmasked rows. Needs a reason; the reveal is audited in the same transaction (by call
    ids and reason, never the numbers themselves)."""
    if len(reason.strip()) < 3:
        raise ValidationError("say why the personal data is revealed", field="reason")
    with ctx.transaction() as session:
        case_id = resolve_case_id(session, case_ref)
        wanted = list(ids)
        views = _views(session, wanted, reveal=True)
        foreign = {r for r in _case_of(session, [v.id for v in views]) if r != case_id}
        if foreign:
            raise ValidationError("some calls belong to another case", field="ids")
        ctx.audit(
            session,
            action="reveal",
            entity="calls",
            entity_id=case_id,
            case_id=case_id,
            after={
                "field": "numbers",
                "reason": reason.strip(),
                "count": len(views),
                "call_ids": [v.id for v in views][:1000],
            },
        )
        return views


def _case_of(session: Session, ids: list[int]) -> set[int]:
    found: set[int] = set()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        found.update(
            session.scalars(select(CallRow.case_id).where(CallRow.id.in_(chunk)).distinct())
        )
    return found


def number_summary(ctx: ServiceContext, case_ref: str | int) -> list[NumberSummary]:
    """Every number of the case's calls: calls, first and last contact, talk time, party.
    Most active first."""
    with ctx.session() as session:
        case_id = resolve_case_id(session, case_ref)
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
        stats = {row[0]: row[1:] for row in session.execute(stmt)}
        ids = {
            value: number_id
            for value, number_id in session.execute(
                select(CallNumberRow.value, CallNumberRow.id).where(
                    CallNumberRow.case_id == case_id
                )
            )
        }
        parties = party_numbers(session, case_id)
    out = []
    for value, (count, first, last, talk, is_virtual) in stats.items():
        party = parties.get(value)
        out.append(
            NumberSummary(
                number_id=ids.get(value, 0),
                number=mask(value),
                calls=int(count),
                first_utc=_utc(first),
                last_utc=_utc(last),
                talk_s=int(talk or 0),
                party_id=party[0] if party else None,
                party_name=party[1] if party else None,
                party_role=party[2] if party else None,
                virtual=bool(is_virtual),
            )
        )
    return sorted(out, key=lambda s: (-s.calls, s.number))


def _utc(value: object) -> datetime | None:
    """Aggregates bypass the column type (SQLite hands back text): make aware UTC."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return ensure_utc(value)
    return ensure_utc(datetime.fromisoformat(str(value)))


def list_batches(ctx: ServiceContext, case_ref: str | int) -> list[BatchInfo]:
    """The case's imported call-log files, oldest first."""
    with ctx.session() as session:
        case_id = resolve_case_id(session, case_ref)
        rows = session.scalars(
            select(CallBatchRow).where(CallBatchRow.case_id == case_id).order_by(CallBatchRow.id)
        )
        return [
            BatchInfo(
                id=r.id,
                evidence_id=r.evidence_id,
                original_name=r.original_name,
                sha256=r.sha256,
                imported=r.imported,
                duplicates=r.duplicates,
                rejected=r.rejected,
                created_at=r.created_at,
                options=dict(r.options or {}),
            )
            for r in rows
        ]


def _number(session: Session, case_id: int, number_id: int) -> CallNumberRow:
    row = session.get(CallNumberRow, number_id)
    if row is None or row.case_id != case_id:
        raise NotFound(f"no number {number_id} in this case")
    return row


def _party(session: Session, case_id: int, party_id: int) -> PartyRow:
    row = session.get(PartyRow, party_id)
    if row is None or row.case_id != case_id or row.deleted:
        raise NotFound(f"no party {party_id} in this case")
    return row


def link_number(ctx: ServiceContext, case_ref: str | int, number_id: int, party_id: int) -> None:
    """Say that a number of the calls belongs to a party (audited)."""
    with ctx.transaction() as session:
        case_id = resolve_case_id(session, case_ref)
        number = _number(session, case_id, number_id)
        party = _party(session, case_id, party_id)
        owner = party_numbers(session, case_id).get(number.value)
        if owner is not None:
            if owner[0] == party.id:
                return
            raise ValidationError(
                f"the number already belongs to {owner[1]}; unlink it first", field="party"
            )
        session.add(
            PartyPhoneRow(
                party_id=party.id, raw=number.value, value=number.value, digits=number.digits
            )
        )
        ctx.audit(
            session,
            action="update",
            entity="party",
            entity_id=party.id,
            case_id=case_id,
            after={"linked_number_id": number.id, "number": mask(number.value)},
        )


def unlink_number(ctx: ServiceContext, case_ref: str | int, number_id: int, party_id: int) -> None:
    with ctx.transaction() as session:
        case_id = resolve_case_id(session, case_ref)
        number = _number(session, case_id, number_id)
        party = _party(session, case_id, party_id)
        row = session.scalar(
            select(PartyPhoneRow).where(
                PartyPhoneRow.party_id == party.id, PartyPhoneRow.value == number.value
            )
        )
        if row is None:
            raise NotFound("the number is not linked to that party")
        session.delete(row)
        ctx.audit(
            session,
            action="update",
            entity="party",
            entity_id=party.id,
            case_id=case_id,
            before={"linked_number_id": number.id, "number": mask(number.value)},
        )
