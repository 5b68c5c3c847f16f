"""The case timeline use cases: build every event of a case on one corrected clock, mark events
"in the dossier", export the (filtered) timeline to CSV, record picture exports in the audit.

`build_timeline` reads each source through the timeline read model (`sources`) in one read unit and
merges them (`app.domain.timeline.merge`); it returns plain data the UI and the CLI share.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.domain.collector import paused_gc
from app.domain.errors import NotFound, ValidationError
from app.domain.progress import NullProgress, Progress, check_cancel
from app.domain.spreadsheet import SafeCsvWriter
from app.domain.timeline import EventFilter, EventKind, TimelineEvent, apply_filter, merge
from app.domain.timeutil import in_zone, iso_utc, now_utc
from app.services.core.audit import record_export
from app.services.core.context import ServiceContext
from app.services.core.dto import ManualEventInfo
from app.services.core.outputs import check_output_path
from app.services.messages.timeline import message_events
from app.services.timeline import call_window, sources
from app.services.timeline import findings as timeline_findings
from app.services.timeline.call_window import CallOverview
from app.storage.repositories import timeline as read_model
from app.storage.repositories.core.convert import event_info
from app.storage.repositories.core.records import live_event_of

CSV_COLUMNS = (
    "id",
    "kind",
    "start_local",
    "end_local",
    "start_utc",
    "end_utc",
    "uncertainty_s",
    "correction_s",
    "source",
    "party",
    "title",
    "ref",
    "in_dossier",
    "findings",
)


@dataclass(frozen=True)
class TimelineData:
    """Every event of a case, sorted, with what the view needs to label and filter them."""

    case_id: int
    case_number: str
    zone: str
    events: list[TimelineEvent]
    parties: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    party_choices: list[tuple[int, str]] = field(default_factory=list)  # (party id, name)
    marks: frozenset[str] = frozenset()  # ids in the dossier, also of events not built yet
    with_findings: bool = False  # the call analysis has been added (`add_findings`)
    # A big call log is not in `events` (only its calls marked in the dossier are): the view
    # asks `call_window.call_window` for the stretch on screen; None when every call is here.
    calls: CallOverview | None = None
    call_tags: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # of windowed calls


def build_timeline(
    ctx: ServiceContext,
    case_id: int,
    progress: Progress | None = None,
    *,
    calls: bool = True,
    detail_limit: int | None = None,
) -> TimelineData:
    """All events of the case from every source, sorted by start, dossier marks applied.
    A case with more than `detail_limit` calls gets a `CallOverview` instead of its calls
    (`data.calls`); without `calls`, the calls are left out altogether (the dossier)."""
    limit = call_window.DETAIL_LIMIT if detail_limit is None else detail_limit
    with paused_gc():
        return _build(ctx, case_id, progress or NullProgress(), calls, limit)


def _build(
    ctx: ServiceContext, case_id: int, progress: Progress, with_calls: bool, detail_limit: int
) -> TimelineData:
    with ctx.session() as session:
        case = read_model.case_header(session, case_id)
        party_rows = read_model.parties(session, case_id)
        names = {row.id: row.name for row in party_rows}
        progress.report(0, 5, "parties")
        parts: list[Iterable[TimelineEvent]] = [sources.milestones(case)]
        parts.append(list(sources.orders(session, case_id, names)))
        parts.append(list(sources.statements(session, case_id, names, case.tz)))
        parts.append(list(sources.manual_events(session, case_id, names)))
        progress.report(1, 5, "records")
        check_cancel(progress)
        owners = sources.phone_owners(session, case_id, names)
        marks = read_model.dossier_marks(session, case_id)
        overview = None
        if with_calls:
            # counted first (a million calls in a tenth of a second): a small log is loaded
            overview = call_window.overview(session, case_id, owners, detail_limit)
            if overview is not None and overview.window.events is not None:
                parts.append(list(overview.window.events))
                overview = None
            elif overview is not None:
                parts.append(call_window.marked_calls(session, case_id, owners, marks, {}))
        progress.report(3, 5, "calls")
        check_cancel(progress)
        parts.append(list(sources.video(session, case_id)))
        parts.append(message_events(session, case_id, names, owners))
    events = merge(*parts, marked=marks)
    progress.report(5, 5, "merged")
    data = _data(case_id, case.number, case.tz, events, party_rows, frozenset(marks), False)
    return replace(data, calls=overview, sources=_sources(events, overview))


def add_findings(
    ctx: ServiceContext, data: TimelineData, progress: Progress | None = None
) -> TimelineData:
    """`data` with the call analysis's findings as span events and tags on their calls."""
    with paused_gc():
        events, tags = timeline_findings.with_findings(
            ctx, data.case_id, data.events, data.marks, progress
        )
    return replace(
        data,
        events=events,
        findings=sorted({tag for e in events for tag in e.tags}),
        sources=_sources(events, data.calls),
        with_findings=True,
        call_tags=tags if data.calls is not None else {},
    )


