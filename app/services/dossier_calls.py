"""Calls and findings for the dossier, read through the calls feature's services when that
feature is installed (`app.services.calls`: `call_ids`, `calls_by_ids`, `reveal_calls`,
`analyze`). Without it the dossier simply has no call sections' content.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from app.reports.model import CallEntry, CallStatistics, FindingEntry, Lang, Profile
from app.services.context import ServiceContext
from app.services.dossier_privacy import reveals

REVEAL_REASON = "dossier export for law enforcement"


@dataclass(frozen=True)
class CallsPart:
    calls: tuple[CallEntry, ...]
    findings: tuple[FindingEntry, ...]
    statistics: CallStatistics | None
    available: bool  # the calls feature is installed


class _CallsApi:
    """The calls feature's functions, wherever that feature keeps them."""

    MODULES = ("app.services.calls", "app.services.calls_query", "app.services.calls_analysis")
    NEEDED = ("call_ids", "calls_by_ids", "reveal_calls", "analyze")

    def __init__(self, found: dict[str, Any]) -> None:
        self.call_ids = found["call_ids"]
        self.calls_by_ids = found["calls_by_ids"]
        self.reveal_calls = found["reveal_calls"]
        self.analyze = found["analyze"]

    @classmethod
    def load(cls) -> _CallsApi | None:
        found: dict[str, Any] = {}
        for name in cls.MODULES:
            try:
                module: ModuleType = importlib.import_module(name)
            except ModuleNotFoundError:
                continue
            for fn in cls.NEEDED:
                if fn not in found and hasattr(module, fn):
                    found[fn] = getattr(module, fn)
        return cls(found) if all(fn in found for fn in cls.NEEDED) else None


def _entry(view: Any) -> CallEntry:
    return CallEntry(
        start=view.start_utc,
        duration_s=view.duration_s,
        caller=view.caller,
        callee=view.callee,
        via=view.virtual_number or "",
        answered=view.status == "answered",
        order_ref=view.order_number or "",
    )


def _statistics(views: Sequence[Any], findings: Sequence[FindingEntry]) -> CallStatistics:
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
    api = _CallsApi.load()
    if api is None:
        return CallsPart((), (), None, available=False)
    filter_type = importlib.import_module("app.services.calls_dto").CallFilter
    found = list(api.analyze(ctx, case_id))
    wanted: set[int] = {i for f in found for i in f.call_ids}
    for party_id in party_ids:
        wanted.update(api.call_ids(ctx, case_id, filter_type(party_id=party_id)))
    ids = sorted(wanted)
    if ids and reveals(profile):
        views = list(api.reveal_calls(ctx, case_id, ids, REVEAL_REASON))
    else:
        views = list(api.calls_by_ids(ctx, ids)) if ids else []
    views.sort(key=lambda v: (v.start_utc, v.id))
    by_id = {v.id: _entry(v) for v in views}
    findings = tuple(
        FindingEntry(
            kind=f.kind,
            title="",
            detail=f.explanation(lang),
            severity=f.severity,
            calls=tuple(by_id[i] for i in f.call_ids if i in by_id),
        )
        for f in found
    )
    calls = tuple(by_id[v.id] for v in views)
    return CallsPart(calls, findings, _statistics(views, findings) if views else None, True)
