"""`casebook audit verify` (exit 1 naming the first bad entry) and `casebook audit show`."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.common import CheckFailed
from app.services.core import audit, cases
from app.services.core.context import ServiceContext


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("audit", help="the hash-chained audit log", parents=[common])
    audit_sub = parser.add_subparsers(dest="audit_command", required=True)
    verify = audit_sub.add_parser("verify", help="walk the hash chain", parents=[common])
    verify.set_defaults(handler=_verify)
    show = audit_sub.add_parser("show", help="list entries, newest first", parents=[common])
    show.add_argument("--case")
    show.add_argument("--limit", type=int, default=100)
    show.set_defaults(handler=_show)


def _verify(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    status = audit.verify_chain(ctx)
    payload = {
        "ok": status.ok,
        "entries": status.entries,
        "head_hash": status.head_hash,
        "first_bad_seq": status.first_bad_seq,
        "problem": status.problem,
    }
    if not status.ok:
        raise CheckFailed(
            payload, f"audit chain broken at entry {status.first_bad_seq}: {status.problem}"
        )
    return payload


def _show(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    case_id = None
    if args.case:
        with ctx.session() as session:
            case_id = cases.resolve_case_id(session, args.case)
    return {"entries": audit.list_entries(ctx, case_id=case_id, limit=args.limit)}
