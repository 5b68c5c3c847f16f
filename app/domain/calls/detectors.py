"""Misuse detectors over a case's calls, orders and parties (issue 3, item 6).

Each detector is a pure function `(CaseFacts, Thresholds) → list[Finding]`. A call that went
through a virtual number while one of the case's orders was active (assigned … closed + grace)
is the masking working as intended and never counts toward a finding.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from app.domain.calls.findings import Finding, FindingKind, Severity, Thresholds
from app.domain.calls.records import CallRecord, CallStatus
from app.domain.cases import OrderEventKind
from app.domain.nights import by_night, night_params
from app.domain.phones import mask
from app.domain.timeutil import in_zone


@dataclass(frozen=True)
class OrderWindow:
    """An order as the detectors see it: when the courier had a reason to call."""

    number: str
    start_utc: datetime | None  # assigned (else picked up, else slot start)
    closed_utc: datetime | None  # delivered or cancelled


@dataclass(frozen=True)
class CaseFacts:
    calls: Sequence[CallRecord]  # with ids
    courier_numbers: frozenset[str]
    complainant_numbers: frozenset[str]
    complainant_tz: str
    orders: Sequence[OrderWindow] = ()
    virtual_numbers: frozenset[str] = field(default_factory=frozenset)
    # Numbers of the case's other parties (supervisor, witnesses): known callers, not "many
    # different numbers".
    other_party_numbers: frozenset[str] = field(default_factory=frozenset)


class _Context:
    """Derived facts shared by the detectors."""

    def __init__(self, facts: CaseFacts, limits: Thresholds) -> None:
        self.facts = facts
        self.limits = limits
        self.calls = sorted((c for c in facts.calls if c.id is not None), key=lambda c: c.start_utc)
        self.company = frozenset(limits.company_lines)
        self.virtual = facts.virtual_numbers | {c.virtual for c in self.calls if c.virtual}
        self.grace = timedelta(minutes=limits.grace_min)
        self.by_number = {o.number: o for o in facts.orders}

    def masked(self, call: CallRecord) -> bool:
        return bool(call.virtual) or call.caller in self.virtual or call.callee in self.virtual

    def is_contact(self, call: CallRecord) -> bool:
        """Between a number of the courier and a number of the complainant, either way."""
        a, b = call.caller, call.callee
        courier, complainant = self.facts.courier_numbers, self.facts.complainant_numbers
        return (a in courier and b in complainant) or (a in complainant and b in courier)

    def active(self, order: OrderWindow, at: datetime) -> bool:
        if order.start_utc is None and order.closed_utc is None:
            return False
        if order.start_utc is not None and at < order.start_utc:
            return False
        return order.closed_utc is None or at <= order.closed_utc + self.grace

    def during_delivery(self, call: CallRecord) -> bool:
        bound = self.by_number.get(call.order_number or "")
        orders = [bound] if bound is not None else self.facts.orders
        return any(self.active(o, call.start_utc) for o in orders)

    def legitimate(self, call: CallRecord) -> bool:
        """A masked call while an order was being delivered, or a company line's call."""
        if call.caller in self.company or call.callee in self.company:
            return True
        return self.masked(call) and self.during_delivery(call)

    def to_complainant(self, call: CallRecord) -> bool:
        complainant = self.facts.complainant_numbers
        return call.callee in complainant and call.caller not in complainant

    def when(self, moment: datetime) -> str:
        return in_zone(moment, self.facts.complainant_tz).strftime("%d.%m.%Y %H:%M")


def _finding(
    ctx: _Context,
    kind: FindingKind,
    severity: Severity,
    calls: Sequence[CallRecord],
    **params: object,
) -> Finding:
    first, last = calls[0], calls[-1]
    return Finding(
        kind=kind.value,
        severity=severity.value,
        call_ids=tuple(c.id for c in calls if c.id is not None),
        start_utc=first.start_utc,
        end_utc=max(c.end_utc for c in calls),
        params={
            "count": len(calls),
            "first": ctx.when(first.start_utc),
            "last": ctx.when(last.start_utc),
            **params,
        },
    )


