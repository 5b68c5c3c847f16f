"""Activity scan of a video evidence file: find the stretches with motion and keep them.

The scan itself (`app.media.activity`) is long work: it takes a progress object, can be
cancelled, and only a finished scan replaces the stored segments (all or nothing).
"""

from __future__ import annotations

from sqlalchemy import delete, select

from app.domain import timeutil
from app.domain.progress import Progress
from app.media.activity import ActivitySettings, scan_activity
from app.services.core.context import ServiceContext
from app.services.video.common import evidence_in_case
from app.services.video.dto import ActivityInfo
from app.services.video.intake import open_video
from app.storage.models.evidence import ActivitySegmentRow


def scan_evidence_activity(
    ctx: ServiceContext,
    case_ref: str | int,
    evidence_id: int,
    progress: Progress | None = None,
    settings: ActivitySettings | None = None,
) -> list[ActivityInfo]:
    """Scan the file for motion, store the segments (replacing an earlier scan), return them."""
    source = open_video(ctx, case_ref, evidence_id)
    segments = scan_activity(source.path, source.index, progress, settings)
    now = timeutil.now_utc()
    with ctx.transaction() as session:
        row = evidence_in_case(session, case_ref, evidence_id)
        session.execute(
            delete(ActivitySegmentRow).where(ActivitySegmentRow.evidence_id == evidence_id)
        )
        session.add_all(
            ActivitySegmentRow(
                evidence_id=evidence_id,
                start_s=s.start_s,
                end_s=s.end_s,
                peak=s.peak,
                scanned_at=now,
            )
            for s in segments
        )
        ctx.audit(
            session,
            action="scan",
            entity="video_activity",
            entity_id=evidence_id,
            case_id=row.case_id,
            after={"segments": len(segments)},
        )
    return [ActivityInfo(s.start_s, s.end_s, s.peak) for s in segments]


def stored_activity(
    ctx: ServiceContext, case_ref: str | int, evidence_id: int
) -> list[ActivityInfo]:
    """Segments of the last finished scan (empty when never scanned)."""
    with ctx.session() as session:
        evidence_in_case(session, case_ref, evidence_id)
        rows = session.scalars(
            select(ActivitySegmentRow)
            .where(ActivitySegmentRow.evidence_id == evidence_id)
            .order_by(ActivitySegmentRow.start_s)
        ).all()
        return [ActivityInfo(r.start_s, r.end_s, r.peak) for r in rows]
