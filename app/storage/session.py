"""Units of work: a read session that never commits and a write session that commits all or
nothing, with the database's errors turned into Casebook's (`Conflict` for a stale optimistic
lock, `Duplicate` for a unique key, `StorageError` for a locked or unreachable database,
`NotAllowed` when an office server refuses by privilege or row-level security).

Services hold a `Session` only to hand it to repository functions and to the audit log; the
names below are what they annotate with, so no module outside storage imports SQLAlchemy."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.domain.errors import Conflict, Duplicate, NotAllowed, NotFound
from app.storage.db import storage_error

SessionFactory = sessionmaker[Session]
_Row = TypeVar("_Row")

__all__ = ["Engine", "Session", "SessionFactory", "fetched", "inserted", "read_unit", "write_unit"]


@contextmanager
def read_unit(sessions: SessionFactory, engine: Engine, who: str) -> Iterator[Session]:
    """A read unit: nothing it does is committed. `who` names the account in a refusal."""
    session = sessions()
    try:
        yield session
    except OperationalError as exc:
        raise storage_error(engine, exc) from exc
    except DBAPIError as exc:
        refused = _not_allowed(exc, who)
        if refused is None:
            raise
        raise refused from exc
    finally:
        session.rollback()
        session.close()


@contextmanager
def write_unit(sessions: SessionFactory, engine: Engine, who: str) -> Iterator[Session]:
    """A write unit: commits when the block ends, rolls everything back on any error."""
    session = sessions()
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
        raise storage_error(engine, exc) from exc
    except DBAPIError as exc:
        session.rollback()
        refused = _not_allowed(exc, who)
        if refused is None:
            raise
        raise refused from exc
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def fetched(session: Session, model: type[_Row], row_id: int, missing: str) -> _Row:
    """The row with that primary key; `NotFound(missing)` when there is none."""
    row = session.get(model, row_id)
    if row is None:
        raise NotFound(missing)
    return row


def inserted(session: Session, row: _Row) -> _Row:
    """Add a new row to the unit and flush, so it has its id (and a unique key clash surfaces
    here as `Duplicate` when the unit ends)."""
    session.add(row)
    session.flush()
    return row


def _not_allowed(exc: DBAPIError, who: str) -> NotAllowed | None:
    """The server refused by privilege or row-level security (SQLSTATE 42501)."""
    if getattr(exc.orig, "sqlstate", None) != "42501":
        return None
    text = str(exc.orig).splitlines()[0].removeprefix("not allowed: ")
    return NotAllowed(f"not allowed for {who}: {text}")


def _integrity_message(exc: IntegrityError) -> str:
    text = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
    return f"this would duplicate an existing record ({text})"
