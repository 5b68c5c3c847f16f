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
