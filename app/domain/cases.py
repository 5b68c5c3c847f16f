"""Case vocabulary and rules: statuses and workflow, measures, roles, categories, numbering."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from app.domain.errors import ValidationError


class CaseStatus(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    AWAITING_DECISION = "awaiting_decision"
    CLOSED = "closed"


# new → in progress → awaiting decision → closed; a case can go back one step for more work,
# and a closed case can be reopened (the audit log keeps the history).
TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.NEW: frozenset({CaseStatus.IN_PROGRESS}),
    CaseStatus.IN_PROGRESS: frozenset({CaseStatus.AWAITING_DECISION}),
    CaseStatus.AWAITING_DECISION: frozenset({CaseStatus.CLOSED, CaseStatus.IN_PROGRESS}),
    CaseStatus.CLOSED: frozenset({CaseStatus.IN_PROGRESS}),
}


class Measure(StrEnum):
    NO_VIOLATION = "no_violation"
    WARNING = "warning"
    SUSPENSION = "suspension"
    BLACKLIST = "blacklist"  # across all services of the company
    TERMINATION = "termination"
    POLICE_REFERRAL = "police_referral"


class PartyRole(StrEnum):
    COMPLAINANT = "complainant"
    SUBJECT = "subject"  # the courier the complaint is about
    SUPERVISOR = "supervisor"
    WITNESS = "witness"


class Category(StrEnum):
    HARASSMENT = "harassment"  # private messages, insults
    DOOR_VISIT = "door_visit"  # aggression at the customer's door
    REPEATED_CALLS = "repeated_calls"  # calls from many numbers
    DATA_MISUSE = "data_misuse"  # other use of personal data from an order
    OTHER = "other"


class ComplaintSource(StrEnum):
    SUPPORT_TICKET = "support_ticket"
    OFFICIAL_INQUIRY = "official_inquiry"
    POLICE_REQUEST = "police_request"
    OTHER = "other"


class OrderEventKind(StrEnum):
    ASSIGNED = "assigned"
    PICKED_UP = "picked_up"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


E = TypeVar("E", bound=StrEnum)


def parse_enum(enum: type[E], value: str, field: str) -> E:
    """The member of `enum` named by `value`, or a ValidationError listing the allowed ones."""
    try:
        return enum(value)
    except ValueError as exc:
        allowed = ", ".join(m.value for m in enum)
        raise ValidationError(f"{field}: {value!r} is not one of {allowed}", field=field) from exc


def check_transition(current: CaseStatus, target: CaseStatus, measure: Measure | None) -> None:
    """Raise unless the workflow allows `current → target`; closing needs a decided measure."""
    if target == current:
        return
    if target not in TRANSITIONS[current]:
        raise ValidationError(
            f"status cannot go from {current.value} to {target.value}", field="status"
        )
    if target == CaseStatus.CLOSED and measure is None:
        raise ValidationError("a case is closed only with a decided measure", field="measure")


def case_number(region: str, year: int, seq: int) -> str:
    """Human case number, unique per region and year: `MSK-2025-0007`."""
    return f"{region}-{year}-{seq:04d}"


def normalize_region(region: str) -> str:
    code = region.strip().upper()
    if not code or any(ch.isspace() for ch in code) or "-" in code or len(code) > 16:
        raise ValidationError(
            f"region code {region!r} must be one short word without spaces or dashes",
            field="region",
        )
    return code
