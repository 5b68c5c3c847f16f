"""Office tables: office-wide settings, accounts and their scopes (roles, regions, couriers),
the two-person decisions on a case's measure, and destruction tasks with their acts.

Accounts name PostgreSQL login roles; the database's row-level security policies read the
scopes, so what a person may see and change is decided by the server, not by the client."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.storage.models.base import Base, UTCDateTime


class OfficeSettingRow(Base):
    """One office-wide value (evidence store identity and root, retention periods...)."""

    __tablename__ = "office_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(String(200))


class OfficeAccountRow(Base):
    """A person: `login` is their PostgreSQL role."""

    __tablename__ = "office_accounts"

    login: Mapped[str] = mapped_column(String(63), primary_key=True)
    full_name: Mapped[str] = mapped_column(String(300), default="")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(200))


class OfficeScopeRow(Base):
    """What an account is: kind `role` (investigator, manager, ...), `region` (a region code)
    or `courier` (a courier id, for supervisors)."""

    __tablename__ = "office_account_scopes"

    login: Mapped[str] = mapped_column(
        ForeignKey("office_accounts.login", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[str] = mapped_column(String(64), primary_key=True)


class CaseDecisionRow(Base):
    """One step of the decision on a case: `propose` (investigator: findings and measure),
    `approve` or `return` (regional manager, with a comment). Rows are only ever added."""

    __tablename__ = "case_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    step: Mapped[str] = mapped_column(String(16))
    measure: Mapped[str] = mapped_column(String(32))
    findings: Mapped[str] = mapped_column(Text, default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    proposal_id: Mapped[int | None] = mapped_column(
        ForeignKey("case_decisions.id", ondelete="CASCADE"), nullable=True
    )
    actor: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class DestructionTaskRow(Base):
    """Destruction of the personal data of cases whose retention period ended: planned by an
    administrator, confirmed by a second person, then carried out; `act` keeps what the act
    PDF prints (case numbers, categories of data, blobs erased) after the cases are gone."""

    __tablename__ = "destruction_tasks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    status: Mapped[str] = mapped_column(String(16))  # planned | confirmed | done
    case_ids: Mapped[list[int]] = mapped_column(JSON)
    ground: Mapped[str] = mapped_column(Text)
    planned_by: Mapped[str] = mapped_column(String(200))
    planned_at: Mapped[datetime] = mapped_column(UTCDateTime())
    confirmed_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    act: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class OfficeChangeRow(Base):
    """One change to a case's data on an office server, written by the notification trigger
    (one row per case and statement). The notification itself carries only `seq`; a listener
    reads the rows after the last one it saw, and row-level security shows it only the changes
    of cases it may read, with who made them."""

    __tablename__ = "office_changes"

    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    case_id: Mapped[int] = mapped_column(Integer)
    table_name: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class CasePresenceRow(Base):
    """Someone has a case open for editing: a lease renewed by a heartbeat (`seen_at`) and
    ended when the editor closes; a lease not renewed for a while has expired (a crashed
    workstation holds nothing)."""

    __tablename__ = "case_presence"
    __table_args__ = (UniqueConstraint("case_id", "login"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    login: Mapped[str] = mapped_column(String(200))
    what: Mapped[str] = mapped_column(String(64), default="")
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
