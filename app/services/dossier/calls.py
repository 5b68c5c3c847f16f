"""Calls and findings for the dossier, read through the calls feature's services
(`app.services.calls.query`: `call_ids`, `calls_by_ids`, `reveal_calls`;
`app.services.calls.analysis`: `analyze`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from app.reports.model import CallEntry, CallStatistics, FindingEntry, Lang, Profile
from app.services.calls.analysis import analyze
from app.services.calls.dto import CallFilter, CallView
from app.services.calls.query import call_ids, calls_by_ids, reveal_calls
from app.services.core.context import ServiceContext
from app.services.dossier.privacy import reveals, unmasker

REVEAL_REASON = "dossier export for law enforcement"


@dataclass(frozen=True)
class CallsPart:
    calls: tuple[CallEntry, ...]
    findings: tuple[FindingEntry, ...]
    statistics: CallStatistics | None


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


def _statistics(views: Sequence[CallView], findings: Sequence[FindingEntry]) -> CallStatistics:
    callers = Counter(v.caller for v in views)
    return CallStatistics(
        total=len(views),
        answered=sum(1 for v in views if v.status == "answered"),
        distinct_numbers=len(callers),
        total_duration_s=sum(v.duration_s or 0 for v in views),
        first_at=min((v.start_utc for v in views), default=None),
        last_at=max((v.start_utc for v in views), default=None),
        by_finding=tuple((f.kind, len(f.calls)) for f in findings),
        top_numbers=tuple(callers.most_common(10)),
    )


def load_calls(
    ctx: ServiceContext, case_id: int, party_ids: Sequence[int], profile: Profile, lang: Lang
) -> CallsPart:
    """The calls that touch a party's number, plus those the findings rest on (unmasked for
    police, through the audited reveal), and the findings. Calls between other customers and
    couriers that happen to be in the same export stay out of the dossier."""
    found = analyze(ctx, case_id)
    wanted: set[int] = {i for f in found for i in f.call_ids}
    for party_id in party_ids:
        wanted.update(call_ids(ctx, case_id, CallFilter(party_id=party_id)))
    ids = sorted(wanted)
    if ids and reveals(profile):
        views = reveal_calls(ctx, case_id, ids, REVEAL_REASON)
    else:
        views = calls_by_ids(ctx, ids) if ids else []
    views.sort(key=lambda v: (v.start_utc, v.id))
    by_id = {v.id: _entry(v) for v in views}
    # police: the finding texts name numbers in full, as the call tables beside them do
    shown = (
        unmasker(n for v in views for n in (v.caller, v.callee, v.virtual_number or ""))
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
    return CallsPart(calls, findings, _statistics(views, findings) if views else None)
