"""`casebook decision propose|approve|return|show` (two-person decisions) and
`casebook whoami` (the account this connection acts as)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.services.core.context import ServiceContext


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    dec = sub.add_parser("decision", help="propose, approve or return a measure", parents=[common])
    dec_sub = dec.add_subparsers(dest="decision_command", required=True)
    propose = dec_sub.add_parser(
        "propose", help="investigator: findings and a measure", parents=[common]
    )
    propose.add_argument("case")
    propose.add_argument("--measure", required=True)
    propose.add_argument("--findings", required=True)
    propose.add_argument("--expected-version", type=int)
    propose.set_defaults(handler=_propose)
    approve = dec_sub.add_parser("approve", help="manager: approve and close", parents=[common])
    approve.add_argument("case")
    approve.add_argument("--comment", default="")
    approve.add_argument("--expected-version", type=int)
    approve.set_defaults(handler=_approve)
    back = dec_sub.add_parser("return", help="manager: return with a comment", parents=[common])
    back.add_argument("case")
    back.add_argument("--comment", required=True)
    back.add_argument("--expected-version", type=int)
    back.set_defaults(handler=_return)
    show = dec_sub.add_parser("show", help="the decision steps of a case", parents=[common])
    show.add_argument("case")
    show.set_defaults(handler=_show)

    ret = sub.add_parser("retention", help="retention periods and due cases", parents=[common])
    ret_sub = ret.add_subparsers(dest="retention_command", required=True)
    ret_show = ret_sub.add_parser("show", help="periods and closed cases", parents=[common])
    ret_show.add_argument("--due", action="store_true", help="only cases past their period")
    ret_show.set_defaults(handler=_retention_show)
    ret_set = ret_sub.add_parser("set", help="set periods: MEASURE=DAYS ...", parents=[common])
    ret_set.add_argument("periods", nargs="+", metavar="MEASURE=DAYS")
    ret_set.set_defaults(handler=_retention_set)
    ret_move = ret_sub.add_parser(
        "move", help="administrator: move a case's retention end", parents=[common]
    )
    ret_move.add_argument("case", help="case number")
    when = ret_move.add_mutually_exclusive_group(required=True)
    when.add_argument("--until", help="the new end, YYYY-MM-DD")
    when.add_argument("--reset", action="store_true", help="back to the measure's period")
    ret_move.add_argument("--reason", required=True, help="why (a legal hold, a court request)")
    ret_move.set_defaults(handler=_retention_move)

    des = sub.add_parser(
        "destruction", help="destroy personal data past retention", parents=[common]
    )
    des_sub = des.add_subparsers(dest="destruction_command", required=True)
    des_plan = des_sub.add_parser("plan", help="administrator: plan a task", parents=[common])
    des_plan.add_argument("--case", action="append", help="case id or number (default: all due)")
    des_plan.add_argument("--ground", default="")
    des_plan.set_defaults(handler=_destruction_plan)
    for name, helptext, handler in (
        ("confirm", "a second person confirms a planned task", _destruction_confirm),
        ("run", "administrator: carry out a confirmed task", _destruction_run),
    ):
        cmd = des_sub.add_parser(name, help=helptext, parents=[common])
        cmd.add_argument("task", type=int)
        cmd.set_defaults(handler=handler)
    des_act = des_sub.add_parser("act", help="the destruction act as PDF", parents=[common])
    des_act.add_argument("task", type=int)
    des_act.add_argument("--out", required=True)
    des_act.add_argument("--lang", choices=["ru", "en"], default="ru")
    des_act.add_argument("--operator", default="", help="the operator's name and address")
    des_act.set_defaults(handler=_destruction_act)
    des_list = des_sub.add_parser("list", help="destruction tasks", parents=[common])
    des_list.set_defaults(handler=_destruction_list)

    who = sub.add_parser("whoami", help="the account this connection acts as", parents=[common])
    who.set_defaults(handler=_whoami)


def _case_id(ctx: ServiceContext, ref: str) -> int:
    from app.services.core.cases import resolve_case

    return resolve_case(ctx, ref)


def _propose(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.office import decisions

    state = decisions.propose(
        ctx, _case_id(ctx, args.case), args.measure, args.findings, args.expected_version
    )
    return {"decision": state}


def _approve(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.office import decisions

    state = decisions.approve(ctx, _case_id(ctx, args.case), args.comment, args.expected_version)
    return {"decision": state}


def _return(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.office import decisions

    state = decisions.return_for_work(
        ctx, _case_id(ctx, args.case), args.comment, args.expected_version
    )
    return {"decision": state}


def _show(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.office import decisions

    return {"decision": decisions.decision_state(ctx, _case_id(ctx, args.case))}


def _whoami(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    identity = ctx.identity
    return {
        "actor": ctx.actor,
        "office": identity is not None,
        "roles": sorted(r.value for r in identity.roles) if identity else [],
        "regions": sorted(identity.regions) if identity else [],
        "couriers": sorted(identity.couriers) if identity else [],
        "evidence_dir": str(ctx.evidence.root),
    }


def _retention_show(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.office import retention

    return {
        "periods_days": retention.retention_periods(ctx),
        "cases": retention.retention_list(ctx, due_only=args.due),
    }


def _retention_set(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.domain.errors import ValidationError
    from app.services.office import retention

    changes: dict[str, int] = {}
    for item in args.periods:
        key, sep, value = item.partition("=")
        if not sep or not value.strip().isdigit():
            raise ValidationError(f"{item!r}: write MEASURE=DAYS, e.g. warning=1095")
        changes[key.strip()] = int(value)
    return {"periods_days": retention.set_retention_periods(ctx, changes)}


def _retention_move(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from datetime import date

    from app.domain.errors import ValidationError
    from app.services.office import retention

    until = None
    if args.until:
        try:
            until = date.fromisoformat(args.until)
        except ValueError:
            raise ValidationError(f"--until {args.until!r}: write YYYY-MM-DD") from None
    return {"case": retention.move_due_date(ctx, args.case, until, args.reason)}


def _destruction_plan(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.office import destruction

    ids = [_case_id(ctx, ref) for ref in args.case] if args.case else None
    return {"task": destruction.plan(ctx, ids, args.ground)}


def _destruction_confirm(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.office import destruction

    return {"task": destruction.confirm(ctx, args.task)}


def _destruction_run(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.office import destruction

    return {"task": destruction.execute(ctx, args.task)}


def _destruction_act(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from pathlib import Path

    from app.services.office import destruction

    out = destruction.write_act(ctx, args.task, Path(args.out), args.lang, args.operator)
    return {"act": str(out)}


def _destruction_list(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.office import destruction

    return {"tasks": destruction.list_tasks(ctx)}