def keep_findings(data: TimelineData, previous: TimelineData) -> TimelineData:
    """A fresh build showing the findings of an earlier one until the analysis is redone
    (`with_findings` stays False, so the view asks for it)."""
    if not previous.with_findings:
        return data
    events = timeline_findings.carried_over(data.events, previous.events, data.marks)
    return replace(
        data,
        events=events,
        findings=previous.findings,
        sources=_sources(events, data.calls),
        call_tags=previous.call_tags if data.calls is not None else {},
    )


def _sources(events: list[TimelineEvent], calls: CallOverview | None = None) -> list[str]:
    found = {e.source for e in events if e.source}
    if calls is not None:
        found.add("calls")
    return sorted(found)


def _data(
    case_id: int,
    number: str,
    zone_name: str,
    events: list[TimelineEvent],
    party_rows: list[Any],
    marks: frozenset[str],
    with_findings: bool,
) -> TimelineData:
    return TimelineData(
        case_id=case_id,
        case_number=number,
        zone=zone_name,
        events=events,
        parties=sorted({e.party for e in events if e.party}),
        sources=_sources(events),
        findings=sorted({tag for e in events for tag in e.tags}),
        party_choices=[(row.id, row.name) for row in party_rows if not row.deleted],
        marks=marks,
        with_findings=with_findings,
    )


@dataclass(frozen=True)
class TimelineQuery:
    """The `timeline` command's answer: the events, and for a windowed call log whose stretch
    holds more than the asked-for number of calls, their counts instead of them."""

    events: list[TimelineEvent]
    calls_aggregated: int = 0  # calls counted in `call_counts`, not listed in `events`
    call_counts: tuple[call_window.DensityBar, ...] = ()


def query_events(
    ctx: ServiceContext,
    case_id: int,
    start_utc: datetime | None = None,
    end_utc: datetime | None = None,
    kinds: Sequence[str] = (),
    max_calls: int | None = None,
) -> TimelineQuery:
    """The case's events overlapping [start, end] (either side open), of the given kinds.
    Calls are listed when the stretch holds at most `max_calls` of them, else counted per
    party and hour (or wider, up to about a thousand buckets)."""
    unknown = sorted(set(kinds) - {k.value for k in EventKind})
    if unknown:
        raise ValidationError(f"unknown event kind: {', '.join(unknown)}", field="kind")
    if start_utc is not None and end_utc is not None and end_utc < start_utc:
        raise ValidationError("--to is before --from", field="to")
    max_calls = call_window.DETAIL_LIMIT if max_calls is None else max_calls
    if max_calls < 0:
        raise ValidationError("--max-calls must not be negative", field="max_calls")
    data = build_timeline(ctx, case_id, detail_limit=max_calls)
    if not kinds or EventKind.FINDING in kinds:  # the analysis only when it can be in the answer
        data = add_findings(ctx, data)
    flt = EventFilter(kinds=frozenset(kinds), start_utc=start_utc, end_utc=end_utc)
    overview = data.calls
    if overview is None or (kinds and EventKind.CALL not in kinds):
        return TimelineQuery(apply_filter(data.events, flt))
    # A windowed call log gives the calls that start in the stretch.
    lo = (start_utc or overview.first_utc).timestamp()
    hi = (end_utc or overview.last_utc).timestamp() + 1e-6
    bucket = max((hi - lo) / 1000, 3600.0)
    window = call_window.call_window(
        ctx, case_id, lo, hi, bucket, data.call_tags, max_calls, exact=True
    )
    if window.events is not None:
        return TimelineQuery(apply_filter(merge(data.events, window.events), flt))
    return TimelineQuery(apply_filter(data.events, flt), window.total, window.bars)


