"""What the dossier takes from the other features: timeline events (`app.services.timeline.build`),
annotation texts of stills and camera clock corrections (`app.services.video.annotations`,
`app.services.video.clock`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain import vocabulary
from app.domain.timeline import TimelineEvent
from app.reports import strings
from app.reports.layout import fmt_time
from app.reports.model import CorrectionEntry, Lang
from app.services.core import evidence_files
from app.services.core.context import ServiceContext
from app.services.core.dto import CaseDetail
from app.services.dossier.privacy import Scrubber
from app.services.timeline.build import build_timeline
from app.services.video.annotations import list_annotations
from app.services.video.clock import get_clock

VIDEO_KINDS = ("dashcam", "cctv")
# Calls are in the findings and the annex: a timeline of every call would drown the rest (the
# build leaves them out; a call marked "in the dossier" is left out here too).
SKIPPED_KINDS = ("call",)


@dataclass(frozen=True)
class EventChoice:
    key: str
    at: datetime
    kind: str
    source: str
    text: str  # masked for management
    corrected: bool = False
    in_dossier: bool = False  # marked "in the dossier" on the timeline


def _detail(event: TimelineEvent, code: str) -> str:
    return next((value for key, value in event.details if key == code), "")


def _timeline_text(event: TimelineEvent, lang: Lang) -> str:
    if event.kind == "milestone":
        milestone = _detail(event, "milestone")
        text = strings.label(lang, "milestone", milestone)
        if milestone == "decided" and _detail(event, "measure"):
            text += ": " + strings.label(lang, "measure", _detail(event, "measure"))
        return text
    if event.kind == "order":
        status = _detail(event, "status")
        order = strings.label(lang, "event", "order")
        named = strings.label(lang, "order_event", status)
        return f"{order} {_detail(event, 'order')}: {vocabulary.inline(named)}"
    if event.kind == "call":
        return vocabulary.call_title(event.title, lang)
    full = _detail(event, "text") or _detail(event, "note") or _detail(event, "claim")
    return full or event.title


def _source_text(source: str, lang: Lang) -> str:
    if source.startswith("camera:"):
        return source.split(":", 1)[1]
    return strings.label(lang, "source", source)


def timeline_events(
    ctx: ServiceContext, detail: CaseDetail, lang: Lang, clean: Scrubber | None
) -> list[EventChoice]:
    """The case's events (calls left out), on the timeline's corrected clock."""

    def scrub(text: str) -> str:
        return clean.clean(text) if clean else text

    data = build_timeline(ctx, detail.id, calls=False)
    return [
        EventChoice(
            key=e.id,
            at=e.start_utc,
            kind=e.kind,
            source=scrub(_source_text(e.source, lang)),
            text=scrub(_timeline_text(e, lang)),
            corrected=bool(e.correction_s),
            in_dossier=e.in_dossier,
        )
        for e in data.events
        if e.kind not in SKIPPED_KINDS
    ]


@dataclass(frozen=True)
class StillNote:
    text: str
    rect: tuple[int, int, int, int] | None  # the annotated region (frame pixels)


def still_notes(ctx: ServiceContext, case_id: int) -> dict[int, StillNote]:
    """Annotation text and region of each still taken from an annotation."""
    out: dict[int, StillNote] = {}
    for note in list_annotations(ctx, case_id):
        if note.still_id is not None:
            rect = None
            if note.rect and len(note.rect) == 4:
                x, y, width, height = note.rect
                rect = (x, y, width, height)
            out[note.still_id] = StillNote(note.text, rect)
    return out


def clock_corrections(
    ctx: ServiceContext, case_id: int, lang: Lang, zone: str
) -> list[CorrectionEntry]:
    """The correction applied to each camera file and how it was established."""
    out = []
    files = evidence_files.list_evidence(ctx, case_id)
    names = {info.id: info.original_name for info in files}
    for info in files:
        if info.kind not in VIDEO_KINDS:
            continue
        state = get_clock(ctx, case_id, info.id)
        if state.correction_from is not None:
            # Files of one camera share the correction established on another of its files.
            history = get_clock(ctx, case_id, state.correction_from).history
            method = strings.text(
                lang, "correction_shared", source=names.get(state.correction_from, "")
            )
        elif state.points or state.history:
            history = state.history
            method = "\n".join(
                strings.text(
                    lang,
                    "correction_point",
                    camera=fmt_time(p.camera_time, zone, lang),
                    true=fmt_time(p.true_time, zone, lang),
                    frame=p.frame_index,
                    note=p.note,
                ).rstrip(" ;:.")
                for p in state.points
            )
        else:
            continue
        told = [strings.clock_offset(lang, state.offset_s)]
        if state.origin_source:
            told.append(strings.text(lang, f"origin_{state.origin_source}"))
        method = "\n".join([*told, method])
        last = history[-1] if history else None
        out.append(
            CorrectionEntry(
                source=info.original_name,
                offset_s=state.offset_s,
                drift_ppm=state.drift_ppm,
                method=method,
                established_by=last.created_by if last else "",
                established_at=last.created_at if last else None,
            )
        )
    return out
