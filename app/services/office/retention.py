"""Retention periods per outcome (office-wide, in the database) and the cases whose period
has ended. Periods count from the decision; an open case is never due."""

from __future__ import annotations

from datetime import datetime

from app.domain import timeutil
from app.domain.office import DEFAULT_RETENTION_DAYS, Action, check_periods, require, retention_ends
from app.services.core.context import ServiceContext
from app.services.office.dto import RetentionItem
from app.storage.repositories import office as repo

SETTING_KEY = "retention_days"


def retention_periods(ctx: ServiceContext) -> dict[str, int]:
    """Days kept after the decision, per measure: the office's settings over the defaults."""
    with ctx.session() as session:
        stored = repo.get_setting(session, SETTING_KEY)
    periods = dict(DEFAULT_RETENTION_DAYS)
    if isinstance(stored, dict):
        periods.update({k: int(v) for k, v in stored.items() if k in periods})
    return periods


def set_retention_periods(ctx: ServiceContext, changes: dict[str, int]) -> dict[str, int]:
    require(ctx.identity, Action.ADMINISTER, what="change retention periods")
    clean = check_periods(changes)
    periods = {**retention_periods(ctx), **clean}
    with ctx.transaction() as session:
        before = repo.put_setting(session, SETTING_KEY, periods, ctx.actor)
        ctx.audit(
            session,
            action="update",
            entity="office_setting",
            entity_id=SETTING_KEY,
            before={"value": before},
            after={"value": periods},
        )
    return periods


def retention_list(
    ctx: ServiceContext, now: datetime | None = None, due_only: bool = False
) -> list[RetentionItem]:
    """Closed cases with the end of their retention, earliest first."""
    moment = now or timeutil.now_utc()
    periods = retention_periods(ctx)
    with ctx.session() as session:
        facts = repo.retention_facts(session)
    items = []
    for fact in facts:
        ends = retention_ends(periods, fact.status, fact.measure, fact.decided_at)
        if ends is None or fact.decided_at is None or fact.measure is None:
            continue
        item = RetentionItem(
            fact.id, fact.number, fact.region, fact.measure, fact.decided_at, ends, ends <= moment
        )
        if item.due or not due_only:
            items.append(item)
    return sorted(items, key=lambda i: (i.ends_at, i.number))
