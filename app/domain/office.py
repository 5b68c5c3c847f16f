"""The regional office: roles, who may do what with a case, retention periods per outcome.

The PostgreSQL server enforces the same rules with row-level security; these functions let the
application say "not allowed" clearly before it asks, and keep a single workstation (no
accounts) working as before."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from app.domain.cases import Measure
from app.domain.errors import NotAllowed, ValidationError


class Role(StrEnum):
    INVESTIGATOR = "investigator"  # security service: works the cases of their regions
    MANAGER = "manager"  # regional manager: reads the regions' cases, decides the measure
    SUPERVISOR = "supervisor"  # reads the cases of their couriers, adds statements
    AUDITOR = "auditor"  # reads everything and the audit log, changes nothing
    ADMIN = "admin"  # users, regions, settings; no personal data unless also an investigator


class Action(StrEnum):
    WORK = "work"  # create and edit case data
    DECIDE = "decide"  # approve or return a proposed measure
    ADD_STATEMENT = "add_statement"
    ADMINISTER = "administer"  # accounts, settings, destruction tasks
    CONFIRM_DESTRUCTION = "confirm_destruction"


class DecisionStep(StrEnum):
    PROPOSE = "propose"
    APPROVE = "approve"
    RETURN = "return"


@dataclass(frozen=True)
class Identity:
    """Who is connected to an office server, as the server's account tables say."""

    login: str
    roles: frozenset[Role]
    regions: frozenset[str] = field(default_factory=frozenset)
    couriers: frozenset[str] = field(default_factory=frozenset)
    full_name: str = ""

    @property
    def label(self) -> str:
        roles = ", ".join(sorted(r.value for r in self.roles)) or "no role"
        return f"{self.login} ({roles})"


def parse_roles(values: list[str]) -> list[Role]:
    roles = []
    for value in values:
        try:
            roles.append(Role(value.strip().lower()))
        except ValueError as exc:
            allowed = "|".join(r.value for r in Role)
            raise ValidationError(f"role {value!r} is not one of {allowed}", field="role") from exc
    return roles


def allowed(identity: Identity | None, action: Action, region: str | None = None) -> bool:
    """True when `identity` may do `action` on a case of `region` (None: any case)."""
    if identity is None:  # a single workstation: one person, every step
        return True
    in_region = region is None or region in identity.regions
    roles = identity.roles
    if action == Action.WORK:
        return Role.INVESTIGATOR in roles and in_region
    if action == Action.DECIDE:
        return Role.MANAGER in roles and in_region
    if action == Action.ADD_STATEMENT:
        return (Role.INVESTIGATOR in roles and in_region) or Role.SUPERVISOR in roles
    if action == Action.ADMINISTER:
        return Role.ADMIN in roles
    if action == Action.CONFIRM_DESTRUCTION:
        return bool({Role.ADMIN, Role.MANAGER} & roles)
    return False


def require(
    identity: Identity | None, action: Action, region: str | None = None, what: str = ""
) -> None:
    """NotAllowed naming the role when `identity` may not do `action`."""
    if allowed(identity, action, region):
        return
    assert identity is not None
    place = f" in region {region}" if region else ""
    doing = what or action.value.replace("_", " ")
    raise NotAllowed(f"not allowed for {identity.label}: {doing}{place}")


# Retention after the decision, per measure, in days. The reasons are in the README: the
# limitation periods within which the decision can be disputed or evidence requested.
DEFAULT_RETENTION_DAYS: dict[str, int] = {
    Measure.NO_VIOLATION.value: 365,  # labour dispute over a check: 1 year (Labour Code art. 392)
    Measure.WARNING.value: 3 * 365,  # civil claims: 3 years (Civil Code art. 196)
    Measure.SUSPENSION.value: 3 * 365,
    Measure.TERMINATION.value: 3 * 365,
    Measure.BLACKLIST.value: 5 * 365,  # the listing is reviewed; the grounds must stay provable
    Measure.POLICE_REFERRAL.value: 5 * 365,  # criminal limitation for minor offences: 2–6 years
}


def retention_days(periods: dict[str, int], measure: str | None) -> int | None:
    """Days a closed case is kept after its decision; None when it is not closed with a measure."""
    if not measure:
        return None
    return int(periods.get(measure, DEFAULT_RETENTION_DAYS.get(measure, 5 * 365)))


def retention_ends(
    periods: dict[str, int], status: str, measure: str | None, decided_at: datetime | None
) -> datetime | None:
    """When the personal data of a case is due for destruction (closed cases only)."""
    days = retention_days(periods, measure)
    if status != "closed" or days is None or decided_at is None:
        return None
    return decided_at + timedelta(days=days)


def check_periods(periods: dict[str, int]) -> dict[str, int]:
    clean = {}
    for key, value in periods.items():
        if key not in DEFAULT_RETENTION_DAYS:
            allowed_keys = ", ".join(DEFAULT_RETENTION_DAYS)
            raise ValidationError(f"{key!r} is not a measure ({allowed_keys})", field="retention")
        days = int(value)
        if not 30 <= days <= 36500:
            raise ValidationError(f"{key}: {days} days is outside 30–36500", field="retention")
        clean[key] = days
    return clean
