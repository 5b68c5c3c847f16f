"""Calls and findings for the dossier, read through the calls feature's services
(`app.services.calls.query`: `call_ids`, `calls_by_ids`, `reveal_calls`;
`app.services.calls.analysis`: `analyze`, whose results are kept until the calls change) and
the whole call log's figures from the timeline read model.

A police reader gets the calls the findings rest on in full and the parties' calls, in the
annex (at most `ANNEX_CALLS`, the findings' first); the rest of a platform's export (a million
calls) is summarised — totals, calls per day, the numbers that called most — and the full log
is the original file listed with its SHA-256 among the materials.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from app.domain.phones import mask
from app.domain.timeutil import in_zone
from app.reports.model import CallEntry, CallStatistics, FindingEntry, Lang, Profile
from app.services.calls.analysis import analyze
from app.services.calls.dto import CallFilter, CallView
from app.services.calls.query import call_ids, calls_by_ids, reveal_calls
from app.services.core.context import ServiceContext
from app.services.dossier.privacy import phone_text, reveals, unmasker
from app.storage.repositories import timeline as read_model

REVEAL_REASON = "dossier export for law enforcement"
ANNEX_CALLS = 5_000  # about a hundred pages; the original log holds the rest
TOP_NUMBERS = 10
DAYS_SHOWN = 92  # calls per day over at most a quarter; a longer log is summed per week


@dataclass(frozen=True)
class CallsPart:
    calls: tuple[CallEntry, ...]
    findings: tuple[FindingEntry, ...]
    statistics: CallStatistics | None
    omitted: int = 0  # calls of the parties or findings not listed in the annex


def _entry(view: CallView) -> CallEntry:
    return CallEntry(
        start=view.start_utc,
        duration_s=view.duration_s,
        caller=view.caller,
        callee=view.callee,
        via=view.virtual_number or "",
        answered=view.status == "answered",
        order_ref=view.order_number or "",
    )


def _annex_ids(named: Iterable[int], touching: Iterable[int], limit: int) -> list[int]:
    """The calls to list: those the findings rest on first, then the parties' calls, at
    most `limit` (ids in time order are roughly the order of the import; the annex sorts)."""
    chosen = sorted(set(named))[:limit]
    rest = sorted(set(touching) - set(chosen))[: max(limit - len(chosen), 0)]
    return sorted([*chosen, *rest])


def _per_kind(findings: Sequence[FindingEntry]) -> tuple[tuple[str, int], ...]:
    """Calls per kind of finding (twenty night-call findings are one line: their calls)."""
    calls: dict[str, set[CallEntry]] = {}
    for finding in findings:
        calls.setdefault(finding.kind, set()).update(finding.calls)
    return tuple((kind, len(found)) for kind, found in calls.items())


def _per_day(
    ctx: ServiceContext, case_id: int, zone: str, first: datetime, last: datetime
) -> tuple[datetime, int, list[tuple[int, int]]]:
    """Calls of the whole log per local day (per week when the log spans more than
    `DAYS_SHOWN` days), counted in SQL: (first local midnight, days per bucket,
    [(bucket, calls)])."""
    midnight = in_zone(first, zone).replace(hour=0, minute=0, second=0, microsecond=0)
    days = (last - midnight).days + 1
    step = 1 if days <= DAYS_SHOWN else 7
    buckets = days // step + 1
    origin = midnight.astimezone(UTC)
    end = origin + timedelta(days=step * buckets)
    with ctx.session() as session:
        counted = read_model.call_counts(
            session, case_id, origin.timestamp(), 86_400 * step, buckets, origin, end
        )
    return midnight, step, counted


def _statistics(
    ctx: ServiceContext,
    case_id: int,
    zone: str,
    profile: Profile,
    listed: Sequence[CallView],
    findings: Sequence[FindingEntry],
) -> CallStatistics | None:
    """The whole call log in figures (SQL over the case's calls) and how many of its calls
    the dossier lists, per day. The numbers that called most are shown as the profile shows
    the listed calls' numbers; a number of no listed call stays masked even for police (no
    reveal was asked, or audited, for it)."""
    with ctx.session() as session:
        first, last = read_model.call_span(session, case_id)
        if first is None or last is None:
            return None
        total, answered, talk_s = read_model.call_log_totals(session, case_id)
        distinct = read_model.distinct_numbers(session, case_id)
        top = read_model.top_callers(session, case_id, TOP_NUMBERS)
    midnight, step, per_day = _per_day(ctx, case_id, zone, first, last)
    listed_per_day = Counter(
        (in_zone(v.start_utc, zone).date() - midnight.date()).days // step for v in listed
    )
    in_annex = {n for v in listed for n in (v.caller, v.callee)}
    top_shown = [
        shown if shown in in_annex else mask(number)
        for (number, _n), shown in zip(top, phone_text([n for n, _c in top], profile), strict=True)
    ]
    return CallStatistics(
        total=total,
        answered=answered,
        distinct_numbers=distinct,
        total_duration_s=talk_s,
        first_at=first,
        last_at=last,
        by_finding=_per_kind(findings),
        top_numbers=tuple(zip(top_shown, (n for _number, n in top), strict=True)),
        listed=len(listed),
        by_day=tuple(
            ((midnight + timedelta(days=i * step)).astimezone(UTC), n, listed_per_day.get(i, 0))
            for i, n in per_day
        ),
        day_step=step,
    )


def load_calls(
    ctx: ServiceContext,
    case_id: int,
    party_ids: Sequence[int],
    profile: Profile,
    lang: Lang,
    zone: str = "UTC",
) -> CallsPart:
    """The calls that touch a party's number, plus those the findings rest on (unmasked for
    police, through the audited reveal), the findings, and the whole log's figures. Calls
    between other customers and couriers that happen to be in the same export are only
    counted."""
    found = analyze(ctx, case_id)
    named = {i for f in found for i in f.call_ids}
    touching: set[int] = set()
    for party_id in party_ids:
        touching.update(call_ids(ctx, case_id, CallFilter(party_id=party_id)))
    ids = _annex_ids(named, touching, ANNEX_CALLS)
    omitted = len(named | touching) - len(ids)
    if ids and reveals(profile):
        views = reveal_calls(ctx, case_id, ids, REVEAL_REASON)
    else:
        views = calls_by_ids(ctx, ids) if ids else []
    views.sort(key=lambda v: (v.start_utc, v.id))
    by_id = {v.id: _entry(v) for v in views}
    # police: the finding texts name numbers in full, as the call tables beside them do
    shown = (
        unmasker({n for v in views for n in (v.caller, v.callee, v.virtual_number or "")})
        if reveals(profile)
        else str
    )
    findings = tuple(
        FindingEntry(
            kind=f.kind,
            title="",
            detail=shown(f.explanation(lang)),
            severity=f.severity,
            calls=tuple(by_id[i] for i in f.call_ids if i in by_id),
        )
        for f in found
    )
    calls = tuple(by_id[v.id] for v in views)
    statistics = _statistics(ctx, case_id, zone, profile, views, findings)
    return CallsPart(calls, findings, statistics, omitted)