def after_delivery_contact(ctx: _Context) -> list[Finding]:
    """Contact after the order was delivered or closed (plus grace), while no other order
    of the case was active."""
    closed = sorted(
        (o for o in ctx.facts.orders if o.closed_utc is not None),
        key=lambda o: o.closed_utc or datetime.min,
    )
    groups: dict[str, list[CallRecord]] = defaultdict(list)
    for call in ctx.calls:
        if not ctx.is_contact(call) or any(ctx.active(o, call.start_utc) for o in ctx.facts.orders):
            continue
        before = [o for o in closed if o.closed_utc and o.closed_utc + ctx.grace < call.start_utc]
        if before:
            groups[before[-1].number].append(call)
    findings = []
    for number, calls in groups.items():
        order = ctx.by_number[number]
        answered = any(c.status == CallStatus.ANSWERED for c in calls)
        severity = Severity.HIGH if answered or len(calls) >= 3 else Severity.MEDIUM
        closed_at = ctx.when(order.closed_utc) if order.closed_utc else ""
        findings.append(
            _finding(
                ctx,
                FindingKind.AFTER_DELIVERY_CONTACT,
                severity,
                calls,
                order=number,
                closed=closed_at,
                grace_min=ctx.limits.grace_min,
            )
        )
    return findings


def masking_bypass(ctx: _Context) -> list[Finding]:
    """Direct calls between the courier's and the complainant's real numbers."""
    calls = [c for c in ctx.calls if ctx.is_contact(c) and not ctx.masked(c)]
    if not calls:
        return []
    return [_finding(ctx, FindingKind.MASKING_BYPASS, Severity.HIGH, calls)]


def multiple_numbers(ctx: _Context) -> list[Finding]:
    """Many distinct unknown numbers calling the complainant within any sliding window
    (`multi_window_h`), from the first courier contact or delivery on to the end of the
    data. Masked calls (the platform's deliveries), company lines, the courier's and the
    case's other parties' numbers are not counted. A finding names the courier contact
    before and after the burst."""
    start = _first_contact_or_delivery(ctx)
    if start is None:
        return []
    window = timedelta(hours=ctx.limits.multi_window_h)
    known = ctx.facts.other_party_numbers | ctx.facts.courier_numbers
    eligible = [
        c
        for c in ctx.calls
        if c.start_utc >= start
        and ctx.to_complainant(c)
        and not ctx.masked(c)
        and not ctx.legitimate(c)
        and c.caller not in known
    ]
    spans = _windows_with_many_callers(eligible, window, ctx.limits.multi_min_numbers)
    contacts = [c.start_utc for c in ctx.calls if ctx.is_contact(c)]
    findings = []
    for first, last in spans:
        calls = eligible[first : last + 1]
        numbers = sorted({c.caller for c in calls})
        begin, end = calls[0].start_utc, calls[-1].start_utc
        before = [t for t in contacts if t < begin]
        after = [t for t in contacts if t > end]
        findings.append(
            _finding(
                ctx,
                FindingKind.MULTIPLE_NUMBERS,
                Severity.HIGH,
                calls,
                window_h=ctx.limits.multi_window_h,
                numbers=len(numbers),
                masked=", ".join(mask(n) for n in numbers),
                before=ctx.when(before[-1]) if before else "",
                before_gap_min=round((begin - before[-1]).total_seconds() / 60) if before else -1,
                after=ctx.when(after[0]) if after else "",
                after_gap_min=round((after[0] - end).total_seconds() / 60) if after else -1,
            )
        )
    return findings


def _first_contact_or_delivery(ctx: _Context) -> datetime | None:
    """Where "many numbers" starts to matter: the courier's first contact with the
    complainant or the first order's delivery (the courier knows the number from then)."""
    moments = [c.start_utc for c in ctx.calls if ctx.is_contact(c)]
    for order in ctx.facts.orders:
        moments.extend(t for t in (order.start_utc, order.closed_utc) if t is not None)
    return min(moments, default=None)


def _windows_with_many_callers(
    calls: Sequence[CallRecord], window: timedelta, need: int
) -> list[tuple[int, int]]:
    """Index spans of `calls` (time order) covered by some window of length `window` that
    holds calls from at least `need` distinct callers; overlapping windows merge. Two
    pointers and a count per caller: linear in the number of calls."""
    spans: list[tuple[int, int]] = []
    counts: dict[str, int] = defaultdict(int)
    lo = 0
    for hi, call in enumerate(calls):
        counts[call.caller] += 1
        while call.start_utc - calls[lo].start_utc > window:
            counts[calls[lo].caller] -= 1
            if counts[calls[lo].caller] == 0:
                del counts[calls[lo].caller]
            lo += 1
        if len(counts) >= need:
            if spans and lo <= spans[-1][1]:
                spans[-1] = (spans[-1][0], hi)
            else:
                spans.append((lo, hi))
    return spans


