"""Annotations on video frames: create (optionally with a still), edit, delete, restore, list.

An annotation sits on one frame (the frame shown at the media time given) with text, an
optional rectangle in frame pixels and tags. Edits check the version the caller read
(optimistic locking); deletion is soft, so undo is a restore and the audit log shows both.
A still is a new evidence object (kind `still`): the exact frame as PNG with the region drawn
on a copy, recording its parent, the parent's hash, the frame index and the media time.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.domain import timeutil
from app.domain.errors import ValidationError
from app.domain.media import Region
from app.media.frames import FrameReader
from app.media.stills import still_png, upright
from app.services.core.cases import check_version
from app.services.core.context import ServiceContext
from app.services.core.evidence_files import insert_evidence_row
from app.services.video.clock import clock_info
from app.services.video.common import frame_number
from app.services.video.dto import AnnotationInfo, ClockInfo, VideoSource
from app.services.video.intake import open_video
from app.storage.repositories import video as repo
from app.storage.repositories.video import AnnotationRow

MAX_TEXT = 10_000


def annotate(
    ctx: ServiceContext,
    case_id: int,
    evidence_id: int,
    media_time_s: float,
    text: str,
    *,
    rect: Region | None = None,
    tags: Sequence[str] = (),
    still: bool = False,
) -> AnnotationInfo:
    """Mark the frame shown at `media_time_s`; with `still`, save it as new evidence too."""
    text = _clean_text(text)
    source = open_video(ctx, case_id, evidence_id)
    number = frame_number(source.index, media_time_s)
    if rect is not None:
        rect.check_within(*source.media.display_size)
    blob = _still_blob(ctx, source, number, rect) if still else None
    now = timeutil.now_utc()
    with ctx.transaction() as session:
        parent = repo.evidence_in_case(session, case_id, evidence_id)
        frame_time = source.index.pts_of(number)
        # A true time only once the camera's clock is calibrated; before, it is not established.
        true_time = source.clock.true_time(frame_time) if source.clock.calibrated else None
        still_id = None
        if blob is not None:
            still_row = insert_evidence_row(
                ctx,
                session,
                parent.case_id,
                blob[0],
                blob[1],
                "still",
                f"{Path(parent.original_name).stem}_frame{number}.png",
                source=parent.source,
                tz=parent.tz,
                parent_id=parent.id,
                frame_index=number,
                media_time_s=frame_time,
                acquired_at=true_time,
                meta={
                    "parent_sha256": parent.sha256,
                    # a remuxed file's frames come from its working copy (same pictures)
                    "decoded_from_sha256": source.path.name if source.media.remuxed else None,
                    "region": rect.as_list() if rect else None,
                    "camera_time_utc": timeutil.iso_utc(source.clock.camera_time(frame_time)),
                    "true_time_utc": timeutil.iso_utc(true_time),
                },
            )
            still_id = still_row.id
        row = repo.add_annotation(
            session,
            case_id=parent.case_id,
            evidence_id=evidence_id,
            frame_index=number,
            media_time_s=frame_time,
            text=text,
            rect=rect.as_list() if rect else None,
            tags=_clean_tags(tags),
            still_id=still_id,
            deleted=False,
            created_at=now,
            created_by=ctx.actor,
            updated_at=now,
        )
        ctx.audit(
            session,
            action="create",
            entity="annotation",
            entity_id=row.id,
            case_id=parent.case_id,
            after=_snapshot(row),
        )
        return _info(row, source.clock)


def _still_blob(
    ctx: ServiceContext, source: VideoSource, number: int, rect: Region | None
) -> tuple[str, int]:
    with FrameReader(source.path, source.index, one_shot=True) as reader:
        image = upright(reader.frame(number), source.media.rotation)
    blob = ctx.evidence.put_bytes(still_png(image, rect, source.media.pixel_stretch))
    return blob.sha256, blob.size


def update_annotation(
    ctx: ServiceContext,
    annotation_id: int,
    expected_version: int,
    *,
    text: str | None = None,
    rect: Region | None = None,
    clear_rect: bool = False,
    tags: Sequence[str] | None = None,
) -> AnnotationInfo:
    """Change text, region or tags; Conflict when someone changed it since it was read."""
    with ctx.transaction() as session:
        row = repo.annotation(session, annotation_id)
        check_version(row.version, expected_version, "annotation")
        before = _snapshot(row)
        if text is not None:
            row.text = _clean_text(text)
        if clear_rect:
            row.rect = None
        elif rect is not None:
            media_width, media_height = _frame_size(session, row.evidence_id)
            rect.check_within(media_width, media_height)
            row.rect = rect.as_list()
        if tags is not None:
            row.tags = _clean_tags(tags)
        row.updated_at = timeutil.now_utc()
        session.flush()
        ctx.audit(
            session,
            action="update",
            entity="annotation",
            entity_id=row.id,
            case_id=row.case_id,
            before=before,
            after=_snapshot(row),
        )
        return _info(row, clock_info(session, row.evidence_id))


def delete_annotation(
    ctx: ServiceContext, annotation_id: int, expected_version: int
) -> AnnotationInfo:
    """Soft-delete (restorable; the still, if any, stays as evidence)."""
    return _set_deleted(ctx, annotation_id, expected_version, True)


def restore_annotation(
    ctx: ServiceContext, annotation_id: int, expected_version: int
) -> AnnotationInfo:
    """Undo a deletion."""
    return _set_deleted(ctx, annotation_id, expected_version, False)


def _set_deleted(
    ctx: ServiceContext, annotation_id: int, expected_version: int, deleted: bool
) -> AnnotationInfo:
    with ctx.transaction() as session:
        row = repo.annotation(session, annotation_id)
        check_version(row.version, expected_version, "annotation")
        if row.deleted == deleted:
            raise ValidationError(
                f"annotation {annotation_id} is {'already' if deleted else 'not'} deleted",
                field="annotation",
            )
        row.deleted = deleted
        row.updated_at = timeutil.now_utc()
        session.flush()
        ctx.audit(
            session,
            action="delete" if deleted else "restore",
            entity="annotation",
            entity_id=row.id,
            case_id=row.case_id,
            before={"deleted": not deleted},
            after={"deleted": deleted},
        )
        return _info(row, clock_info(session, row.evidence_id))


def list_annotations(
    ctx: ServiceContext,
    case_id: int,
    evidence_id: int | None = None,
    include_deleted: bool = False,
) -> list[AnnotationInfo]:
    """A case's annotations (of one file, or all), in media-time order per file."""
    with ctx.session() as session:
        rows = repo.case_annotations(session, case_id, evidence_id, include_deleted)
        clocks: dict[int, ClockInfo] = {}
        out = []
        for row in rows:
            if row.evidence_id not in clocks:
                clocks[row.evidence_id] = clock_info(session, row.evidence_id)
            out.append(_info(row, clocks[row.evidence_id]))
        return out


