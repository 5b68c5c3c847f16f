"""`casebook evidence add|list|verify|calibrate|frame`, `casebook annotate`,
`casebook scan-activity`: evidence intake and video review without a window."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import CheckFailed
from app.domain import timeutil
from app.domain.errors import ValidationError

if TYPE_CHECKING:
    from app.services.core.context import ServiceContext
    from app.services.video.dto import MediaSummary

ADD_KINDS = ["dashcam", "cctv", "photo", "document", "statement", "audio", "other"]


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    evidence = sub.add_parser("evidence", help="evidence files of a case", parents=[common])
    ev_sub = evidence.add_subparsers(dest="evidence_command", required=True)

    add = ev_sub.add_parser("add", help="store a file as evidence", parents=[common])
    add.add_argument("case", help="case id or number")
    add.add_argument("file", type=Path)
    add.add_argument("--kind", required=True, choices=ADD_KINDS)
    add.add_argument("--source", default="", help="vehicle or camera name")
    add.add_argument("--provided-by", default="")
    add.add_argument("--tz", help="IANA time zone of the source, e.g. Europe/Moscow")
    add.add_argument("--acquired", help="when it was acquired (ISO 8601)")
    add.add_argument(
        "--camera-start",
        help="the camera's clock at the first frame (ISO 8601; without an offset: --tz)",
    )
    add.set_defaults(handler=_add)

    lst = ev_sub.add_parser("list", help="evidence of a case", parents=[common])
    lst.add_argument("case")
    lst.set_defaults(handler=_list)

    verify = ev_sub.add_parser("verify", help="re-hash stored files", parents=[common])
    verify.add_argument("case", nargs="?")
    verify.add_argument(
        "--repair",
        action="store_true",
        help="also remove blobs no record refers to and partial files of interrupted imports",
    )
    verify.add_argument(
        "--grace-minutes",
        type=float,
        default=10.0,
        help="with --repair: leave leftovers younger than this (another import may be running)",
    )
    verify.set_defaults(handler=_verify)

    cal = ev_sub.add_parser("calibrate", help="correct a camera's clock", parents=[common])
    cal.add_argument("case")
    cal.add_argument("evidence", type=int)
    cal.add_argument("--media-time", type=float, required=True, help="seconds into the file")
    cal.add_argument(
        "--camera-time", help="what the camera's own clock shows on that frame (ISO 8601)"
    )
    cal.add_argument("--true-time", required=True, help="ISO 8601 true time of that frame")
    cal.add_argument("--note", default="")
    cal.set_defaults(handler=_calibrate)

    read = ev_sub.add_parser(
        "read-clock", help="read the camera's burned-in clock (OCR)", parents=[common]
    )
    read.add_argument("case")
    read.add_argument("evidence", type=int)
    read.add_argument("--media-time", type=float, required=True, help="seconds into the file")
    read.add_argument("--rect", help="where the overlay is: X,Y,W,H in frame pixels")
    read.set_defaults(handler=_read_clock)

    frame = ev_sub.add_parser("frame", help="export the exact frame as PNG", parents=[common])
    frame.add_argument("case")
    frame.add_argument("evidence", type=int)
    frame.add_argument("--media-time", type=float, required=True)
    frame.add_argument("--out", type=Path, required=True)
    frame.set_defaults(handler=_frame)

    note = sub.add_parser("annotate", help="annotate a video frame", parents=[common])
    note.add_argument("case")
    note.add_argument("evidence", type=int)
    note.add_argument("--media-time", type=float, required=True)
    note.add_argument("--text", required=True)
    note.add_argument("--rect", help="region X,Y,W,H in frame pixels")
    note.add_argument("--tag", action="append", default=[])
    note.add_argument("--still", action="store_true", help="save the frame as a still")
    note.set_defaults(handler=_annotate)

    scan = sub.add_parser("scan-activity", help="find motion in a video", parents=[common])
    scan.add_argument("case")
    scan.add_argument("evidence", type=int)
    scan.set_defaults(handler=_scan)


def _add(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.video import intake as video
    from app.services.video.dto import EvidenceDetails

    acquired = timeutil.parse_iso(args.acquired, args.tz, "acquired") if args.acquired else None
    case_id = _case(ctx, args)
    camera_start = None
    if args.camera_start:
        from app.services.core.cases import get_case

        zone = args.tz or get_case(ctx, case_id).tz
        camera_start = timeutil.parse_iso(args.camera_start, zone, "camera_start")
    result = video.add_video_evidence(
        ctx,
        case_id,
        args.file,
        EvidenceDetails(
            args.kind,
            source=args.source,
            provided_by=args.provided_by,
            acquired_at=acquired,
            tz=args.tz,
            camera_start=camera_start,
        ),
    )
    ev = result.evidence
    return {"id": ev.id, "sha256": ev.sha256, "size": ev.size, "media": _media(result.media)}


def _media(media: MediaSummary | None) -> dict[str, Any] | None:
    if media is None:
        return None
    return {
        "codec": media.codec,
        "duration_s": media.duration_s,
        "fps": media.fps,
        "width": media.width,
        "height": media.height,
        "frames": media.frames,
        "access": media.access,
        "rotation": media.rotation,
        "sample_aspect": media.sample_aspect,
        "audio": media.audio,
    }


def _list(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.video import intake as video

    return {
        "evidence": [
            {
                "id": item.evidence.id,
                "sha256": item.evidence.sha256,
                "size": item.evidence.size,
                "kind": item.evidence.kind,
                "original_name": item.evidence.original_name,
                "source": item.evidence.source,
                "provided_by": item.evidence.provided_by,
                "acquired_at": item.evidence.acquired_at,
                "tz": item.evidence.tz,
                "parent_id": item.evidence.parent_id,
                "frame_index": item.evidence.frame_index,
                "media_time_s": item.evidence.media_time_s,
                "media": _media(item.media),
            }
            for item in video.list_case_evidence(ctx, _case(ctx, args))
        ]
    }


def _verify(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.core.evidence_care import sweep_store
    from app.services.core.evidence_files import verify_evidence
    from app.services.video import intake as video

    repaired = None
    if args.repair:
        if not 0 <= args.grace_minutes <= 7 * 24 * 60:
            raise ValidationError("--grace-minutes: between 0 and a week", field="grace_minutes")
        swept = sweep_store(ctx, full=True, grace_s=args.grace_minutes * 60)
        repaired = {"orphans_removed": swept.orphans, "partials_removed": swept.partials}
    case_id = _case(ctx, args) if args.case else None
    checks = verify_evidence(ctx, case_id)
    copies = video.verify_working_copies(ctx, case_id)
    failed = [
        {"id": c.id, "sha256": c.sha256, "name": c.original_name, "state": c.state}
        for c in checks
        if not c.ok
    ] + [
        {"id": c.evidence_id, "sha256": c.sha256, "name": f"{c.original_name} (working copy)"}
        for c in copies
        if not c.ok
    ]
    payload: dict[str, Any] = {
        "checked": len(checks) + len(copies),
        "ok": not failed,
        "failed": failed,
    }
    if repaired is not None:
        payload["repaired"] = repaired
    if failed:
        names = "; ".join(
            f"{f['name']} (evidence {f['id']}): "
            + ("file missing" if f.get("state") == "missing" else "hash no longer matches")
            for f in failed
        )
        raise CheckFailed(payload, f"evidence check failed: {names}")
    return payload


def _calibrate(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.video import clock as video_clock

    case_id = _case(ctx, args)
    zone = video_clock.local_zone(ctx, case_id, args.evidence)
    true_time = timeutil.parse_iso(args.true_time, zone, "true_time")
    camera = timeutil.parse_iso(args.camera_time, zone, "camera_time") if args.camera_time else None
    clock = video_clock.calibrate(
        ctx, case_id, args.evidence, args.media_time, true_time, note=args.note, camera_time=camera
    )
    return {
        "offset_s": round(clock.offset_s, 6),
        "drift_ppm": round(clock.drift_ppm, 3),
        "points": len(clock.points),
    }


def _read_clock(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.domain.media import Region
    from app.services.video.clock_reading import read_camera_clock

    region = Region.parse(args.rect) if args.rect else None
    read = read_camera_clock(ctx, _case(ctx, args), args.evidence, args.media_time, region)
    return {
        "camera_time": timeutil.iso_utc(read.camera_time),
        "text": read.text,
        "confidence": read.confidence,
        "region": read.region.as_list(),
    }


def _frame(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.video import intake as video

    export = video.export_frame(ctx, _case(ctx, args), args.evidence, args.media_time, args.out)
    return {"frame_index": export.frame_index, "pts_s": export.pts_s}


def _annotate(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.video import annotations as video_annotations

    note = video_annotations.annotate(
        ctx,
        _case(ctx, args),
        args.evidence,
        args.media_time,
        args.text,
        rect=video_annotations.parse_rect(args.rect) if args.rect else None,
        tags=args.tag,
        still=args.still,
    )
    return {
        "id": note.id,
        "frame_index": note.frame_index,
        "true_time_utc": note.true_time_utc,
        "still_id": note.still_id,
    }


def _scan(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.video import activity as video_activity

    segments = video_activity.scan_evidence_activity(ctx, _case(ctx, args), args.evidence)
    return {"segments": [{"start_s": s.start_s, "end_s": s.end_s} for s in segments]}


def _case(ctx: ServiceContext, args: argparse.Namespace) -> int:
    """The case the command names (id or number), resolved once."""
    from app.services.core.cases import resolve_case

    return resolve_case(ctx, args.case)
