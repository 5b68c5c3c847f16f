"""Video evidence intake and access: add a file (probe, pts index, remux when needed), list a
case's evidence with media metadata, open a file for reading, export an exact frame.

Intake is all or nothing: the file is indexed and probed (and remuxed when it has no usable
timestamps) before anything is copied into the store, and the evidence row, media row and
index go in one transaction. A file the demuxer cannot read is refused with a `MediaError`
naming it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.domain import timeutil
from app.domain.clock import camera_start_from_name
from app.domain.errors import ValidationError
from app.domain.media import MediaError
from app.domain.progress import NullProgress, Progress
from app.media.frame_index import FrameIndex, build_index
from app.media.frames import AccessStats, FrameReader, check_access
from app.media.probe import MediaInfo, probe
from app.media.remux import needs_remux, remux_to_mp4
from app.media.stills import still_png, upright
from app.services.core.context import ServiceContext
from app.services.core.evidence_files import (
    add_evidence,
    check_kind,
    check_source,
    evidence_info,
    insert_evidence_row,
)
from app.services.core.outputs import check_output_path
from app.services.video.clock import clock_info
from app.services.video.common import frame_number, index_of
from app.services.video.dto import (
    VIDEO_KINDS,
    EvidenceDetails,
    FrameExport,
    MediaSummary,
    VideoEvidence,
    VideoSource,
    WorkingCopyCheck,
)
from app.storage.repositories import video as repo
from app.storage.repositories.core import cases as case_repo


@dataclass(frozen=True, eq=False)
class PreparedVideo:
    """A video read, indexed, probed and copied into the store, not yet registered: the CPU
    part of an intake, done off the database lane (the store is content-addressed, so a blob
    whose registration never happens is harmless and found again by its hash)."""

    case_id: int
    name: str
    sha256: str
    size: int
    index: FrameIndex
    probed: MediaInfo
    working_sha256: str | None
    access: AccessStats
    origin: tuple[datetime | None, str | None]  # camera clock at the first frame, and whence
    details: EvidenceDetails


def add_video_evidence(
    ctx: ServiceContext,
    case_id: int,
    path: Path,
    details: EvidenceDetails,
    progress: Progress | None = None,
) -> VideoEvidence:
    """Store any evidence file; dash-cam and CCTV files are probed and indexed as well."""
    return prepare_evidence(ctx, case_id, path, details, progress)()


def prepare_evidence(
    ctx: ServiceContext,
    case_id: int,
    path: Path,
    details: EvidenceDetails,
    progress: Progress | None = None,
) -> Callable[[], VideoEvidence]:
    """The long part of adding an evidence file (copy and hash; remux, index and probe a
    video), writing no row; returns the short commit that registers it. The GUI runs the two
    apart: this on the CPU pool, the commit on the database lane."""
    path = check_source(path)  # a symbolic link is refused before anything is read
    if details.kind in VIDEO_KINDS:
        prepared = prepare_video(ctx, case_id, path, details, progress)
        return lambda: register_video(ctx, prepared)
    check_kind(details.kind)
    blob = ctx.evidence.put(path, progress or NullProgress())

    def commit() -> VideoEvidence:
        info = add_evidence(
            ctx,
            case_id,
            path,
            kind=details.kind,
            source=details.source,
            provided_by=details.provided_by,
            acquired_at=details.acquired_at,
            tz=details.tz,
            blob=blob,
        )
        return VideoEvidence(info, None)

    return commit


def prepare_video(
    ctx: ServiceContext,
    case_id: int,
    path: Path,
    details: EvidenceDetails,
    progress: Progress | None = None,
) -> PreparedVideo:
    """The long part of a video intake: remux when needed, index, probe, store (no row yet)."""
    progress = progress or NullProgress()
    path = Path(check_source(path))
    if details.kind not in VIDEO_KINDS:
        raise ValidationError(f"kind {details.kind!r} is not a video kind", field="kind")
    if details.tz is not None:
        timeutil.zone(details.tz)
    camera_start = details.camera_start
    if camera_start is not None and camera_start.tzinfo is None:
        raise ValidationError("the camera start needs a zone", field="camera_start")
    with ctx.session() as session:
        case_zone = case_repo.case_tz(session, case_id)
    before = _fingerprint(path)
    # All media work happens on the source before anything is stored, so a file that cannot
    # be read leaves nothing behind; the fingerprint proves the stored bytes are those indexed.
    with tempfile.TemporaryDirectory(dir=ctx.data_dir) as tmp:
        working = None
        if needs_remux(path):
            working = remux_to_mp4(path, Path(tmp) / f"{path.stem}.mp4", progress=progress)
        index = build_index(working or path, progress)
        probed = probe(working or path, index)
        access = check_access(working or path, index)
        blob = ctx.evidence.put(path, progress)
        if _fingerprint(path) != before:
            raise ValidationError(f"{path.name}: the file changed while it was being added")
        working_sha = ctx.evidence.put(working, progress).sha256 if working else None
    return PreparedVideo(
        case_id=case_id,
        name=path.name,
        sha256=blob.sha256,
        size=blob.size,
        index=index,
        probed=probed,
        working_sha256=working_sha,
        access=access,
        origin=_camera_origin(camera_start, probed, path.name, details.tz or case_zone),
        details=details,
    )


def register_video(ctx: ServiceContext, prepared: PreparedVideo) -> VideoEvidence:
    """The commit of a video intake: evidence row, media row and index in one transaction."""
    probed = prepared.probed
    with ctx.transaction() as session:
        evidence = insert_evidence_row(
            ctx,
            session,
            prepared.case_id,
            prepared.sha256,
            prepared.size,
            prepared.details.kind,
            prepared.name,
            source=prepared.details.source,
            provided_by=prepared.details.provided_by,
            acquired_at=prepared.details.acquired_at,
            tz=prepared.details.tz,
        )
        media = repo.add_media(
            session,
            evidence.id,
            prepared.index.to_bytes(),
            **_media_fields(probed, prepared.working_sha256, prepared.access),
            camera_origin=prepared.origin[0],
            origin_source=prepared.origin[1],
        )
        ctx.audit(
            session,
            action="create",
            entity="video_media",
            entity_id=evidence.id,
            case_id=evidence.case_id,
            after={
                "codec": probed.codec,
                "frames": probed.frames,
                "duration_s": probed.duration_s,
                "working_sha256": prepared.working_sha256,
                "access": prepared.access.strategy,
            },
        )
        return VideoEvidence(evidence, media_summary(media))


def _camera_origin(
    entered: datetime | None, info: MediaInfo, name: str, zone: str
) -> tuple[datetime | None, str | None]:
    """The camera clock at the first frame: what the investigator entered, else the
    container's creation time, else a dash-cam's file name read in the source's zone."""
    if entered is not None:
        return timeutil.ensure_utc(entered), "manual"
    if info.creation_time is not None:
        return info.creation_time, "container"
    from_name = camera_start_from_name(name, timeutil.zone(zone))
    return (from_name, "filename") if from_name is not None else (None, None)