def density_json(bar: call_window.DensityBar) -> dict[str, object]:
    """A counted stretch of calls in the `timeline` command's output."""
    return {
        "start_utc": iso_utc(datetime.fromtimestamp(bar.start_s, UTC)),
        "end_utc": iso_utc(datetime.fromtimestamp(bar.end_s, UTC)),
        "party": bar.lane,
        "calls": bar.calls,
    }


def event_json(event: TimelineEvent) -> dict[str, object]:
    """The stable JSON form of an event (the `timeline` command's output)."""
    return {
        "id": event.id,
        "kind": event.kind,
        "start_utc": iso_utc(event.start_utc),
        "end_utc": iso_utc(event.end_utc),
        "source": event.source,
        "title": event.title,
        "party": event.party,
        "ref": event.ref,
        "correction_s": event.correction_s,
    }


def manual_event(ctx: ServiceContext, case_id: int, event_id: int) -> ManualEventInfo:
    """One manual event of the case with its version (for editing it)."""
    with ctx.session() as session:
        row = live_event_of(session, case_id, event_id)
        if row is None:
            raise NotFound(f"no event {event_id} in this case")
        return event_info(row)


def set_in_dossier(
    ctx: ServiceContext, case_id: int, event_ids: Sequence[str], marked: bool
) -> list[str]:
    """Mark (or unmark) events as being in the dossier; returns the ids that changed."""
    ids = sorted(set(event_ids))
    with ctx.transaction() as session:
        present = read_model.dossier_marks(session, case_id, among=ids)
        changed = [i for i in ids if (i not in present) == marked]
        if not changed:
            return []
        if marked:
            read_model.add_dossier_marks(session, case_id, changed, now_utc(), ctx.actor)
        else:
            read_model.remove_dossier_marks(session, case_id, changed)
        ctx.audit(
            session,
            action="update",
            entity="timeline_dossier",
            entity_id=case_id,
            case_id=case_id,
            before={"in_dossier": not marked, "events": changed},
            after={"in_dossier": marked, "events": changed},
        )
        return changed


def export_csv(
    ctx: ServiceContext,
    case_id: int,
    events: Sequence[TimelineEvent],
    zone_name: str,
    path: Path,
    filter_note: str = "",
) -> int:
    """Write the events (as shown, filtered) to a UTF-8 CSV with a BOM (Excel opens it right)
    and record the export in the audit log; returns the number of rows."""
    path = check_output_path(ctx, path)
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = SafeCsvWriter(handle, delimiter=";")
        writer.writerow(CSV_COLUMNS)
        for e in events:
            writer.writerow(
                (
                    e.id,
                    e.kind,
                    _local(e.start_utc, zone_name),
                    _local(e.end_utc, zone_name),
                    iso_utc(e.start_utc),
                    iso_utc(e.end_utc) or "",
                    f"{e.uncertainty_s:g}",
                    f"{e.correction_s:g}",
                    e.source,
                    e.party,
                    e.title,
                    e.ref,
                    "1" if e.in_dossier else "",
                    ",".join(e.tags),
                )
            )
    tmp.replace(path)
    record_picture_export(ctx, case_id, "csv", path, len(events), filter_note)
    return len(events)


def record_picture_export(
    ctx: ServiceContext, case_id: int, fmt: str, path: Path, count: int, filter_note: str = ""
) -> int:
    """Audit entry for a timeline export (CSV, PNG or SVG) written by the caller."""
    return record_export(
        ctx,
        case_id,
        "timeline",
        {"format": fmt, "file": path.name, "events": count, "filter": filter_note},
    )


def _local(moment: datetime | None, zone_name: str) -> str:
    if moment is None:
        return ""
    return in_zone(moment, zone_name).strftime("%Y-%m-%d %H:%M:%S")
