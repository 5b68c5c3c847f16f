"""Who is connected: on an office server the database role (`current_user`) and its account's
roles, regions and couriers; on a workstation nobody in particular (every step allowed)."""

from __future__ import annotations

from typing import Any

from app.domain.office import Identity, Role
from app.storage.repositories import office as repo


def server_identity(sessions: Any) -> tuple[Identity | None, str | None]:
    """(identity, actor) for an office server; (None, None) elsewhere. The schema owner or a
    superuser without an account (who ran `admin init`) acts with no role restrictions in the
    app, as the database lets them; the audit still names them as the server does."""
    with sessions() as session:
        if not repo.office_initialised(session):
            return None, None
        login = repo.server_user(session)
        facts = repo.account(session, login)
        privileged = repo.bypasses_policies(session)
    if facts is None or not facts.active:
        if privileged:
            return None, login
        return Identity(login, frozenset()), login
    roles = frozenset(
        Role(r) for r in facts.scopes.get("role", []) if r in Role.__members__.values()
    )
    return (
        Identity(
            login,
            roles,
            frozenset(facts.scopes.get("region", [])),
            frozenset(facts.scopes.get("courier", [])),
            facts.full_name,
        ),
        login,
    )
