"""Activity scan of a video evidence file: find the stretches with motion and keep them.

The scan itself (`app.media.activity`) is long work: it takes a progress object, can be
cancelled, and only a finished scan replaces the stored segments (all or nothing). It is split
into the CPU part (`find_activity`, off the database lane) and one short commit
(`store_activity`); `scan_evidence_activity` runs both in turn for the CLI.
"""

from __future__ import annotations

from app.domain import timeutil
from app.domain.progress import Progress
from app.media.activity import ActivitySettings, scan_activity
from app.services.core.context import ServiceContext
from app.services.video.dto import ActivityInfo, VideoSource
from app.services.video.intake import open_video
from app.storage.repositories import video as repo


def find_activity(
    source: VideoSource,
    progress: Progress | None = None,
    settings: ActivitySettings | None = None,
) -> list[ActivityInfo]:
    """The CPU part: scan the opened video for motion (writes nothing)."""
    segments = scan_activity(source.path, source.index, progress, settings)
    return [ActivityInfo(s.start_s, s.end_s, s.peak) for s in segments]


def store_activity(
    ctx: ServiceContext, case_id: int, evidence_id: int, segments: list[ActivityInfo]
) -> list[ActivityInfo]:
    """The commit: replace the file's stored segments with a finished scan's (audited)."""
    with ctx.transaction() as session:
        row = repo.evidence_in_case(session, case_id, evidence_id)
        repo.replace_activity(
            session,
            evidence_id,
            ((s.start_s, s.end_s, s.peak) for s in segments),
            timeutil.now_utc(),
        )
        ctx.audit(
            session,
            action="scan",
            entity="video_activity",
            entity_id=evidence_id,
            case_id=row.case_id,
            after={"segments": len(segments)},
        )
    return segments


def scan_evidence_activity(
    ctx: ServiceContext,
    case_id: int,
    evidence_id: int,
    progress: Progress | None = None,
    settings: ActivitySettings | None = None,
) -> list[ActivityInfo]:
    """Scan the file for motion, store the segments (replacing an earlier scan), return them."""
    found = find_activity(open_video(ctx, case_id, evidence_id), progress, settings)
    return store_activity(ctx, case_id, evidence_id, found)


def stored_activity(ctx: ServiceContext, case_id: int, evidence_id: int) -> list[ActivityInfo]:
    """Segments of the last finished scan (empty when never scanned)."""
    with ctx.session() as session:
        repo.evidence_in_case(session, case_id, evidence_id)
        return [
            ActivityInfo(r.start_s, r.end_s, r.peak) for r in repo.activity(session, evidence_id)
        ]
