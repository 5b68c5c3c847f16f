"""Plain results of the office use cases."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class AccountInfo:
    login: str
    full_name: str
    roles: list[str]
    regions: list[str]
    couriers: list[str]
    active: bool
    created_at: datetime
    created_by: str


@dataclass(frozen=True)
class InitInfo:
    roles: list[str]
    protected_tables: list[str]
    shared_tables: list[str]
    masked_tables: list[str]
    evidence_store: dict[str, str] | None


@dataclass(frozen=True)
class DecisionStepInfo:
    id: int
    step: str  # propose | approve | return
    measure: str
    findings: str
    comment: str
    actor: str
    at: datetime


@dataclass(frozen=True)
class DecisionState:
    case_id: int
    status: str  # none | proposed | approved | returned
    steps: list[DecisionStepInfo] = field(default_factory=list)


@dataclass(frozen=True)
class RetentionItem:
    case_id: int
    number: str
    region: str
    measure: str
    decided_at: datetime
    ends_at: datetime
    due: bool
    moved_reason: str = ""  # why the end was moved from its measure's period


@dataclass(frozen=True)
class DestructionTaskInfo:
    id: int
    number: str
    status: str  # planned | confirmed | done
    cases: list[str]
    ground: str
    planned_by: str
    planned_at: datetime
    confirmed_by: str | None
    confirmed_at: datetime | None
    done_at: datetime | None
    act: dict[str, object]
