"""`casebook case new|list|show`, `casebook party add`, `casebook blacklist add|list`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from app.cli.common import fail
from app.domain import timeutil

if TYPE_CHECKING:
    from app.services.core.context import ServiceContext


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    case = sub.add_parser("case", help="open, list and show cases", parents=[common])
    case_sub = case.add_subparsers(dest="case_command", required=True)

    new = case_sub.add_parser("new", help="open a case", parents=[common])
    new.add_argument("--title", required=True)
    new.add_argument("--region", required=True, help="short region code, e.g. MSK")
    new.add_argument("--tz", required=True, help="IANA time zone, e.g. Europe/Moscow")
    new.add_argument("--category", default="other")
    new.add_argument("--source", default="other", help="where the complaint came from")
    new.add_argument("--received", help="ISO 8601; a time without zone is read in --tz")
    new.add_argument("--number", help="use this case number instead of the next free one")
    new.add_argument("--summary", default="")
    new.set_defaults(handler=_case_new)

    lst = case_sub.add_parser("list", help="list and search cases", parents=[common])
    lst.add_argument("--search", default="")
    lst.add_argument("--status")
    lst.add_argument("--region")
    lst.add_argument("--category")
    lst.add_argument("--limit", type=int, default=200)
    lst.add_argument(
        "--after", metavar="CASE", help="the next page: cases after this one (id or number)"
    )
    lst.set_defaults(handler=_case_list)

    show = case_sub.add_parser("show", help="a case with its parties (masked)", parents=[common])
    show.add_argument("case", help="case id or number")
    show.set_defaults(handler=_case_show)

    party = sub.add_parser("party", help="parties of a case", parents=[common])
    party_sub = party.add_subparsers(dest="party_command", required=True)
    add = party_sub.add_parser("add", help="add a party to a case", parents=[common])
    add.add_argument("case")
    add.add_argument(
        "--role", required=True, choices=["complainant", "subject", "supervisor", "witness"]
    )
    add.add_argument("--name", required=True)
    add.add_argument("--phone", action="append", default=[])
    add.add_argument("--courier-id")
    add.add_argument("--address", default="")
    add.set_defaults(handler=_party_add)

    black = sub.add_parser("blacklist", help="the courier blacklist", parents=[common])
    black_sub = black.add_subparsers(dest="blacklist_command", required=True)
    badd = black_sub.add_parser("add", help="blacklist a courier", parents=[common])
    badd.add_argument("courier_id")
    badd.add_argument("--reason", required=True)
    badd.add_argument("--case")
    badd.set_defaults(handler=_blacklist_add)
    blist = black_sub.add_parser("list", help="blacklisted couriers", parents=[common])
    blist.set_defaults(handler=_blacklist_list)


def _case_new(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.core import cases

    received = timeutil.parse_iso(args.received, args.tz, "received") if args.received else None
    summary = cases.create_case(
        ctx,
        cases.CaseInput(
            title=args.title,
            region=args.region,
            tz=args.tz,
            category=args.category,
            source=args.source,
            received_at=received,
            summary=args.summary,
            number=args.number,
        ),
    )
    return {"id": summary.id, "number": summary.number}


def _case_list(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.core import cases

    page = cases.search_cases(
        ctx,
        text=args.search,
        status=args.status,
        region=args.region,
        category=args.category,
        limit=args.limit,
        after=cases.resolve_case(ctx, args.after) if args.after else None,
    )
    return {
        "total": page.total,
        "cases": [
            {
                "id": c.id,
                "number": c.number,
                "title": c.title,
                "status": c.status,
                "region": c.region,
                "category": c.category,
                "received_at": c.received_at,
            }
            for c in page.rows
        ],
    }


def _case_show(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.core import cases

    return {"case": cases.get_case(ctx, cases.resolve_case(ctx, args.case))}


def _party_add(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.core import cases, parties

    case_id = cases.resolve_case(ctx, args.case)
    result = parties.add_party(
        ctx,
        case_id,
        parties.PartyInput(
            role=args.role,
            name=args.name,
            phones=tuple(args.phone),
            courier_id=args.courier_id,
            address=args.address,
        ),
    )
    out: dict[str, Any] = {"id": result.party.id, "warnings": result.warnings}
    if "blacklisted" in result.warnings:
        fail(f"warning: courier {args.courier_id} is on the blacklist")
    return out


def _blacklist_add(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.core import cases, parties

    case_id = None
    if args.case:
        case_id = cases.resolve_case(ctx, args.case)
    entry = parties.blacklist_add(ctx, args.courier_id, args.reason, case_id)
    return {"id": entry.id, "courier_id": entry.courier_id}


def _blacklist_list(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.core import parties

    return {"blacklist": parties.blacklist_list(ctx)}
