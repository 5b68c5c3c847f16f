"""Tables of the calls feature: import batches, calls, the case's distinct numbers (for
digit search and summaries), the per-case detector thresholds and the kept analysis.
Orders, parties and their phones (party-number links) are the foundation's tables."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.calls.records import from_epoch_us
from app.storage.models.base import Base, UTCDateTime
from app.storage.models.cases import case_fk


class CallBatchRow(Base):
    """One imported file. The same file (sha256) is imported into a case once."""

    __tablename__ = "call_batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(case_fk(), index=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(String(64))
    original_name: Mapped[str] = mapped_column(String(500))
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    tz: Mapped[str | None] = mapped_column(String(64), nullable=True)
    imported: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    # [[line, reason, detail], ...], capped: the count above is the truth
    rejections: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(200))

    __table_args__ = (UniqueConstraint("case_id", "sha256"),)


class CallRow(Base):
    """One call. `dedupe_key` (a 64-bit hash of start, parties, virtual number, duration) is
    unique per case, so overlapping exports do not double calls."""

    __tablename__ = "calls"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(case_fk())
    batch_id: Mapped[int] = mapped_column(ForeignKey("call_batches.id", ondelete="CASCADE"))
    line: Mapped[int] = mapped_column(Integer)
    start_utc: Mapped[datetime] = mapped_column(UTCDateTime())
    duration_s: Mapped[int] = mapped_column(Integer)
    caller: Mapped[str] = mapped_column(String())  # E.164, or as written
    caller_raw: Mapped[str] = mapped_column(String())
    callee: Mapped[str] = mapped_column(String())
    callee_raw: Mapped[str] = mapped_column(String())
    virtual: Mapped[str | None] = mapped_column(String(), nullable=True)
    virtual_raw: Mapped[str] = mapped_column(String(), default="")
    direction: Mapped[str | None] = mapped_column(String(16), nullable=True)
    status: Mapped[str] = mapped_column(String(16))
    order_number: Mapped[str | None] = mapped_column(String(), nullable=True)
    call_id: Mapped[str | None] = mapped_column(String(), nullable=True)
    dedupe_key: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (
        UniqueConstraint("case_id", "dedupe_key"),
        Index("ix_calls_case_start", "case_id", "start_utc"),
        Index("ix_calls_case_caller_callee_start", "case_id", "caller", "callee", "start_utc"),
        Index("ix_calls_case_callee_start", "case_id", "callee", "start_utc"),
        Index("ix_calls_case_virtual", "case_id", "virtual"),
        Index("ix_calls_batch_line", "batch_id", "line"),
    )


class CallNumberRow(Base):
    """A distinct number seen in a case's calls; `digits` answers "any run of digits"."""

    __tablename__ = "call_numbers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(case_fk())
    value: Mapped[str] = mapped_column(String())
    digits: Mapped[str] = mapped_column(String())

    __table_args__ = (UniqueConstraint("case_id", "value"),)


class CallSettingsRow(Base):
    """Detector thresholds of one case (`Thresholds.to_dict()`)."""

    __tablename__ = "call_settings"

    case_id: Mapped[int] = mapped_column(case_fk(), primary_key=True)
    thresholds: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CallAnalysisRow(Base):
    """The kept result of a case's analysis (`services.calls.analysis`): the findings as codes,
    call ids, times and parameters (masked numbers only; the sentences are worded on read),
    and the fingerprint of what they were computed from (calls, zone, thresholds, parties'
    phones, orders, detector version). Any reader of the case may reuse it while the
    fingerprint holds."""

    __tablename__ = "call_analyses"

    case_id: Mapped[int] = mapped_column(case_fk(), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    findings: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime())


# The `calls` table as bulk imports write it: the same columns with driver-native types, so
# a million-row executemany pays no per-value type processing. `start_utc` then takes what
# `UTCDateTime` would have produced: naive UTC text on SQLite (`bulk_instants`), an aware
# datetime on PostgreSQL. A test keeps the column lists of both views equal.
CALLS_BULK = Table(
    "calls",
    MetaData(),
    Column("case_id", Integer),
    Column("batch_id", Integer),
    Column("line", Integer),
    Column("start_utc", String().with_variant(DateTime(timezone=True), "postgresql")),
    Column("duration_s", Integer),
    Column("caller", String),
    Column("caller_raw", String),
    Column("callee", String),
    Column("callee_raw", String),
    Column("virtual", String),
    Column("virtual_raw", String),
    Column("direction", String),
    Column("status", String),
    Column("order_number", String),
    Column("call_id", String),
    Column("dedupe_key", BigInteger),
)


_NAIVE_EPOCH = datetime(1970, 1, 1)
_MINUTE_US, _SECOND_US = 60_000_000, 1_000_000
_WHOLE_SECONDS = [f"{s:02d}.000000" for s in range(60)]


def bulk_instants(values_us: list[int], dialect: str) -> list[str] | list[datetime]:
    """`start_utc` for `CALLS_BULK` of instants given in microseconds since the Unix epoch
    (UTC): on SQLite the naive UTC text `UTCDateTime` writes (`2025-09-01 05:00:01.000000`;
    each minute's text made once), aware datetimes elsewhere."""
    if dialect != "sqlite":
        return [from_epoch_us(v) for v in values_us]
    minutes = [v // _MINUTE_US for v in values_us]
    heads = {
        m: (_NAIVE_EPOCH + timedelta(minutes=m)).isoformat(" ", "microseconds")[:17]
        for m in set(minutes)
    }  # `YYYY-MM-DD HH:MM:`
    return [
        heads[m] + _WHOLE_SECONDS[v // _SECOND_US % 60]
        if v % _SECOND_US == 0
        else (_NAIVE_EPOCH + timedelta(microseconds=v)).isoformat(" ", "microseconds")
        for m, v in zip(minutes, values_us, strict=True)
    ]