def night_contact(ctx: _Context) -> list[Finding]:
    """Calls to the complainant at night in her zone, one finding per night."""
    start_h, end_h = ctx.limits.night_start_h, ctx.limits.night_end_h
    zone = ctx.facts.complainant_tz
    wanted = (c for c in ctx.calls if ctx.to_complainant(c) and not ctx.legitimate(c))
    findings = []
    for night, calls in by_night(wanted, _start, zone, start_h, end_h).items():
        from_courier = any(c.caller in ctx.facts.courier_numbers for c in calls)
        findings.append(
            _finding(
                ctx,
                FindingKind.NIGHT_CONTACT,
                Severity.HIGH if from_courier else Severity.MEDIUM,
                calls,
                night=night,
                **night_params(start_h, end_h, zone),
                courier_note_ru=", в том числе с номера курьера" if from_courier else "",
                courier_note_en=", some from the courier's number" if from_courier else "",
            )
        )
    return findings


def _start(call: CallRecord) -> datetime:
    return call.start_utc


def call_burst(ctx: _Context) -> list[Finding]:
    """N or more calls to one number within the window; overlapping windows merge."""
    window = timedelta(minutes=ctx.limits.burst_window_min)
    need = ctx.limits.burst_min_calls
    per_number: dict[str, list[CallRecord]] = defaultdict(list)
    for call in ctx.calls:
        if not ctx.legitimate(call):
            per_number[call.callee].append(call)
    findings = []
    for number, calls in per_number.items():
        marked = [False] * len(calls)
        j = 0
        for i, call in enumerate(calls):
            j = max(j, i)
            while j < len(calls) and calls[j].start_utc - call.start_utc <= window:
                j += 1
            if j - i >= need:
                marked[i:j] = [True] * (j - i)
        run: list[CallRecord] = []
        for call, hit in zip(calls, marked, strict=True):
            if hit and run and call.start_utc - run[-1].start_utc > window:
                findings.append(_burst(ctx, number, run))
                run = []
            if hit:
                run.append(call)
        if run:
            findings.append(_burst(ctx, number, run))
    return findings


def _burst(ctx: _Context, number: str, calls: list[CallRecord]) -> Finding:
    span = (calls[-1].start_utc - calls[0].start_utc).total_seconds() / 60
    to_complainant = number in ctx.facts.complainant_numbers
    return _finding(
        ctx,
        FindingKind.CALL_BURST,
        Severity.HIGH if to_complainant else Severity.MEDIUM,
        calls,
        number=mask(number),
        span_min=round(span),
        min_calls=ctx.limits.burst_min_calls,
        window_min=ctx.limits.burst_window_min,
    )


DETECTORS: dict[str, Callable[[_Context], list[Finding]]] = {
    FindingKind.AFTER_DELIVERY_CONTACT: after_delivery_contact,
    FindingKind.MASKING_BYPASS: masking_bypass,
    FindingKind.MULTIPLE_NUMBERS: multiple_numbers,
    FindingKind.NIGHT_CONTACT: night_contact,
    FindingKind.CALL_BURST: call_burst,
}


def detect(
    facts: CaseFacts, limits: Thresholds | None = None, kinds: Iterable[str] | None = None
) -> list[Finding]:
    """The detectors named in `kinds` (default: all) over the case, findings ordered by
    time then kind."""
    ctx = _Context(facts, limits or Thresholds())
    wanted = set(DETECTORS) if kinds is None else set(kinds)
    findings = [f for kind, run in DETECTORS.items() if kind in wanted for f in run(ctx)]
    return sorted(findings, key=lambda f: (f.start_utc, f.kind))


def run_detector(kind: str, facts: CaseFacts, limits: Thresholds | None = None) -> list[Finding]:
    """One detector by its kind (tests, and the UI's per-detector view)."""
    return DETECTORS[kind](_Context(facts, limits or Thresholds()))


_ORDER_STARTS = (OrderEventKind.ASSIGNED, OrderEventKind.PICKED_UP)
_ORDER_CLOSES = (OrderEventKind.DELIVERED, OrderEventKind.CANCELLED)


def order_windows(
    orders: Iterable[tuple[str, datetime | None, list[tuple[str, datetime]]]],
) -> list[OrderWindow]:
    """(number, slot start, [(event kind, at)]) per order → when the courier had a reason to
    be in contact: from assignment (or pick-up, else the slot) to delivery or cancellation."""
    windows = []
    for number, slot_start, events in orders:
        starts = [at for kind, at in events if kind in _ORDER_STARTS]
        closes = [at for kind, at in events if kind in _ORDER_CLOSES]
        windows.append(
            OrderWindow(
                number=number,
                start_utc=min(starts) if starts else slot_start,
                closed_utc=max(closes) if closes else None,
            )
        )
    return windows
