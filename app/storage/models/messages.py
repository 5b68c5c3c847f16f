"""Tables of the messages feature (issue 13): import batches of chat exports, messages with
their abuse flags and party links, and attachments stored as evidence."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.storage.models.base import Base, UTCDateTime
from app.storage.models.cases import case_fk


class MessageBatchRow(Base):
    """One imported export (file, zip or folder); the same container (sha256) once per case.
    `evidence_ids` lists every stored file of the export (the container first)."""

    __tablename__ = "message_batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(case_fk(), index=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(String(64))
    original_name: Mapped[str] = mapped_column(String(500))
    format: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(500), default="")
    owner: Mapped[str | None] = mapped_column(String(200), nullable=True)
    owner_number: Mapped[str | None] = mapped_column(String(64), nullable=True)
    tz: Mapped[str | None] = mapped_column(String(64), nullable=True)
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    evidence_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    imported: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    flagged: Mapped[int] = mapped_column(Integer, default=0)
    rejections: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [[line, reason, detail]]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(200))

    __table_args__ = (UniqueConstraint("case_id", "sha256"),)


class MessageRow(Base):
    """One message. `dedupe_key` (sender, second, text, occurrence) is unique per case, so
    overlapping exports do not double messages. `text_folded` is the text lower-cased with
    `ё` as `е` for Cyrillic case-insensitive search on both databases. `flags` holds
    `[[category, word, start, end], ...]`."""

    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(case_fk())
    batch_id: Mapped[int] = mapped_column(ForeignKey("message_batches.id", ondelete="CASCADE"))
    line: Mapped[int] = mapped_column(Integer)
    sent_utc: Mapped[datetime] = mapped_column(UTCDateTime())
    sender: Mapped[str] = mapped_column(String(200))
    sender_number: Mapped[str | None] = mapped_column(String(64), nullable=True)
    direction: Mapped[str | None] = mapped_column(String(8), nullable=True)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    text_folded: Mapped[str] = mapped_column(Text)
    chat: Mapped[str] = mapped_column(String(500), default="")
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    reply_to: Mapped[str | None] = mapped_column(String(64), nullable=True)
    external_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    from_screenshot: Mapped[bool] = mapped_column(Boolean, default=False)
    screenshot_id: Mapped[int | None] = mapped_column(
        ForeignKey("evidence.id", ondelete="SET NULL"), nullable=True
    )
    region: Mapped[list[int] | None] = mapped_column(JSON, nullable=True)
    flags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    party_id: Mapped[int | None] = mapped_column(
        ForeignKey("parties.id", ondelete="SET NULL"), nullable=True
    )
    in_dossier: Mapped[bool] = mapped_column(Boolean, default=False)
    dedupe_key: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (
        UniqueConstraint("case_id", "dedupe_key"),
        Index("ix_messages_case_sent", "case_id", "sent_utc"),
        Index("ix_messages_case_sender_number", "case_id", "sender_number"),
        Index("ix_messages_batch_line", "batch_id", "line"),
    )


class MessageAttachmentRow(Base):
    """A file a message carries; `evidence_id` when the export held the file itself."""

    __tablename__ = "message_attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[int] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), index=True
    )
    evidence_id: Mapped[int | None] = mapped_column(
        ForeignKey("evidence.id", ondelete="SET NULL"), nullable=True
    )
    name: Mapped[str] = mapped_column(String(500))
    path: Mapped[str] = mapped_column(String(1000), default="")
    mime: Mapped[str] = mapped_column(String(200), default="")