def parse_rect(text: str) -> Region:
    """A region typed as `X,Y,W,H` (frame pixels)."""
    return Region.parse(text)


def _frame_size(session: repo.Session, evidence_id: int) -> tuple[int, int]:
    media = repo.media_of(session, evidence_id)
    rotation = int((media.probe or {}).get("rotation") or 0)
    return (media.height, media.width) if rotation % 180 else (media.width, media.height)


def _clean_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError("an annotation needs text", field="text")
    if len(text) > MAX_TEXT:
        raise ValidationError(f"annotation text is longer than {MAX_TEXT} characters", field="text")
    return text


def _clean_tags(tags: Sequence[str]) -> list[str]:
    seen: list[str] = []
    for tag in tags:
        tag = tag.strip()
        if tag and tag not in seen:
            seen.append(tag)
    return seen


def _snapshot(row: AnnotationRow) -> dict[str, Any]:
    return {
        "evidence_id": row.evidence_id,
        "frame_index": row.frame_index,
        "media_time_s": row.media_time_s,
        "text": row.text,
        "rect": row.rect,
        "tags": list(row.tags or []),
        "still_id": row.still_id,
        "deleted": row.deleted,
    }


def _info(row: AnnotationRow, clock: ClockInfo) -> AnnotationInfo:
    return AnnotationInfo(
        id=row.id,
        case_id=row.case_id,
        evidence_id=row.evidence_id,
        frame_index=row.frame_index,
        media_time_s=row.media_time_s,
        text=row.text,
        rect=list(row.rect) if row.rect else None,
        tags=list(row.tags or []),
        still_id=row.still_id,
        deleted=row.deleted,
        version=row.version,
        camera_time_utc=clock.camera_time(row.media_time_s),
        true_time_utc=clock.true_time(row.media_time_s),
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
    )
