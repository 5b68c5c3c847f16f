"""Findings of the call analysis on the timeline: each finding as a span event, and its code as
a tag on every call it names (so "show the calls of this finding" is a filter).

The analysis reads every call again and runs the detectors (seconds on a case with 100,000
calls), so it is a step of its own: the view shows the timeline at once and adds the findings
when they are ready; the CLI asks for them only when they can be in its answer.
"""

from __future__ import annotations

from dataclasses import replace

from app.domain.progress import Progress
from app.domain.timeline import EventKind, TimelineEvent, merge
from app.services.calls.analysis import analyze
from app.services.calls.dto import FindingView
from app.services.core.context import ServiceContext


def finding_event(n: int, finding: FindingView) -> TimelineEvent:
    first = finding.call_ids[0] if finding.call_ids else None
    return TimelineEvent(
        id=f"finding:{finding.kind}:{n}",
        kind=EventKind.FINDING,
        start_utc=finding.start_utc,
        end_utc=finding.end_utc if finding.end_utc != finding.start_utc else None,
        source="analysis",
        title=finding.explanation("en"),
        ref=f"call:{first}" if first is not None else "",
        tags=(finding.kind,),
        details=(
            ("finding", finding.kind),
            ("severity", finding.severity),
            ("count", str(len(finding.call_ids))),
            ("explanation_ru", finding.explanation("ru")),
            ("explanation_en", finding.explanation("en")),
        ),
    )


def carried_over(
    events: list[TimelineEvent], previous: list[TimelineEvent], marked: frozenset[str]
) -> list[TimelineEvent]:
    """`events` with the finding spans and call tags of an earlier build (`previous`), to show
    while the analysis runs again; calls that are gone simply lose them."""
    tags = {e.id: e.tags for e in previous if e.kind == EventKind.CALL and e.tags}
    spans = [replace(e, in_dossier=e.id in marked) for e in previous if e.kind == EventKind.FINDING]
    if not tags and not spans:
        return events
    tagged = [replace(e, tags=tags[e.id]) if e.id in tags else e for e in events]
    return merge(tagged, spans)


def finding_tags(findings: list[FindingView]) -> dict[str, tuple[str, ...]]:
    """Call event id → the codes of the findings that name the call."""
    tags: dict[str, tuple[str, ...]] = {}
    for finding in findings:
        kind = (finding.kind,)
        for call_id in finding.call_ids:
            key = f"call:{call_id}"
            codes = tags.get(key, ())
            if finding.kind not in codes:
                tags[key] = codes + kind
    return tags


def with_findings(
    ctx: ServiceContext,
    case_id: int,
    events: list[TimelineEvent],
    marked: frozenset[str],
    progress: Progress | None = None,
) -> tuple[list[TimelineEvent], dict[str, tuple[str, ...]]]:
    """`events` (a built timeline) with the findings added (dossier marks applied) and the
    calls they name tagged; findings already in `events` are replaced. Also the tags by call
    event id, for calls loaded later (a windowed call log)."""
    findings = analyze(ctx, case_id, progress)
    tags = finding_tags(findings)
    tagged = [
        replace(e, tags=tags[e.id]) if e.kind == EventKind.CALL and e.id in tags else e
        for e in events
        if e.kind != EventKind.FINDING
    ]
    spans = [finding_event(n, f) for n, f in enumerate(findings, start=1)]
    spans = [replace(e, in_dossier=True) if e.id in marked else e for e in spans]
    return merge(tagged, spans), tags