def _fingerprint(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise MediaError(
            path, "file not found (moved, deleted or disconnected)", "missing"
        ) from exc
    return info.st_size, info.st_mtime_ns


def _media_fields(
    info: MediaInfo, working_sha: str | None, access: AccessStats
) -> dict[str, object]:
    return dict(
        access=access.strategy,
        probe={
            "rotation": info.rotation,
            "sample_aspect": info.sample_aspect,
            "audio": info.audio,
            "access": {
                "strategy": access.strategy,
                "seeks": access.seeks,
                "late_landings": access.late_landings,
                "earlier_keyframe": access.earlier_keyframe,
                "held_frames": access.held,
                "rejected_packets": access.rejected_packets,
                "decode_order": access.decode_order,
            },
        },
        container=info.container,
        codec=info.codec,
        duration_s=info.duration_s,
        fps=info.fps,
        width=info.width,
        height=info.height,
        frames=info.frames,
        creation_time=info.creation_time,
        working_sha256=working_sha,
    )


def media_summary(row: repo.VideoMediaRow) -> MediaSummary:
    return MediaSummary(
        container=row.container,
        codec=row.codec,
        duration_s=row.duration_s,
        fps=row.fps,
        width=row.width,
        height=row.height,
        frames=row.frames,
        creation_time=row.creation_time,
        camera_origin=row.camera_origin,
        origin_source=row.origin_source,
        remuxed=row.working_sha256 is not None,
        access=row.access or "keyframe",
        rotation=int((row.probe or {}).get("rotation") or 0),
        sample_aspect=(row.probe or {}).get("sample_aspect"),
        audio=(row.probe or {}).get("audio"),
    )


def list_case_evidence(ctx: ServiceContext, case_id: int) -> list[VideoEvidence]:
    """Every evidence object of the case, oldest first, with media metadata for videos."""
    with ctx.session() as session:
        rows = repo.evidence_with_media(session, case_id)
        return [
            VideoEvidence(evidence_info(ev), media_summary(m) if m is not None else None)
            for ev, m in rows
        ]


def open_video(ctx: ServiceContext, case_id: int, evidence_id: int) -> VideoSource:
    """Path, pts index, metadata and clock of a video: everything a reader needs."""
    with ctx.session() as session:
        row = repo.evidence_in_case(session, case_id, evidence_id)
        media = repo.media_of(session, evidence_id)
        sha = media.working_sha256 or row.sha256
        return VideoSource(
            evidence=evidence_info(row),
            path=ctx.evidence.path_of(sha),
            index=index_of(session, evidence_id),
            media=media_summary(media),
            clock=clock_info(session, evidence_id),
        )


def export_frame(
    ctx: ServiceContext, case_id: int, evidence_id: int, media_time_s: float, out: Path
) -> FrameExport:
    """Write the exact frame shown at `media_time_s` to `out` as PNG (audited export)."""
    out = check_output_path(ctx, out)
    return record_frame_export(
        ctx, write_frame(open_video(ctx, case_id, evidence_id), media_time_s, out)
    )


def write_frame(source: VideoSource, media_time_s: float, out: Path) -> FrameExport:
    """The CPU part of a frame export: decode the exact frame and write the PNG."""
    number = frame_number(source.index, media_time_s)
    with FrameReader(source.path, source.index, one_shot=True) as reader:
        image = upright(reader.frame(number), source.media.rotation)
    out = Path(out)
    out.write_bytes(still_png(image))
    return FrameExport(number, round(source.index.pts_of(number), 6), out, source.evidence)


def record_frame_export(ctx: ServiceContext, export: FrameExport) -> FrameExport:
    """The commit of a frame export: its audit entry."""
    with ctx.transaction() as session:
        ctx.audit(
            session,
            action="export",
            entity="evidence",
            entity_id=export.evidence.id,
            case_id=export.evidence.case_id,
            after={
                "frame_index": export.frame_index,
                "media_time_s": export.pts_s,
                "file": export.path.name,
            },
        )
    return export


def verify_working_copies(
    ctx: ServiceContext, case_id: int | None = None
) -> list[WorkingCopyCheck]:
    """Re-hash the remuxed working copies (stills and frames are taken from them)."""
    with ctx.session() as session:
        rows = repo.working_copies(session, case_id)
    return [
        WorkingCopyCheck(evidence_id, name, sha, ctx.evidence.verify(sha))
        for evidence_id, name, sha in rows
    ]
