"""Running the misuse detectors over a case, and the case's detector thresholds.

The facts come from the case: its calls, its orders (assigned / picked up → delivered /
cancelled), and which numbers belong to the subject courier, the complainant and the other
parties (`party_phones`, including numbers linked from the call log)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any
from weakref import WeakKeyDictionary

from app.domain.calls.detectors import DETECTORS, CaseFacts, detect, order_windows
from app.domain.calls.findings import Finding, FindingKind, Thresholds
from app.domain.calls.records import CallRecord
from app.domain.cases import PartyRole
from app.domain.phones import normalize
from app.domain.progress import NullProgress, Progress, check_cancel
from app.domain.timeutil import now_utc
from app.services.calls.dto import FindingView
from app.services.core.context import ServiceContext
from app.storage.repositories import calls as repo

# Findings per engine and case, with what they were computed from: the case's calls (its
# import batches), zone, thresholds, party numbers and orders. Equal inputs give equal
# findings, so `analyze` of an unchanged case (the dossier, the timeline) costs a few reads.
_CACHE: WeakKeyDictionary[Any, dict[int, tuple[object, tuple[FindingView, ...]]]] = (
    WeakKeyDictionary()
)


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
    of enough calls to one number (`burst_candidates`). Results are kept per case until its
    calls, zone, thresholds, party numbers or orders change."""
    progress = progress or NullProgress()
    findings: list[Finding] = []
    with ctx.session() as session:
        tz = repo.case_zone(session, case_id)
        limits = _thresholds(repo.thresholds(session, case_id))
        owners = repo.party_numbers(session, case_id)
        orders = order_windows(repo.order_events(session, case_id))
        version = (repo.calls_version(session, case_id), tz, limits, sorted(owners.items()), orders)
        cached = _CACHE.get(ctx.engine, {}).get(case_id)
        if cached is not None and cached[0] == version:
            return list(cached[1])
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
        findings.extend(detect(replace(base, calls=party_calls), limits, others_kinds))
        check_cancel(progress)
        progress.report(0, None, "bursts")
        candidates = repo.burst_candidates(
            session, case_id, limits.burst_min_calls, limits.burst_window_min * 60
        )
        for group in _callee_groups(enumerate(candidates, start=1), progress):
            if len(group) >= limits.burst_min_calls:
                burst = detect(replace(base, calls=group), limits, [FindingKind.CALL_BURST])
                findings.extend(burst)
    check_cancel(progress)
    findings.sort(key=lambda f: (f.start_utc, f.kind))
    views = [finding_view(f) for f in findings]
    _CACHE.setdefault(ctx.engine, {})[case_id] = (version, tuple(views))
    return views
