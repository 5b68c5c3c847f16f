"""Each source of a case's timeline as events, from the plain rows of the timeline read model
(`app.storage.repositories.timeline`).

One function per source returns `TimelineEvent`s on the corrected clock: order status events and
slots, statements and the times they claim, manual events, case milestones, calls, and video
annotations and stills placed through their camera's clock correction.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from app.domain.clock import camera_time_at
from app.domain.timeline import EventKind, TimelineEvent, corrected_start
from app.domain.timeutil import ensure_utc
from app.services.timeline.claims import claimed_times
from app.services.video.clock import clock_info
from app.storage.repositories import timeline as read_model
from app.storage.session import Session

TITLE_CHARS = 120


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= TITLE_CHARS else line[: TITLE_CHARS - 1] + "…"


def milestones(header: Any) -> list[TimelineEvent]:
    """The case's own moments (from its `case_header` row): complaint received, case opened,
    decision taken."""
    out = [
        TimelineEvent(
            id="milestone:received",
            kind=EventKind.MILESTONE,
            start_utc=ensure_utc(header.received_at),
            source="case",
            title=f"Complaint received ({header.source})",
            ref=f"case:{header.id}",
            details=(("milestone", "received"), ("complaint_source", header.source)),
        ),
        TimelineEvent(
            id="milestone:opened",
            kind=EventKind.MILESTONE,
            start_utc=ensure_utc(header.created_at),
            source="case",
            title=f"Case {header.number} opened",
            ref=f"case:{header.id}",
            details=(
                ("milestone", "opened"),
                ("case", header.number),
                ("author", header.created_by),
            ),
        ),
    ]
    if header.decided_at is not None:
        out.append(
            TimelineEvent(
                id="milestone:decided",
                kind=EventKind.MILESTONE,
                start_utc=ensure_utc(header.decided_at),
                source="case",
                title=f"Decision: {header.measure or header.status}",
                ref=f"case:{header.id}",
                details=(("milestone", "decided"), ("measure", header.measure or "")),
            )
        )
    return out


def orders(session: Session, case_id: int, names: dict[int, str]) -> Iterator[TimelineEvent]:
    rows = read_model.orders(session, case_id)
    by_id = {row.id: row for row in rows}
    for row in rows:
        if row.slot_start is not None and row.slot_end is not None:
            yield TimelineEvent(
                id=f"order_slot:{row.id}",
                kind=EventKind.ORDER,
                start_utc=row.slot_start,
                end_utc=row.slot_end,
                source="orders",
                title=f"Order {row.number}: delivery slot",
                party=names.get(row.customer_party_id or 0, ""),
                ref=f"order:{row.id}",
                details=(("order", row.number), ("status", "slot")),
            )
    if not by_id:
        return
    for ev in read_model.order_events(session, list(by_id)):
        order = by_id[ev.order_id]
        yield TimelineEvent(
            id=f"order_event:{ev.id}",
            kind=EventKind.ORDER,
            start_utc=ev.at,
            source="orders",
            title=f"Order {order.number}: {ev.kind}",
            party=names.get(order.courier_party_id or 0, ""),
            ref=f"order:{order.id}",
            details=(("order", order.number), ("status", ev.kind)),
        )


def statements(
    session: Session, case_id: int, names: dict[int, str], zone_name: str
) -> Iterator[TimelineEvent]:
    for row in read_model.statements(session, case_id):
        party = names.get(row.party_id or 0, "")
        yield TimelineEvent(
            id=f"statement:{row.id}",
            kind=EventKind.STATEMENT,
            start_utc=row.taken_at,
            source="statements",
            title=_short(row.text),
            party=party,
            ref=f"statement:{row.id}",
            details=(("taken_by", row.taken_by), ("text", row.text)),
        )
        for n, claim in enumerate(claimed_times(row.text, zone_name, row.taken_at), start=1):
            yield TimelineEvent(
                id=f"statement_claim:{row.id}:{n}",
                kind=EventKind.STATEMENT_CLAIM,
                start_utc=claim.at,
                uncertainty_s=claim.uncertainty_s,
                source="statements",
                title=_short(claim.context),
                party=party,
                ref=f"statement:{row.id}",
                details=(("claim", claim.context),),
            )


def manual_events(session: Session, case_id: int, names: dict[int, str]) -> Iterator[TimelineEvent]:
    for row in read_model.manual_events(session, case_id):
        yield TimelineEvent(
            id=f"manual:{row.id}",
            kind=EventKind.MANUAL,
            start_utc=row.at,
            uncertainty_s=float(row.uncertainty_s or 0),
            source="manual",
            title=_short(row.text),
            party=names.get(row.party_id or 0, ""),
            ref=f"event:{row.id}",
            details=(("text", row.text), ("reported_by", row.source)),
        )


def phone_owners(session: Session, case_id: int, names: dict[int, str]) -> dict[str, str]:
    """E.164 (or raw) number → the name of the party it belongs to."""
    rows = read_model.phone_owners(session, case_id)
    return {row.value: names.get(row.party_id, "") for row in rows}


def video(session: Session, case_id: int) -> Iterator[TimelineEvent]:
    """Annotations and stills of every video of the case, on each camera's corrected clock.
    A file whose camera-time origin is unknown cannot be placed and gives no events."""
    files = read_model.videos(session, case_id)
    placed = {row.id: row for row in files if row.camera_origin is not None}
    if not placed:
        return
    corrections = {eid: clock_info(session, eid).correction for eid in placed}

    def camera_at(evidence_id: int, media_time_s: float) -> datetime:
        return camera_time_at(placed[evidence_id].camera_origin, media_time_s)

    def camera_source(evidence_id: int) -> str:
        row = placed[evidence_id]
        return f"camera:{row.source or row.original_name}"

    notes = read_model.video_notes(session, case_id, list(placed))
    for note in notes:
        camera = camera_at(note.evidence_id, note.media_time_s)
        start, correction_s = corrected_start(camera, corrections[note.evidence_id].true_time)
        yield TimelineEvent(
            id=f"annotation:{note.id}",
            kind=EventKind.ANNOTATION,
            start_utc=start,
            source=camera_source(note.evidence_id),
            title=_short(note.text),
            ref=f"evidence:{note.evidence_id}#frame={note.frame_index}",
            correction_s=correction_s,
            details=(
                ("camera_time", camera.isoformat()),
                ("frame", str(note.frame_index)),
                ("note", note.text),
                ("tags", ", ".join(note.tags or ())),
            ),
        )
    stills = read_model.stills(session, case_id, list(placed))
    for still in stills:
        if still.media_time_s is None:
            continue
        camera = camera_at(still.parent_id, still.media_time_s)
        start, correction_s = corrected_start(camera, corrections[still.parent_id].true_time)
        yield TimelineEvent(
            id=f"still:{still.id}",
            kind=EventKind.STILL,
            start_utc=start,
            source=camera_source(still.parent_id),
            title=still.original_name,
            ref=f"evidence:{still.parent_id}#frame={still.frame_index or 0}",
            correction_s=correction_s,
            details=(("camera_time", camera.isoformat()), ("frame", str(still.frame_index))),
        )
