"""`casebook admin init` (roles, policies, functions on the office server) and
`casebook admin user add|set|list`. Run as the server's administrator; every change is audited."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.services.core.context import ServiceContext


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    admin = sub.add_parser("admin", help="office server: roles, users", parents=[common])
    admin_sub = admin.add_subparsers(dest="admin_command", required=True)
    init = admin_sub.add_parser(
        "init",
        help="create roles, row-level security policies and functions (again after upgrades)",
        parents=[common],
    )
    init.set_defaults(handler=_init)

    user = admin_sub.add_parser("user", help="accounts of the office", parents=[common])
    user_sub = user.add_subparsers(dest="user_command", required=True)
    add = user_sub.add_parser("add", help="add a user (a PostgreSQL login role)", parents=[common])
    _user_options(add, required_role=True)
    add.set_defaults(handler=_add)
    change = user_sub.add_parser("set", help="change a user", parents=[common])
    _user_options(change, required_role=False)
    change.add_argument("--disable", action="store_true", help="the user can no longer log in")
    change.add_argument("--enable", action="store_true")
    change.set_defaults(handler=_set)
    lst = user_sub.add_parser("list", help="list users", parents=[common])
    lst.set_defaults(handler=_list)


def _user_options(parser: argparse.ArgumentParser, *, required_role: bool) -> None:
    parser.add_argument("login", help="the PostgreSQL role the person logs in as")
    parser.add_argument(
        "--role",
        action="append",
        required=required_role,
        help="investigator|manager|supervisor|auditor|admin (repeat for more than one)",
    )
    parser.add_argument("--region", action="append", help="region code (repeat)")
    parser.add_argument("--courier", action="append", help="courier id a supervisor looks after")
    parser.add_argument("--name", help="full name shown in dossiers and acts")
    parser.add_argument(
        "--password-stdin", action="store_true", help="read the password from the first line"
    )


def _password(args: argparse.Namespace) -> str | None:
    if not args.password_stdin:
        return None
    return sys.stdin.readline().rstrip("\r\n") or None


def _init(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.office import accounts

    root = getattr(args, "evidence_dir", None)
    info = accounts.init_office(ctx, Path(root) if root else None)
    return {
        "roles": info.roles,
        "protected_tables": info.protected_tables,
        "shared_tables": info.shared_tables,
        "masked_tables": info.masked_tables,
        "evidence_store": info.evidence_store,
    }


def _add(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.office import accounts

    info = accounts.add_user(
        ctx,
        args.login,
        args.role or [],
        args.region,
        args.courier,
        _password(args),
        args.name or "",
    )
    return {"user": info}


def _set(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.office import accounts

    active = True if args.enable else False if args.disable else None
    info = accounts.set_user(
        ctx,
        args.login,
        roles=args.role,
        regions=args.region,
        couriers=args.courier,
        password=_password(args),
        full_name=args.name,
        active=active,
    )
    return {"user": info}


def _list(args: argparse.Namespace, ctx: ServiceContext) -> dict[str, Any]:
    from app.services.office import accounts

    return {"users": accounts.list_users(ctx)}
