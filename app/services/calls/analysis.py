"""Running the misuse detectors over a case, and the case's detector thresholds.

The facts come from the case: its calls, its orders (assigned / picked up → delivered /
cancelled), and which numbers belong to the subject courier, the complainant and the other
parties (`party_phones`, including numbers linked from the call log)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import select, union
from sqlalchemy.orm import Session

from app.domain.calls.detectors import DETECTORS, CaseFacts, OrderWindow, detect
from app.domain.calls.findings import Finding, FindingKind, Thresholds
from app.domain.calls.records import CallRecord
from app.domain.cases import OrderEventKind, PartyRole
from app.domain.phones import normalize
from app.domain.progress import NullProgress, Progress, check_cancel
from app.domain.timeutil import now_utc
from app.services.calls.dto import FindingView
from app.services.calls.query import party_numbers
from app.services.core.cases import load_case, resolve_case_id
from app.services.core.context import ServiceContext
from app.storage.models.calls import CallRow, CallSettingsRow
from app.storage.models.cases import OrderEventRow, OrderRow

_STARTS = (OrderEventKind.ASSIGNED, OrderEventKind.PICKED_UP)
_CLOSES = (OrderEventKind.DELIVERED, OrderEventKind.CANCELLED)


def _thresholds(session: Session, case_id: int) -> Thresholds:
    row = session.get(CallSettingsRow, case_id)
    return Thresholds.from_dict(row.thresholds) if row is not None else Thresholds()


def get_thresholds(ctx: ServiceContext, case_ref: str | int) -> Thresholds:
    with ctx.session() as session:
        return _thresholds(session, resolve_case_id(session, case_ref))


def set_thresholds(ctx: ServiceContext, case_ref: str | int, limits: Thresholds) -> Thresholds:
    """Store the case's thresholds (validated by `Thresholds` itself, company lines
    normalized like the call log's numbers); audited."""
    region = ctx.settings.phone_region
    lines = tuple(
        dict.fromkeys(normalize(n, region).value for n in limits.company_lines if n.strip())
    )
    limits = replace(limits, company_lines=lines)
    with ctx.transaction() as session:
        case_id = resolve_case_id(session, case_ref)
        before = _thresholds(session, case_id).to_dict()
        row = session.get(CallSettingsRow, case_id)
        if row is None:
            row = CallSettingsRow(case_id=case_id, thresholds={}, updated_at=now_utc())
            session.add(row)
        row.thresholds = limits.to_dict()
        row.updated_at = now_utc()
        ctx.audit(
            session,
            action="update",
            entity="call_settings",
            entity_id=case_id,
            case_id=case_id,
            before=before,
            after=limits.to_dict(),
        )
        return limits


def _orders(session: Session, case_id: int) -> list[OrderWindow]:
    orders = session.execute(
        select(OrderRow.id, OrderRow.number, OrderRow.slot_start).where(
            OrderRow.case_id == case_id, OrderRow.deleted.is_(False)
        )
    ).all()
    events: dict[int, list[tuple[str, datetime]]] = defaultdict(list)
    ids = [o.id for o in orders]
    if ids:
        stmt = select(OrderEventRow.order_id, OrderEventRow.kind, OrderEventRow.at).where(
            OrderEventRow.order_id.in_(ids)
        )
        for order_id, kind, at in session.execute(stmt):
            events[order_id].append((kind, at))
    windows = []
    for order_id, number, slot_start in orders:
        starts = [at for kind, at in events[order_id] if kind in _STARTS]
        closes = [at for kind, at in events[order_id] if kind in _CLOSES]
        windows.append(
            OrderWindow(
                number=number,
                start_utc=min(starts) if starts else slot_start,
                closed_utc=max(closes) if closes else None,
            )
        )
    return windows


_COLUMNS = (
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


def _party_calls(session: Session, case_id: int, values: frozenset[str]) -> list[CallRecord]:
    """Calls from or to a party's number: what every detector but the burst one looks at."""
    if not values:
        return []
    wanted = list(values)
    branches = [
        select(*_COLUMNS).where(CallRow.case_id == case_id, column.in_(wanted))
        for column in (CallRow.caller, CallRow.callee)
    ]
    numbers: dict[str, str] = {}
    return [_record(row, numbers) for row in session.execute(union(*branches))]


def _callee_groups(
    session: Session, case_id: int, progress: Progress
) -> Iterator[list[CallRecord]]:
    """All calls of the case, one callee at a time (index order), never all in memory."""
    stmt = (
        select(*_COLUMNS)
        .where(CallRow.case_id == case_id)
        .order_by(CallRow.callee, CallRow.start_utc)
        .execution_options(yield_per=50_000)
    )
    numbers: dict[str, str] = {}
    group: list[CallRecord] = []
    for n, row in enumerate(session.execute(stmt), start=1):
        call = _record(row, numbers)
        if group and group[-1].callee != call.callee:
            yield group
            group = []
        group.append(call)
        if n % 50_000 == 0:
            check_cancel(progress)
            progress.report(n, None, "")
    if group:
        yield group


def _roles(session: Session, case_id: int) -> tuple[set[str], set[str], set[str]]:
    courier: set[str] = set()
    complainant: set[str] = set()
    others: set[str] = set()
    for value, (_pid, _name, role) in party_numbers(session, case_id).items():
        if role == PartyRole.SUBJECT:
            courier.add(value)
        elif role == PartyRole.COMPLAINANT:
            complainant.add(value)
        else:
            others.add(value)
    return courier, complainant, others


def finding_view(finding: Finding) -> FindingView:
    return FindingView(
        kind=finding.kind,
        severity=finding.severity,
        call_ids=finding.call_ids,
        start_utc=finding.start_utc,
        end_utc=finding.end_utc,
        params=dict(finding.params),
        explanation_ru=finding.explain("ru"),
        explanation_en=finding.explain("en"),
    )


def analyze(
    ctx: ServiceContext, case_ref: str | int, progress: Progress | None = None
) -> list[FindingView]:
    """Every detector over the case with its thresholds; findings in time order.

    Memory stays flat on large cases: the detectors about courier and complainant see the
    calls of the parties' numbers; the burst detector walks all calls one callee at a time."""
    progress = progress or NullProgress()
    findings: list[Finding] = []
    with ctx.session() as session:
        case_id = resolve_case_id(session, case_ref)
        tz = load_case(session, case_id).tz
        limits = _thresholds(session, case_id)
        courier, complainant, others = _roles(session, case_id)
        stmt = select(CallRow.virtual).where(CallRow.case_id == case_id).distinct()
        virtual = frozenset(v for v in session.scalars(stmt) if v)
        base = CaseFacts(
            calls=[],
            courier_numbers=frozenset(courier),
            complainant_numbers=frozenset(complainant),
            complainant_tz=tz,
            orders=_orders(session, case_id),
            virtual_numbers=virtual,
            other_party_numbers=frozenset(others),
        )
        party_calls = _party_calls(session, case_id, frozenset(courier | complainant))
        others_kinds = [k for k in DETECTORS if k != FindingKind.CALL_BURST]
        findings.extend(detect(replace(base, calls=party_calls), limits, others_kinds))
        for group in _callee_groups(session, case_id, progress):
            if len(group) >= limits.burst_min_calls:
                burst = detect(replace(base, calls=group), limits, [FindingKind.CALL_BURST])
                findings.extend(burst)
    check_cancel(progress)
    findings.sort(key=lambda f: (f.start_utc, f.kind))
    return [finding_view(f) for f in findings]
