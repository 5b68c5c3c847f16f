"""Retention periods per outcome (office-wide, in the database) and the cases whose period
has ended. Periods count from the decision; an open case is never due."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from app.domain import timeutil
from app.domain.errors import NotFound, ValidationError
from app.domain.office import DEFAULT_RETENTION_DAYS, Action, check_periods, require, retention_ends
from app.services.core.context import ServiceContext
from app.services.office.dto import RetentionItem
from app.storage.repositories import office as repo

SETTING_KEY = "retention_days"
MOVES_KEY = "retention_moves"  # {case id: {"until", "reason", "by", "at"}}


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


def _moves(ctx: ServiceContext) -> dict[str, dict[str, str]]:
    with ctx.session() as session:
        stored = repo.get_setting(session, MOVES_KEY)
    return dict(stored) if isinstance(stored, dict) else {}


def retention_list(
    ctx: ServiceContext, now: datetime | None = None, due_only: bool = False
) -> list[RetentionItem]:
    """Closed cases with the end of their retention (a moved end where one was set), earliest
    first."""
    moment = now or timeutil.now_utc()
    periods = retention_periods(ctx)
    moves = _moves(ctx)
    with ctx.session() as session:
        facts = repo.retention_facts(session)
    items = []
    for fact in facts:
        ends = retention_ends(periods, fact.status, fact.measure, fact.decided_at)
        if ends is None or fact.decided_at is None or fact.measure is None:
            continue
        moved = moves.get(str(fact.id))
        if moved:
            ends = timeutil.parse_iso(moved["until"])
        item = RetentionItem(
            fact.id,
            fact.number,
            fact.region,
            fact.measure,
            fact.decided_at,
            ends,
            ends <= moment,
            moved["reason"] if moved else "",
        )
        if item.due or not due_only:
            items.append(item)
    return sorted(items, key=lambda i: (i.ends_at, i.number))


def move_due_date(
    ctx: ServiceContext, number: str, until: date | None, reason: str
) -> RetentionItem:
    """Move the end of a closed case's retention (a legal hold, a court asking to keep it;
    or back when the reason is gone: `until` None returns to the period of its measure).
    Administrator; needs a reason; audited with the old and the new date."""
    require(ctx.identity, Action.ADMINISTER, what="move a retention date")
    if len(reason.strip()) < 3:
        raise ValidationError("say why the date is moved", field="reason")
    found = [i for i in retention_list(ctx) if i.number == number.strip()]
    if not found:
        raise NotFound(f"no closed case {number!r} with a retention period")
    item = found[0]
    moves = _moves(ctx)
    key = str(item.case_id)
    if until is None:
        moves.pop(key, None)
        new_end = None
    else:
        new_end = datetime.combine(until, time(0, 0), tzinfo=UTC)
        if not timeutil.plausible(new_end):
            raise ValidationError(f"{until}: a date before 2100 is expected", field="until")
        if new_end <= item.decided_at:
            raise ValidationError("the new date is before the decision", field="until")
        moves[key] = {
            "until": str(timeutil.iso_utc(new_end)),
            "reason": reason.strip(),
            "by": ctx.actor,
            "at": str(timeutil.iso_utc(timeutil.now_utc())),
        }
    with ctx.transaction() as session:
        repo.put_setting(session, MOVES_KEY, moves, ctx.actor)
        ctx.audit(
            session,
            action="update",
            entity="retention",
            entity_id=item.case_id,
            case_id=item.case_id,
            before={"ends_at": timeutil.iso_utc(item.ends_at)},
            after={
                "ends_at": timeutil.iso_utc(new_end) if new_end else None,
                "reason": reason.strip(),
            },
        )
    return next(i for i in retention_list(ctx) if i.case_id == item.case_id)
