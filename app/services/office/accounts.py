"""Accounts on an office server: `admin init` (roles, policies, functions), users with their
roles, regions and couriers. Every change is audited; passwords are never stored by Casebook
(the server keeps a SCRAM verifier computed on this side)."""

from __future__ import annotations

import re
from pathlib import Path

from app.domain.cases import normalize_region
from app.domain.errors import Duplicate, NotFound, ValidationError
from app.domain.office import Action, Role, parse_roles, require
from app.services.core.context import ServiceContext
from app.services.core.evidence_root import record_store
from app.services.office.dto import AccountInfo, InitInfo
from app.storage import office_server as server
from app.storage.repositories import office as repo

LOGIN = re.compile(r"^[a-z_][a-z0-9_.\-]{0,62}$")


def _require_server(ctx: ServiceContext, *, initialised: bool = True) -> None:
    with ctx.session() as session:
        postgres = repo.is_postgres(session)
        ready = repo.office_initialised(session)
    if not postgres:
        raise ValidationError(
            "accounts and roles need an office server: PostgreSQL "
            "(--db-url postgresql+psycopg://LOGIN@host/db), set up with `casebook admin init`"
        )
    if initialised and not ready:
        raise ValidationError("the server is not set up yet: run `casebook admin init` first")


def init_office(ctx: ServiceContext, evidence_dir: Path | None = None) -> InitInfo:
    """Roles, grants, policies, functions and triggers on the server database (run again after
    every upgrade), and the evidence share recorded for every workstation."""
    _require_server(ctx, initialised=False)
    require(ctx.identity, Action.ADMINISTER, what="set up the server")
    with ctx.transaction() as session:
        report = server.init_server(session.connection())
        ctx.actor = repo.server_user(session)  # from now on the server checks the actor
        ctx.audit(
            session,
            action="init",
            entity="office",
            entity_id="server",
            after={
                "protected_tables": report.case_tables,
                "shared_tables": report.shared_tables,
                "masked_tables": report.masked_tables,
            },
        )
    store = None
    if evidence_dir is not None:
        identity = record_store(ctx, evidence_dir)
        store = {"id": identity.id, "root": identity.root}
    return InitInfo(
        report.roles, report.case_tables, report.shared_tables, report.masked_tables, store
    )


def _clean(
    login: str, roles: list[str] | None, regions: list[str] | None, couriers: list[str] | None
) -> dict[str, list[str]]:
    if not LOGIN.match(login):
        raise ValidationError(
            f"login {login!r}: lower-case letters, digits, _ . - (a PostgreSQL role name)",
            field="login",
        )
    scopes: dict[str, list[str]] = {}
    if roles is not None:
        scopes["role"] = [r.value for r in parse_roles(roles)]
    if regions is not None:
        scopes["region"] = [normalize_region(r) for r in regions]
    if couriers is not None:
        scopes["courier"] = [c.strip() for c in couriers if c.strip()]
    return scopes


def _check_scopes(scopes: dict[str, list[str]]) -> None:
    roles = set(scopes.get("role", []))
    if {Role.INVESTIGATOR.value, Role.MANAGER.value} & roles and not scopes.get("region"):
        raise ValidationError(
            "an investigator or a manager works for regions: give --region", field="region"
        )
    if Role.SUPERVISOR.value in roles and not scopes.get("courier"):
        raise ValidationError("a supervisor looks after couriers: give --courier", field="courier")


def add_user(
    ctx: ServiceContext,
    login: str,
    roles: list[str],
    regions: list[str] | None = None,
    couriers: list[str] | None = None,
    password: str | None = None,
    full_name: str = "",
) -> AccountInfo:
    _require_server(ctx)
    require(ctx.identity, Action.ADMINISTER, what="add users")
    if not roles:
        raise ValidationError("give the user a --role", field="role")
    scopes = _clean(login, roles, regions or [], couriers or [])
    _check_scopes(scopes)
    with ctx.transaction() as session:
        if repo.account(session, login) is not None:
            raise Duplicate(f"user {login} already exists (change it with `admin user set`)")
        conn = session.connection()
        if not server.role_exists(conn, login):
            server.create_login(conn, login, password)
        elif password:
            server.set_password(conn, login, password)
        server.set_groups(conn, login, scopes["role"])
        repo.save_account(session, login, ctx.actor, full_name=full_name, scopes=scopes)
        ctx.audit(
            session,
            action="create",
            entity="account",
            entity_id=login,
            after={"full_name": full_name, **scopes, "password_set": bool(password)},
        )
        facts = repo.account(session, login)
    assert facts is not None
    return _info(facts)


def set_user(
    ctx: ServiceContext,
    login: str,
    *,
    roles: list[str] | None = None,
    regions: list[str] | None = None,
    couriers: list[str] | None = None,
    password: str | None = None,
    full_name: str | None = None,
    active: bool | None = None,
) -> AccountInfo:
    _require_server(ctx)
    require(ctx.identity, Action.ADMINISTER, what="change users")
    scopes = _clean(login, roles, regions, couriers)
    with ctx.transaction() as session:
        before = repo.account(session, login)
        if before is None:
            raise NotFound(f"no user {login}")
        merged = {**before.scopes, **scopes}
        _check_scopes(merged)
        conn = session.connection()
        if "role" in scopes:
            server.set_groups(conn, login, scopes["role"])
        if password:
            server.set_password(conn, login, password)
        if active is not None:
            server.set_login_enabled(conn, login, active)
        repo.save_account(
            session, login, ctx.actor, full_name=full_name, active=active, scopes=scopes
        )
        after = repo.account(session, login)
        assert after is not None
        ctx.audit(
            session,
            action="update",
            entity="account",
            entity_id=login,
            before={"full_name": before.full_name, "active": before.active, **before.scopes},
            after={
                "full_name": after.full_name,
                "active": after.active,
                **after.scopes,
                "password_changed": bool(password),
            },
        )
    return _info(after)


def list_users(ctx: ServiceContext) -> list[AccountInfo]:
    _require_server(ctx)
    with ctx.session() as session:
        return [_info(facts) for facts in repo.accounts(session)]


def _info(facts: repo.AccountFacts) -> AccountInfo:
    return AccountInfo(
        facts.login,
        facts.full_name,
        facts.scopes.get("role", []),
        facts.scopes.get("region", []),
        facts.scopes.get("courier", []),
        facts.active,
        facts.created_at,
        facts.created_by,
    )
