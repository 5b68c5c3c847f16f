"""`casebook import calls|orders`, `casebook order add`, `casebook calls list`,
`casebook analyze` (issue 3: names and JSON keys are stable)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from app.domain.errors import ValidationError

if TYPE_CHECKING:
    from app.services.calls.dto import ImportOptions
    from app.services.core.context import ServiceContext


def _file_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("case", help="case id or number")
    parser.add_argument("file", help="CSV or XLSX export")
    parser.add_argument("--preset", help="a built-in or saved preset, e.g. didww-cdr-in")
    parser.add_argument("--map", help="FIELD=COLUMN,... (COLUMN: header or 1-based number)")
    parser.add_argument("--tz", help="zone of the file's times (default: the case's zone)")
    parser.add_argument("--encoding", help="e.g. cp1251 (default: detected)")
    parser.add_argument("--delimiter", help="';', ',', 'tab' (default: detected)")
    parser.add_argument("--no-header", action="store_true", help="the first row is data")
    parser.add_argument(
        "--date-order",
        choices=["dmy", "mdy"],
        help="for dates like 04/05/2020 that the file cannot tell apart",
    )


def _subscriber_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--subscriber",
        help="an operator's detail of this number: rows hold the other party and a direction",
    )


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    imp = sub.add_parser("import", help="import call logs and orders", parents=[common])
    imp_sub = imp.add_subparsers(dest="import_command", required=True)
    calls = imp_sub.add_parser("calls", help="import a call-log export", parents=[common])
    _file_options(calls)
    _subscriber_option(calls)
    calls.set_defaults(handler=_import_calls)
    orders = imp_sub.add_parser("orders", help="import an order export", parents=[common])
    _file_options(orders)
    orders.set_defaults(handler=_import_orders)

    order = sub.add_parser("order", help="orders of a case", parents=[common])
    order_sub = order.add_subparsers(dest="order_command", required=True)
    add = order_sub.add_parser("add", help="enter an order", parents=[common])
    add.add_argument("case")
    add.add_argument("--number", required=True)
    add.add_argument("--courier", help="party id, courier ID or name")
    add.add_argument("--customer", help="party id or name")
    add.add_argument("--assigned-at", help="ISO 8601; no zone = the case's zone")
    add.add_argument("--picked-up-at")
    add.add_argument("--delivered-at")
    add.add_argument("--cancelled-at")
    add.add_argument("--address", default="")
    add.set_defaults(handler=_order_add)

    lst = sub.add_parser("calls", help="the calls of a case", parents=[common])
    lst_sub = lst.add_subparsers(dest="calls_command", required=True)
    show = lst_sub.add_parser("list", help="list calls (numbers masked)", parents=[common])
    show.add_argument("case")
    show.add_argument("--number", help="any run of digits")
    show.add_argument("--limit", type=int, help="at most this many calls")
    show.add_argument("--reveal", action="store_true", help="show real numbers (audited)")
    show.add_argument("--reason", help="why the numbers are revealed (needed with --reveal)")
    show.set_defaults(handler=_calls_list)

    ana = sub.add_parser("analyze", help="run the misuse detectors", parents=[common])
    ana.add_argument("case")
    ana.add_argument("--lang", choices=["ru", "en"], default="ru", help="explanation language")
    ana.set_defaults(handler=_analyze)


def _options(args: argparse.Namespace) -> ImportOptions:
    from app.services.calls.dto import ImportOptions
    from app.services.calls.intake import parse_map_option

    return ImportOptions(
        preset=args.preset,
        mapping=parse_map_option(args.map) if args.map else {},
        tz=args.tz,
        encoding=args.encoding,
        delimiter=args.delimiter,
        has_header=False if args.no_header else None,
        subscriber=getattr(args, "subscriber", None),
        date_order=args.date_order,
    )


def _import_calls(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.calls.importing import import_calls
    from app.services.core.cases import resolve_case

    result = import_calls(ctx, resolve_case(ctx, args.case), args.file, _options(args))
    return {
        "batch_id": result.batch_id,
        "imported": result.imported,
        "duplicates": result.duplicates,
        "rejected": [{"line": r.line, "reason": r.reason} for r in result.rejected],
        "recognition": result.recognition,
    }


def _import_orders(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.calls.orders import import_orders
    from app.services.core.cases import resolve_case

    result = import_orders(ctx, resolve_case(ctx, args.case), args.file, _options(args))
    return {
        "created": result.created,
        "updated": result.updated,
        "events": result.events,
        "rejected": [{"line": r.line, "reason": r.reason} for r in result.rejected],
        "unmatched_parties": result.unmatched_parties,
    }


def _order_add(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.calls.orders import order_events_in_case_zone, party_ids
    from app.services.core import records
    from app.services.core.cases import resolve_case

    case_id = resolve_case(ctx, args.case)
    found = party_ids(ctx, case_id, {"courier": args.courier, "customer": args.customer})
    courier, customer = found["courier"], found["customer"]
    events = order_events_in_case_zone(
        ctx,
        case_id,
        {
            "assigned": args.assigned_at,
            "picked_up": args.picked_up_at,
            "delivered": args.delivered_at,
            "cancelled": args.cancelled_at,
        },
    )
    info = records.add_order(
        ctx,
        case_id,
        records.OrderInput(
            number=args.number,
            courier_party_id=courier,
            customer_party_id=customer,
            address=args.address,
            events=events,
        ),
        source="cli",
    )
    return {
        "id": info.id,
        "number": info.number,
        "events": [{"kind": e.kind, "at": e.at} for e in info.events],
    }


def _calls_list(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.calls.dto import CallFilter
    from app.services.calls.query import call_ids, calls_by_ids, reveal_calls
    from app.services.core.cases import resolve_case

    if args.reveal and not (args.reason or "").strip():
        raise ValidationError("--reveal needs --reason", field="reason")
    case_id = resolve_case(ctx, args.case)
    ids = call_ids(ctx, case_id, CallFilter(number=args.number))
    if args.limit is not None:
        ids = ids[: max(args.limit, 0)]
    views = reveal_calls(ctx, case_id, ids, args.reason) if args.reveal else calls_by_ids(ctx, ids)
    return {
        "calls": [
            {
                "id": v.id,
                "start_utc": v.start_utc,
                "duration_s": v.duration_s,
                "caller": v.caller,
                "callee": v.callee,
                "virtual_number": v.virtual_number,
                "direction": v.direction,
                "status": v.status,
            }
            for v in views
        ]
    }


def _analyze(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.calls.analysis import analyze
    from app.services.core.cases import resolve_case
    from app.services.messages.analysis import message_findings

    case_id = resolve_case(ctx, args.case)
    rows = [
        {
            "kind": f.kind,
            "severity": f.severity,
            "call_ids": list(f.call_ids),
            "start_utc": f.start_utc,
            "end_utc": f.end_utc,
            "explanation": f.explanation(args.lang),
        }
        for f in analyze(ctx, case_id)
    ]
    # the message detectors (issue 13) under the same thresholds, in the same time order
    rows += [
        {
            "kind": f.kind,
            "severity": f.severity,
            "call_ids": [],
            "message_ids": list(f.message_ids),
            "start_utc": f.start_utc,
            "end_utc": f.end_utc,
            "explanation": f.explanation(args.lang),
        }
        for f in message_findings(ctx, case_id)
    ]
    rows.sort(key=lambda row: (row["start_utc"], row["kind"]))
    return {"findings": rows}
