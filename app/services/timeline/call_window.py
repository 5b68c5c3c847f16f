"""Calls on the timeline of a big case: loaded for the visible window, dense stretches counted.

A case with up to `DETAIL_LIMIT` calls gets one event per call in its build, as every other
source. Above that (a platform export of a million calls) the build holds a `CallOverview`
instead: how many calls, from when to when, which lanes they fall in, and their counts over
the whole stretch. The view then asks `call_window` for the stretch on screen: the calls one
by one when the stretch holds at most `WINDOW_DETAIL` of them, else their counts per lane and
bucket, made in SQL (`app.storage.repositories.timeline.call_density`), never from the rows.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from app.domain import phones
from app.domain.timeline import EventKind, TimelineEvent
from app.services.core.context import ServiceContext
from app.storage.repositories import timeline as read_model
from app.storage.session import Session

DETAIL_LIMIT = 20_000  # a case with more calls is windowed
WINDOW_DETAIL = 3_000  # a window with at most this many calls shows them one by one
OVERVIEW_BUCKETS = 1_500  # buckets of the whole stretch in the build (finer than a screen)
# Bucket widths: a window's buckets start at a multiple of one of these (epoch seconds), so
# the bars of two windows at one zoom level line up.
BUCKET_STEPS: tuple[float, ...] = (
    1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200,
    86400, 2 * 86400, 7 * 86400, 14 * 86400, 28 * 86400,
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class DensityBar:
    """Calls of one lane (a party's name, "" for other numbers) starting in [start_s, end_s)."""

    lane: str
    start_s: float
    end_s: float
    calls: int


@dataclass(frozen=True)
class CallWindow:
    """The calls of [start_s, end_s): one by one (`events`) or counted (`bars`)."""

    start_s: float
    end_s: float
    bucket_s: float
    total: int
    bars: tuple[DensityBar, ...] = ()
    events: tuple[TimelineEvent, ...] | None = None  # None: too many, see `bars`

    @property
    def detailed(self) -> bool:
        return self.events is not None

    def covers(self, start_s: float, end_s: float, bucket_s: float) -> bool:
        """True when this window can draw [start_s, end_s] at buckets of `bucket_s`."""
        if start_s < self.start_s or end_s > self.end_s:
            return False
        return self.detailed or self.bucket_s <= bucket_s

    def lane_counts(self) -> dict[str, int]:
        if self.events is not None:
            counts: dict[str, int] = {}
            for event in self.events:
                counts[event.party] = counts.get(event.party, 0) + 1
            return counts
        totals: dict[str, int] = {}
        for bar in self.bars:
            totals[bar.lane] = totals.get(bar.lane, 0) + bar.calls
        return totals


@dataclass(frozen=True)
class CallOverview:
    """The calls of a windowed case, without a single call row read."""

    total: int
    first_utc: datetime
    last_utc: datetime
    lanes: tuple[str, ...]  # lanes holding calls (party names; "" = other numbers)
    window: CallWindow  # the whole stretch, counted
    lane_totals: Mapping[str, int] = field(default_factory=dict)


def call_events(
    rows: Iterable[Any], owners: Mapping[str, str], tags: Mapping[str, tuple[str, ...]]
) -> list[TimelineEvent]:
    """One event per call row (id, start_utc, duration_s, caller, callee, status), with its
    duration; the party is the caller's owner, else the callee's (a customer called from
    unknown numbers); numbers are masked in the title; `tags` are finding codes by event id."""
    # numbers and durations repeat: mask each pair and look up its party once
    pairs: dict[tuple[str, str, str], tuple[str, str]] = {}
    lengths: dict[int, timedelta] = {}
    out: list[TimelineEvent] = []
    append = out.append
    for call_id, start, duration, caller, callee, status in rows:
        pair = pairs.get((caller, callee, status))
        if pair is None:
            title = f"{phones.mask(caller)} → {phones.mask(callee)} ({status})"
            party = owners.get(caller) or owners.get(callee) or ""
            pair = pairs[(caller, callee, status)] = (title, party)
        length = lengths.get(duration)
        if length is None:
            length = lengths[duration] = timedelta(seconds=duration)
        ref = f"call:{call_id}"
        append(
            TimelineEvent(
                ref,
                EventKind.CALL,
                start,
                start + length if duration else None,
                0.0,
                "calls",
                pair[0],
                pair[1],
                ref,
                tags=tags.get(ref, ()),
            )
        )
    return out


def owners_of(session: Session, case_id: int) -> dict[str, str]:
    """E.164 (or raw) number → the name of the live party it belongs to."""
    names = {row.id: row.name for row in read_model.parties(session, case_id)}
    return {
        row.value: names.get(row.party_id, "") for row in read_model.phone_owners(session, case_id)
    }


def _lanes(owners: Mapping[str, str]) -> tuple[list[str], list[list[str]]]:
    """Party names holding numbers and, for each, its numbers (the SQL lane definition)."""
    names: list[str] = []
    numbers: dict[str, list[str]] = {}
    for number, name in owners.items():
        if name not in numbers:
            names.append(name)
            numbers[name] = []
        numbers[name].append(number)
    return names, [numbers[n] for n in names]


def bucket_for(seconds: float) -> float:
    """The widest bucket step not wider than `seconds` (the finest when none is)."""
    fitting = [step for step in BUCKET_STEPS if step <= seconds]
    return fitting[-1] if fitting else BUCKET_STEPS[0]


def _moment(epoch_s: float) -> datetime:
    return datetime.fromtimestamp(epoch_s, UTC)


def read_window(
    session: Session,
    case_id: int,
    owners: Mapping[str, str],
    start_s: float,
    end_s: float,
    bucket_s: float,
    detail: int = WINDOW_DETAIL,
    tags: Mapping[str, tuple[str, ...]] | None = None,
    exact: bool = False,
) -> CallWindow:
    """The calls of [start_s, end_s) on buckets of `bucket_s` (widened to a step): one by one
    when at most `detail`, else counted per lane. The window is widened to whole buckets
    (so that the next one lines up), unless `exact` (the first and last bucket then count
    only the calls inside it).

    Counting reads no call row into Python: every bucket is a range count on the
    `(case, start)` index; the parties' calls, read through the number indexes, are counted
    per lane and bucket in SQL and taken out of the "other numbers" lane."""
    bucket_s = bucket_for(bucket_s)
    origin_s = math.floor(start_s / bucket_s) * bucket_s
    if not exact:
        start_s = origin_s
        end_s = max(math.ceil(end_s / bucket_s) * bucket_s, start_s + bucket_s)
    buckets = max(math.ceil((end_s - origin_s) / bucket_s), 1)
    edges = [max(origin_s + i * bucket_s, start_s) for i in range(buckets)] + [end_s]
    start, end = _moment(start_s), _moment(end_s)
    counted = read_model.call_counts(session, case_id, origin_s, bucket_s, buckets, start, end)
    total = sum(n for _i, n in counted)
    if total <= detail:
        rows = read_model.calls_between(session, case_id, start, end)
        events = tuple(call_events(rows, owners, tags or {}))
        return CallWindow(start_s, end_s, bucket_s, len(events), (), events)
    names, numbers = _lanes(owners)
    lane_names = ["", *names]
    parties = read_model.party_call_counts(
        session, case_id, numbers, origin_s, bucket_s, start, end
    )
    others = dict(counted)
    cells: list[tuple[str, int, int]] = []
    for lane, b, n in parties:
        others[b] = others.get(b, 0) - n
        cells.append((lane_names[lane], b, n))
    cells += [("", b, n) for b, n in others.items()]
    bars = tuple(
        DensityBar(lane, edges[b], edges[b + 1], n)
        for lane, b, n in sorted(cells)
        if n > 0 and 0 <= b < buckets
    )
    return CallWindow(start_s, end_s, bucket_s, total, bars, None)


def overview(
    session: Session, case_id: int, owners: Mapping[str, str], detail: int = 0
) -> CallOverview | None:
    """The case's calls counted over their whole stretch (None when it has none); with at
    most `detail` calls, its window holds them one by one instead (`window.detailed`)."""
    first, last = read_model.call_span(session, case_id)
    if first is None or last is None:
        return None
    span = max((last - first).total_seconds(), 1.0)
    window = read_window(
        session,
        case_id,
        owners,
        first.timestamp(),
        last.timestamp() + 1,
        span / OVERVIEW_BUCKETS,
        detail=detail,
    )
    totals = window.lane_counts()
    names, _numbers = _lanes(owners)
    lanes = tuple(n for n in [*names, ""] if totals.get(n))
    return CallOverview(window.total, first, last, lanes, window, totals)


def call_window(
    ctx: ServiceContext,
    case_id: int,
    start_s: float,
    end_s: float,
    bucket_s: float,
    tags: Mapping[str, tuple[str, ...]] | None = None,
    detail: int | None = None,
    *,
    exact: bool = False,
) -> CallWindow:
    """The calls the view needs for [start_s, end_s) at buckets of about `bucket_s` seconds
    (one read unit; plain data); see `read_window`."""
    with ctx.session() as session:
        owners = owners_of(session, case_id)
        limit = WINDOW_DETAIL if detail is None else detail
        return read_window(session, case_id, owners, start_s, end_s, bucket_s, limit, tags, exact)


def marked_calls(
    session: Session,
    case_id: int,
    owners: Mapping[str, str],
    marks: Iterable[str],
    tags: Mapping[str, tuple[str, ...]],
) -> list[TimelineEvent]:
    """The calls marked "in the dossier", as events, in a windowed case (they are few, and
    must show when the view shows only the dossier's events)."""
    ids = sorted(int(m.split(":", 1)[1]) for m in marks if _is_call_mark(m))
    rows = read_model.calls_by_ids(session, case_id, ids)
    return [replace(e, in_dossier=True) for e in call_events(rows, owners, tags)]


def _is_call_mark(mark: str) -> bool:
    kind, _sep, rest = mark.partition(":")
    return kind == "call" and rest.isdigit()
