"""Live office: workstations follow each other's changes through the server's notifications
(the case list, an open case and the audit viewer refresh; a lost connection is reported and
retried). Only on an office server; a workstation has no one else to follow."""

from __future__ import annotations

from collections.abc import Callable

from app.services.core.context import ServiceContext
from app.storage.notifications import Change, ChangeListener
from app.storage.repositories import office as repo

__all__ = ["Change", "ChangeListener", "listener_for"]


def listener_for(
    ctx: ServiceContext,
    on_change: Callable[[Change], None],
    on_state: Callable[[bool, str], None],
) -> ChangeListener | None:
    """A listener (not started) for an office server, None elsewhere."""
    with ctx.session() as session:
        if not repo.office_initialised(session):
            return None
    return ChangeListener(ctx.engine, on_change, on_state)
