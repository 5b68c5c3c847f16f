"""The case timeline use cases: build every event of a case on one corrected clock, mark events
"in the dossier", export the (filtered) timeline to CSV, record picture exports in the audit.

`build_timeline` reads each source through the timeline read model (`sources`) in one read unit and
merges them (`app.domain.timeline.merge`); it returns plain data the UI and the CLI share.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

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
from app.services.timeline import findings as timeline_findings
from app.services.timeline import sources
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


def build_timeline(
    ctx: ServiceContext, case_id: int, progress: Progress | None = None
) -> TimelineData:
    """All events of the case from every source, sorted by start, dossier marks applied."""
    with _no_gc():
        return _build(ctx, case_id, progress or NullProgress())


def _build(ctx: ServiceContext, case_id: int, progress: Progress) -> TimelineData:
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
        parts.append(sources.calls(session, case_id, owners))
        progress.report(3, 5, "calls")
        check_cancel(progress)
        parts.append(list(sources.video(session, case_id)))
        parts.append(message_events(session, case_id, names, owners))
        marks = read_model.dossier_marks(session, case_id)
    events = merge(*parts, marked=marks)
    progress.report(5, 5, "merged")
    return _data(case_id, case.number, case.tz, events, party_rows, frozenset(marks), False)


def add_findings(
    ctx: ServiceContext, data: TimelineData, progress: Progress | None = None
) -> TimelineData:
    """`data` with the call analysis's findings as span events and tags on their calls."""
    with _no_gc():
        events = timeline_findings.with_findings(
            ctx, data.case_id, data.events, data.marks, progress
        )
    return replace(
        data,
        events=events,
        findings=sorted({tag for e in events for tag in e.tags}),
        sources=_sources(events),
        with_findings=True,
    )


def keep_findings(data: TimelineData, previous: TimelineData) -> TimelineData:
    """A fresh build showing the findings of an earlier one until the analysis is redone
    (`with_findings` stays False, so the view asks for it)."""
    if not previous.with_findings:
        return data
    events = timeline_findings.carried_over(data.events, previous.events, data.marks)
    return replace(data, events=events, findings=previous.findings, sources=_sources(events))


def _sources(events: list[TimelineEvent]) -> list[str]:
    return sorted({e.source for e in events if e.source})


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


@contextmanager
def _no_gc() -> Iterator[None]:
    """Building 100,000 events allocates objects that all stay alive; the cyclic collector
    would rescan them again and again (a third of the build time). Nothing here makes cycles,
    so it is paused for the build and put back as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def query_events(
    ctx: ServiceContext,
    case_id: int,
    start_utc: datetime | None = None,
    end_utc: datetime | None = None,
    kinds: Sequence[str] = (),
) -> list[TimelineEvent]:
    """The case's events overlapping [start, end] (either side open), of the given kinds."""
    unknown = sorted(set(kinds) - {k.value for k in EventKind})
    if unknown:
        raise ValidationError(f"unknown event kind: {', '.join(unknown)}", field="kind")
    if start_utc is not None and end_utc is not None and end_utc < start_utc:
        raise ValidationError("--to is before --from", field="to")
    data = build_timeline(ctx, case_id)
    if not kinds or EventKind.FINDING in kinds:  # the analysis only when it can be in the answer
        data = add_findings(ctx, data)
    flt = EventFilter(kinds=frozenset(kinds), start_utc=start_utc, end_utc=end_utc)
    return apply_filter(data.events, flt)


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
