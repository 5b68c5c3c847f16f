"""Running the misuse detectors over a case, and the case's detector thresholds.

The facts come from the case: its calls, its orders (assigned / picked up → delivered /
cancelled), and which numbers belong to the subject courier, the complainant and the other
parties (`party_phones`, including numbers linked from the call log)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.calls.detectors import CaseFacts, OrderWindow, detect
from app.domain.calls.findings import Finding, Thresholds
from app.domain.calls.records import CallRecord
from app.domain.cases import OrderEventKind, PartyRole
from app.domain.phones import normalize
from app.domain.progress import NullProgress, Progress, check_cancel
from app.domain.timeutil import now_utc
from app.services.calls_dto import FindingView
from app.services.calls_query import party_numbers
from app.services.cases import load_case, resolve_case_id
from app.services.context import ServiceContext
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


def _calls(session: Session, case_id: int, progress: Progress) -> list[CallRecord]:
    stmt = (
        select(
            CallRow.id,
            CallRow.start_utc,
            CallRow.duration_s,
            CallRow.caller,
            CallRow.callee,
            CallRow.virtual,
            CallRow.status,
            CallRow.order_number,
        )
        .where(CallRow.case_id == case_id)
        .order_by(CallRow.start_utc, CallRow.id)
        .execution_options(yield_per=50_000)
    )
    calls = []
    for n, (cid, start, duration, caller, callee, virtual, status, order) in enumerate(
        session.execute(stmt), start=1
    ):
        calls.append(
            CallRecord(start, duration, caller, callee, virtual, None, status, order, id=cid)
        )
        if n % 50_000 == 0:
            check_cancel(progress)
            progress.report(n, None, "")
    return calls


def case_facts(session: Session, case_id: int, progress: Progress) -> tuple[CaseFacts, Thresholds]:
    case = load_case(session, case_id)
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
    facts = CaseFacts(
        calls=_calls(session, case_id, progress),
        courier_numbers=frozenset(courier),
        complainant_numbers=frozenset(complainant),
        complainant_tz=case.tz,
        orders=_orders(session, case_id),
        other_party_numbers=frozenset(others),
    )
    return facts, _thresholds(session, case_id)


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
    """Every detector over the case with its thresholds; findings in time order."""
    progress = progress or NullProgress()
    with ctx.session() as session:
        case_id = resolve_case_id(session, case_ref)
        facts, limits = case_facts(session, case_id, progress)
    check_cancel(progress)
    return [finding_view(f) for f in detect(facts, limits)]
