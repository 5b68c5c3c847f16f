"""Editing leases: while someone edits a case (an unsaved form, an open record dialog) their
workstation holds a lease on it, renewed by a heartbeat; the others' open case names them.
A lease not renewed within `LEASE` has expired, so a crashed workstation holds nothing.
Only on an office server (row-level security: a lease is seen by those who read the case and
written only by its holder); a workstation has no one else to warn."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app.services.core.context import ServiceContext
from app.storage.repositories import office as repo

HEARTBEAT = timedelta(seconds=20)
LEASE = timedelta(seconds=60)  # three heartbeats missed


@dataclass(frozen=True)
class EditorInfo:
    login: str
    what: str  # what they have open: "case" or a dialog's title
    seen_at: datetime


def hold(ctx: ServiceContext, case_id: int, what: str) -> None:
    """Start or renew this person's lease on the case."""
    if ctx.identity is None:
        return
    with ctx.transaction() as session:
        repo.hold_presence(session, case_id, ctx.actor, what)


def release(ctx: ServiceContext, case_id: int) -> None:
    if ctx.identity is None:
        return
    with ctx.transaction() as session:
        repo.release_presence(session, case_id, ctx.actor)


def editing_elsewhere(ctx: ServiceContext, case_id: int) -> list[EditorInfo]:
    """The others editing the case now (live leases), oldest first."""
    if ctx.identity is None:
        return []
    with ctx.session() as session:
        rows = repo.presence(session, case_id, ctx.actor, LEASE)
    return [EditorInfo(*row) for row in rows]
