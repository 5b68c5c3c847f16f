"""Foundation tables: cases, parties and their phones, orders and status events, statements,
manual timeline events, the courier blacklist, and the evidence register."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from app.storage.models.base import Base, UTCDateTime


def case_fk() -> ForeignKey:
    """Rows of a case go with it."""
    return ForeignKey("cases.id", ondelete="CASCADE")


class Versioned:
    """Optimistic locking: every UPDATE checks and bumps `version`, so two windows or two
    workstations never silently overwrite each other's edit (StaleDataError → Conflict)."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        table = cls.__table__  # type: ignore[attr-defined]  # set on the mapped subclass
        return {"version_id_col": table.c.version}


class CaseRow(Versioned, Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    region: Mapped[str] = mapped_column(String(16))
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    tz: Mapped[str] = mapped_column(String(64))
    category: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(32))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(32))
    summary: Mapped[str] = mapped_column(Text, default="")
    findings: Mapped[str] = mapped_column(Text, default="")
    measure: Mapped[str | None] = mapped_column(String(32), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    created_by: Mapped[str] = mapped_column(String(200))
    # Lower-cased text of number, title, party names and order numbers, plus phone digits:
    # one LIKE over it answers the search box on SQLite and PostgreSQL alike, Cyrillic included.
    search_text: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        UniqueConstraint("region", "year", "seq"),
        Index("ix_cases_received_at", "received_at"),
        # A filter of the case list walks its index in the list's default order (0013).
        Index("ix_cases_status_received_at", "status", "received_at"),
        Index("ix_cases_region_received_at", "region", "received_at"),
        Index("ix_cases_category_received_at", "category", "received_at"),
    )


class PartyRow(Versioned, Base):
    __tablename__ = "parties"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(case_fk(), index=True)
    role: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(300))
    courier_id: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    supervisor_id: Mapped[int | None] = mapped_column(
        ForeignKey("parties.id", ondelete="SET NULL"), nullable=True
    )
    address: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class PartyPhoneRow(Base):
    __tablename__ = "party_phones"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id", ondelete="CASCADE"), index=True)
    raw: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(String(64), index=True)  # E.164, or raw when not valid
    digits: Mapped[str] = mapped_column(String(64))


class OrderRow(Versioned, Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(case_fk(), index=True)
    number: Mapped[str] = mapped_column(String(64))
    slot_start: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    slot_end: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    courier_party_id: Mapped[int | None] = mapped_column(
        ForeignKey("parties.id", ondelete="SET NULL"), nullable=True
    )
    customer_party_id: Mapped[int | None] = mapped_column(
        ForeignKey("parties.id", ondelete="SET NULL"), nullable=True
    )
    address: Mapped[str] = mapped_column(Text, default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (UniqueConstraint("case_id", "number"),)


class OrderEventRow(Base):
    __tablename__ = "order_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    source: Mapped[str] = mapped_column(String(200), default="")


class EvidenceRow(Base):
    """One stored file. The bytes live in the content-addressed store under `sha256`."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(case_fk(), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(32))
    original_name: Mapped[str] = mapped_column(String(500))
    source: Mapped[str] = mapped_column(String(300), default="")
    provided_by: Mapped[str] = mapped_column(String(300), default="")
    acquired_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    tz: Mapped[str | None] = mapped_column(String(64), nullable=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("evidence.id", ondelete="SET NULL"), nullable=True
    )
    frame_index: Mapped[int | None] = mapped_column(Integer, nullable=True)
    media_time_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(200))


class StatementRow(Versioned, Base):
    __tablename__ = "statements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(case_fk(), index=True)
    party_id: Mapped[int | None] = mapped_column(
        ForeignKey("parties.id", ondelete="SET NULL"), nullable=True
    )
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime())
    taken_by: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    attachment_id: Mapped[int | None] = mapped_column(
        ForeignKey("evidence.id", ondelete="SET NULL"), nullable=True
    )
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class ManualEventRow(Versioned, Base):
    __tablename__ = "manual_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(case_fk(), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    uncertainty_s: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text)
    party_id: Mapped[int | None] = mapped_column(
        ForeignKey("parties.id", ondelete="SET NULL"), nullable=True
    )
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class BlacklistRow(Base):
    __tablename__ = "courier_blacklist"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    courier_id: Mapped[str] = mapped_column(String(64), index=True)
    reason: Mapped[str] = mapped_column(Text)
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="SET NULL"), nullable=True
    )
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())
    added_by: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
