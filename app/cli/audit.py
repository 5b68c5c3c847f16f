"""`casebook audit verify` (exit 1 naming the first bad entry), `audit checkpoint` and
`casebook audit show`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import CheckFailed

if TYPE_CHECKING:
    from app.services.core.context import ServiceContext


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("audit", help="the hash-chained audit log", parents=[common])
    audit_sub = parser.add_subparsers(dest="audit_command", required=True)
    verify = audit_sub.add_parser(
        "verify",
        help="walk the hash chain and check it against signed checkpoints and anchors",
        parents=[common],
    )
    verify.add_argument(
        "--anchor",
        action="append",
        default=[],
        metavar="SEQ:HASH",
        help="an entry number and hash written down earlier (a dossier prints them)",
    )
    verify.add_argument(
        "--checkpoint",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="a signed checkpoint file kept elsewhere (audit checkpoint --out, a package)",
    )
    verify.set_defaults(handler=_verify)
    checkpoint = audit_sub.add_parser(
        "checkpoint", help="sign the current head of the log", parents=[common]
    )
    checkpoint.add_argument("--out", type=Path, help="also write the checkpoint to this file")
    checkpoint.set_defaults(handler=_checkpoint)
    show = audit_sub.add_parser("show", help="list entries, newest first", parents=[common])
    show.add_argument("--case")
    show.add_argument("--limit", type=int, default=100)
    show.set_defaults(handler=_show)


def _verify(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.core import checkpoints

    anchors = [checkpoints.parse_anchor(a) for a in args.anchor]
    status = checkpoints.verify_log(ctx, anchors, list(args.checkpoint))
    payload = {
        "ok": status.ok,
        "entries": status.entries,
        "head_hash": status.head_hash,
        "first_bad_seq": status.first_bad_seq,
        "problem": status.problem,
        "problems": status.problems,
        "checkpoints": status.checkpoints,
        "anchors": status.anchors,
        "without_history": status.without_history,
        "key_id": status.key_id,
    }
    if not status.ok:
        where = f" at entry {status.first_bad_seq}" if status.first_bad_seq else ""
        raise CheckFailed(payload, f"audit log broken{where}: {status.problem}")
    return payload


def _checkpoint(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.core import checkpoints
    from app.services.core.outputs import check_output_path

    if args.out is not None:  # refuse a bad path before anything is signed
        check_output_path(ctx, args.out)
    info = checkpoints.take_checkpoint(ctx)
    payload: dict[str, Any] = {**info.document, "file": None}
    if args.out is not None:
        payload["file"] = str(checkpoints.save_checkpoint(ctx, info, args.out))
    return payload


def _show(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.core import audit, cases

    case_id = None
    if args.case:
        case_id = cases.resolve_case(ctx, args.case)
    return {"entries": audit.list_entries(ctx, case_id=case_id, limit=args.limit)}
