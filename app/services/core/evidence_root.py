"""Where the evidence store is: `--evidence-dir`, `CASEBOOK_EVIDENCE_DIR`, the settings, the
root recorded in the database (office servers), else the data directory (a workstation).
The store's id is recorded in the database the first time, and checked at every start."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from app import paths
from app.domain.errors import NotAllowed
from app.settings import Settings
from app.storage.evidence_share import StoreIdentity, check_store, read_marker, write_marker
from app.storage.repositories import office as repo

EVIDENCE_DIR_ENV = "CASEBOOK_EVIDENCE_DIR"
SETTING_KEY = "evidence_store"


def chosen_root(explicit: str | os.PathLike[str] | None, settings: Settings) -> Path | None:
    """The root the user chose on this workstation, if any."""
    chosen = explicit or os.environ.get(EVIDENCE_DIR_ENV) or settings.evidence_dir
    return Path(chosen).expanduser() if chosen else None


def recorded_identity(session: Any) -> StoreIdentity | None:
    value = repo.get_setting(session, SETTING_KEY)
    if not isinstance(value, dict) or not value.get("id"):
        return None
    return StoreIdentity(str(value["id"]), str(value.get("root", "")))


def resolve_store_root(
    sessions: Any, data_dir: Path, explicit: str | os.PathLike[str] | None, settings: Settings
) -> Path:
    """The checked root of the evidence store for this database.

    A database that recorded its store refuses a missing share or another store. A store chosen
    explicitly (option, environment, settings) is recorded the first time (its marker created)
    when the user may write settings; with no choice and no record the store stays in the data
    directory, as on every single workstation."""
    chosen = chosen_root(explicit, settings)
    with sessions() as session:
        if not repo.has_office_tables(session):  # an older schema opened without migrating
            return chosen or paths.evidence_dir(data_dir)
        recorded = recorded_identity(session)
    if recorded is not None:
        root = chosen or Path(recorded.root)
        check_store(root, recorded)
        return root
    if chosen is None:
        return paths.evidence_dir(data_dir)
    store_id = (read_marker(chosen) if chosen.is_dir() else None) or write_marker(chosen)
    _record(sessions, StoreIdentity(store_id, str(chosen.resolve())))
    return chosen


def _record(sessions: Any, identity: StoreIdentity) -> None:
    session = sessions()
    try:
        repo.put_setting(session, SETTING_KEY, {"id": identity.id, "root": identity.root}, "-")
        session.commit()
    except Exception as exc:  # an office user who may not write settings: admin init records it
        session.rollback()
        if not _refused(exc):
            raise
    finally:
        session.close()


def _refused(exc: Exception) -> bool:
    return isinstance(exc, NotAllowed) or getattr(getattr(exc, "orig", None), "sqlstate", "") in (
        "42501",
    )


def record_store(ctx: Any, root: Path) -> StoreIdentity:
    """Record the office's store (`admin init --evidence-dir`, the settings dialog). A database
    that already has a store accepts only the same store at a new path (a moved share)."""
    store_id = read_marker(root) if root.is_dir() else None
    with ctx.session() as session:
        recorded = recorded_identity(session)
    if recorded is not None:
        check_store(root, recorded)
    identity = StoreIdentity(store_id or write_marker(root), str(root.resolve()))
    value = {"id": identity.id, "root": identity.root}
    with ctx.transaction() as session:
        before = repo.put_setting(session, SETTING_KEY, value, ctx.actor)
        ctx.audit(
            session,
            action="update",
            entity="office_setting",
            entity_id=SETTING_KEY,
            before={"value": before},
            after={"value": value},
        )
    return identity
