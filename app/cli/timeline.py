"""`casebook timeline CASE [--from ISO] [--to ISO] [--kind K ...] [--max-calls N]` and
`casebook event add CASE --at ISO [--uncertainty-s N] --text T`.

Times without a zone are read in the case's zone; output times are UTC (`...Z`). A stretch
holding more than `--max-calls` calls (a platform's export of a million) lists none of them:
`calls_aggregated` says how many were counted instead, `call_counts` gives them per party and
hour (or wider); narrow the stretch with `--from`/`--to` to list them.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from app.domain import timeutil
from app.domain.timeline import EventKind

if TYPE_CHECKING:
    from app.services.core.context import ServiceContext


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    show = sub.add_parser(
        "timeline", help="every event of a case on one corrected clock", parents=[common]
    )
    show.add_argument("case", help="case id or number")
    show.add_argument("--from", dest="start", help="ISO 8601; without a zone, the case's zone")
    show.add_argument("--to", dest="end", help="ISO 8601; without a zone, the case's zone")
    show.add_argument(
        "--kind",
        nargs="+",
        action="extend",
        default=[],
        choices=[k.value for k in EventKind],
        help="only these kinds (repeatable)",
    )
    show.add_argument(
        "--max-calls",
        type=int,
        default=None,
        help="list the calls of the stretch only up to this many, else count them (20000)",
    )
    show.set_defaults(handler=_timeline)

    event = sub.add_parser("event", help="manual timeline events", parents=[common])
    event_sub = event.add_subparsers(dest="event_command", required=True)
    add = event_sub.add_parser("add", help="add a manual event to a case", parents=[common])
    add.add_argument("case", help="case id or number")
    add.add_argument("--at", required=True, help="ISO 8601; without a zone, the case's zone")
    add.add_argument("--uncertainty-s", type=int, default=0, help="± seconds, e.g. 900")
    add.add_argument("--text", required=True)
    add.add_argument("--source", default="", help="who reported it")
    add.set_defaults(handler=_event_add)


def _timeline(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.core.cases import get_case, resolve_case
    from app.services.timeline import build as timeline

    case = get_case(ctx, resolve_case(ctx, args.case))
    start = timeutil.parse_iso(args.start, case.tz, "from") if args.start else None
    end = timeutil.parse_iso(args.end, case.tz, "to") if args.end else None
    found = timeline.query_events(ctx, case.id, start, end, args.kind, args.max_calls)
    return {
        "events": [timeline.event_json(e) for e in found.events],
        "calls_aggregated": found.calls_aggregated,
        "call_counts": [timeline.density_json(bar) for bar in found.call_counts],
    }


def _event_add(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.core import records
    from app.services.core.cases import get_case, resolve_case

    case = get_case(ctx, resolve_case(ctx, args.case))
    at = timeutil.parse_iso(args.at, case.tz, "at")
    info = records.add_event(
        ctx,
        case.id,
        records.EventInput(
            at=at, text=args.text, uncertainty_s=args.uncertainty_s, source=args.source
        ),
    )
    return {
        "event": {
            "id": f"manual:{info.id}",
            "kind": EventKind.MANUAL.value,
            "start_utc": timeutil.iso_utc(info.at),
            "uncertainty_s": info.uncertainty_s,
            "text": info.text,
            "case": case.number,
        }
    }
