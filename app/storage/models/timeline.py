"""Tables of the timeline feature: which timeline events are marked "in the dossier".

An event is named by its timeline id (`call:12`, `annotation:7`, ...) rather than by a foreign
key, because events come from many tables; a mark whose record disappeared simply matches
nothing. Marks go with their case.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.storage.models.base import Base, UTCDateTime


class DossierMarkRow(Base):
    __tablename__ = "timeline_dossier_marks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(200))

    __table_args__ = (UniqueConstraint("case_id", "event_id"),)
