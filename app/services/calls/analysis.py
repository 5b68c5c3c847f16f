"""Running the misuse detectors over a case, and the case's detector thresholds.

The facts come from the case: its calls, its orders (assigned / picked up → delivered /
cancelled), and which numbers belong to the subject courier, the complainant and the other
parties (`party_phones`, including numbers linked from the call log)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime
from hashlib import sha256
from typing import Any
from weakref import WeakKeyDictionary

from app.domain.calls.detectors import (
    DETECTORS,
    CaseFacts,
    OrderWindow,
    detect,
    order_windows,
)
from app.domain.calls.findings import Finding, FindingKind, Thresholds
from app.domain.calls.records import CallRecord
from app.domain.cases import PartyRole
from app.domain.errors import NotAllowed
from app.domain.phones import normalize
from app.domain.progress import NullProgress, Progress, check_cancel
from app.domain.timeutil import now_utc
from app.services.calls.dto import FindingView
from app.services.core import lanes
from app.services.core.context import ServiceContext
from app.storage.repositories import calls as repo
from app.storage.session import Session

# Findings per engine and case with the fingerprint of what they were computed from, beside
# the copy kept in the database (`call_analyses`): a second look in the same process costs
# a few reads and no decoding.
_CACHE: WeakKeyDictionary[Any, dict[int, tuple[str, tuple[FindingView, ...]]]] = WeakKeyDictionary()
# Bump when a detector or a finding's parameters change: kept analyses are then recomputed.
ANALYSIS_VERSION = 1


def _thresholds(stored: dict[str, object] | None) -> Thresholds:
    return Thresholds.from_dict(stored or {})


def get_thresholds(ctx: ServiceContext, case_id: int) -> Thresholds:
    with ctx.session() as session:
        return _thresholds(repo.thresholds(session, case_id))


def set_thresholds(ctx: ServiceContext, case_id: int, limits: Thresholds) -> Thresholds:
    """Store the case's thresholds (validated by `Thresholds` itself, company lines
    normalized like the call log's numbers); audited."""
    region = ctx.settings.phone_region
    lines = tuple(
        dict.fromkeys(normalize(n, region).value for n in limits.company_lines if n.strip())
    )
    limits = replace(limits, company_lines=lines)
    with ctx.transaction() as session:
        before = _thresholds(repo.thresholds(session, case_id)).to_dict()
        repo.store_thresholds(session, case_id, limits.to_dict(), now_utc())
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


def _callee_groups(
    calls: Iterable[tuple[int, CallRecord]], progress: Progress
) -> Iterator[list[CallRecord]]:
    """All calls of the case, one callee at a time (index order), never all in memory."""
    group: list[CallRecord] = []
    for n, call in calls:
        if group and group[-1].callee != call.callee:
            yield group
            group = []
        group.append(call)
        if n % 50_000 == 0:
            check_cancel(progress)
            progress.report(n, None, "")
    if group:
        yield group


def _roles(owners: dict[str, repo.NumberOwner]) -> tuple[set[str], set[str], set[str]]:
    courier: set[str] = set()
    complainant: set[str] = set()
    others: set[str] = set()
    for value, owner in owners.items():
        if owner.role == PartyRole.SUBJECT:
            courier.add(value)
        elif owner.role == PartyRole.COMPLAINANT:
            complainant.add(value)
        else:
            others.add(value)
    return courier, complainant, others


