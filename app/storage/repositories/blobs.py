"""Which stored blobs the database still refers to (every `sha256` / `*_sha256` column of
every table), for the evidence store's sweep of orphans."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.storage.models.base import Base

CHUNK = 500


def referenced(session: Session, shas: set[str]) -> set[str]:
    """Those of `shas` that some row refers to."""
    wanted = sorted(shas)
    found: set[str] = set()
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if column.name != "sha256" and not column.name.endswith("_sha256"):
                continue
            for start in range(0, len(wanted), CHUNK):
                chunk = wanted[start : start + CHUNK]
                found.update(
                    str(v) for v in session.scalars(select(column).where(column.in_(chunk)))
                )
    return found
