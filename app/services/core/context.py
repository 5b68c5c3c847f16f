"""ServiceContext: what every use case needs — sessions, the actor, the evidence store, audit."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.office import Identity
from app.services.core import lanes
from app.settings import Settings
from app.storage import audit
from app.storage.evidence_store import EvidenceStore
from app.storage.session import Engine, Session, SessionFactory, read_unit, write_unit


@dataclass
class ServiceContext:
    engine: Engine
    sessions: SessionFactory
    data_dir: Path
    config_dir: Path
    actor: str
    settings: Settings
    evidence: EvidenceStore
    # The account on an office server (PostgreSQL with `admin init`); None on a workstation.
    identity: Identity | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read unit: nothing it does is committed."""
        with read_unit(self.sessions, self.engine, self._who()) as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write unit: commits when the block ends, rolls everything back on any error.
        In the GUI it runs in the database lane's turn only (`lanes.write_turn`)."""
        with lanes.write_turn(), write_unit(self.sessions, self.engine, self._who()) as session:
            yield session

    def audit(
        self,
        session: Session,
        *,
        action: str,
        entity: str,
        entity_id: Any,
        case_id: int | None = None,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> int:
        return audit.record(
            session,
            actor=self.actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            case_id=case_id,
            before=before,
            after=after,
        )

    def _who(self) -> str:
        """The account named when the server refuses something."""
        return self.identity.label if self.identity else self.actor