def missing_phones(ctx: ServiceContext, case_id: int) -> tuple[str, ...]:
    """The party roles whose phone numbers the detectors need but the case lacks
    (`complainant`, `subject`): why an analysis can find nothing."""
    with ctx.session() as session:
        roles = {owner.role for owner in repo.party_numbers(session, case_id).values()}
    return tuple(r for r in (PartyRole.COMPLAINANT, PartyRole.SUBJECT) if r not in roles)


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
    ctx: ServiceContext, case_id: int, progress: Progress | None = None
) -> list[FindingView]:
    """Every detector over the case with its thresholds; findings in time order.

    Memory stays flat on large cases: the detectors about courier and complainant see the
    calls of the parties' numbers; the burst detector sees only the calls SQL found in runs
    of enough calls to one number (`burst_candidates`). The result is kept in the database
    (`call_analyses`) until the case's calls, zone, thresholds, party phones or orders
    change, so a dossier export in another process or a second GUI session reuses it. What
    is kept holds codes, call ids, times and masked numbers only; the sentences are worded
    on read. A reader who may not write the case still gets the findings, not kept; so does
    a job that may not write where it runs (`lanes.may_write_here`: the GUI keeps them from
    the jobs that lend the database lane's turn)."""
    progress = progress or NullProgress()
    with ctx.session() as session:
        tz = repo.case_zone(session, case_id)
        limits = _thresholds(repo.thresholds(session, case_id))
        orders = order_windows(repo.order_events(session, case_id))
        fingerprint = _fingerprint(
            repo.calls_version(session, case_id),
            tz,
            limits,
            repo.party_phone_keys(session, case_id),
            orders,
        )
        cached = _CACHE.get(ctx.engine, {}).get(case_id)
        if cached is not None and cached[0] == fingerprint:
            return list(cached[1])
        kept = repo.kept_analysis(session, case_id)
        if kept is not None and kept[0] == fingerprint:
            findings = [_finding(item) for item in kept[1]]
        else:
            findings = _detect(session, case_id, tz, limits, orders, progress)
            kept = None
    check_cancel(progress)
    findings.sort(key=lambda f: (f.start_utc, f.kind))
    if kept is None and lanes.may_write_here():  # in the GUI's CPU pool: this process only
        try:
            with ctx.transaction() as session:
                stored = [_stored(f) for f in findings]
                repo.keep_analysis(session, case_id, fingerprint, stored, now_utc())
        except NotAllowed:
            pass  # a reader of the case: the findings are theirs, the database stays as it was
    views = [finding_view(f) for f in findings]
    _CACHE.setdefault(ctx.engine, {})[case_id] = (fingerprint, tuple(views))
    return views


def _fingerprint(*inputs: object) -> str:
    """A digest of what an analysis is computed from: counts, ids and versions, the zone,
    the thresholds and the orders' windows — never a phone number (the digest is stored
    where any reader of the case sees it)."""
    return sha256(repr((ANALYSIS_VERSION, *inputs)).encode()).hexdigest()


def _detect(
    session: Session,
    case_id: int,
    tz: str,
    limits: Thresholds,
    orders: list[OrderWindow],
    progress: Progress,
) -> list[Finding]:
    owners = repo.party_numbers(session, case_id)
    courier, complainant, others = _roles(owners)
    base = CaseFacts(
        calls=[],
        courier_numbers=frozenset(courier),
        complainant_numbers=frozenset(complainant),
        complainant_tz=tz,
        orders=orders,
        virtual_numbers=repo.virtual_numbers(session, case_id),
        other_party_numbers=frozenset(others),
    )
    party_calls = repo.calls_touching(session, case_id, frozenset(courier | complainant))
    others_kinds = [k for k in DETECTORS if k != FindingKind.CALL_BURST]
    findings = detect(replace(base, calls=party_calls), limits, others_kinds)
    check_cancel(progress)
    progress.report(0, None, "bursts")
    candidates = repo.burst_candidates(
        session, case_id, limits.burst_min_calls, limits.burst_window_min * 60
    )
    for group in _callee_groups(enumerate(candidates, start=1), progress):
        if len(group) >= limits.burst_min_calls:
            findings.extend(detect(replace(base, calls=group), limits, [FindingKind.CALL_BURST]))
    return findings


def _stored(finding: Finding) -> dict[str, Any]:
    return {
        "kind": finding.kind,
        "severity": finding.severity,
        "call_ids": list(finding.call_ids),
        "start_utc": finding.start_utc.isoformat(),
        "end_utc": finding.end_utc.isoformat(),
        "params": finding.params,
    }


def _finding(item: dict[str, Any]) -> Finding:
    return Finding(
        kind=str(item["kind"]),
        severity=str(item["severity"]),
        call_ids=tuple(int(i) for i in item["call_ids"]),
        start_utc=datetime.fromisoformat(item["start_utc"]),
        end_utc=datetime.fromisoformat(item["end_utc"]),
        params=dict(item["params"]),
    )
