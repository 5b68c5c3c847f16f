"""ServiceContext: what every use case needs — sessions, the actor, the evidence store, audit."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.domain.errors import Conflict, Duplicate, NotAllowed
from app.domain.office import Identity
from app.services.core import lanes
from app.settings import Settings
from app.storage import audit
from app.storage.db import storage_error
from app.storage.evidence_store import EvidenceStore


@dataclass
class ServiceContext:
    engine: Engine
    sessions: sessionmaker[Session]
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
        session = self.sessions()
        try:
            yield session
        except OperationalError as exc:
            raise storage_error(self.engine, exc) from exc
        except DBAPIError as exc:
            refused = self._not_allowed(exc)
            if refused is None:
                raise
            raise refused from exc
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write unit: commits when the block ends, rolls everything back on any error.
        In the GUI it runs in the database lane's turn only (`lanes.write_turn`)."""
        with lanes.write_turn(), self._write_unit() as session:
            yield session

    @contextmanager
    def _write_unit(self) -> Iterator[Session]:
        session = self.sessions()
        try:
            yield session
            session.commit()
        except StaleDataError as exc:
            session.rollback()
            raise Conflict(
                "the record was changed by someone else since you opened it; reload and retry"
            ) from exc
        except IntegrityError as exc:
            session.rollback()
            raise Duplicate(_integrity_message(exc)) from exc
        except OperationalError as exc:
            session.rollback()
            raise storage_error(self.engine, exc) from exc
        except DBAPIError as exc:
            session.rollback()
            refused = self._not_allowed(exc)
            if refused is None:
                raise
            raise refused from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

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

    def _not_allowed(self, exc: DBAPIError) -> NotAllowed | None:
        """The server refused by privilege or row-level security (SQLSTATE 42501)."""
        if getattr(exc.orig, "sqlstate", None) != "42501":
            return None
        who = self.identity.label if self.identity else self.actor
        text = str(exc.orig).splitlines()[0].removeprefix("not allowed: ")
        return NotAllowed(f"not allowed for {who}: {text}")


def _integrity_message(exc: IntegrityError) -> str:
    text = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
    return f"this would duplicate an existing record ({text})"
