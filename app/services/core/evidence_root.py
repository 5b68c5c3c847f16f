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
) -> tuple[Path, StoreIdentity | None]:
    """The checked root of the evidence store for this database, and the identity still to be
    recorded (`record_first_store`, once the context exists) or None.

    A database that recorded its store refuses a missing share or another store. A store chosen
    explicitly (option, environment, settings) is recorded the first time (its marker created)
    when the user may write settings; with no choice and no record the store stays in the data
    directory, as on every single workstation."""
    chosen = chosen_root(explicit, settings)
    with sessions() as session:
        if not repo.has_office_tables(session):  # an older schema opened without migrating
            return chosen or paths.evidence_dir(data_dir), None
        recorded = recorded_identity(session)
    if recorded is not None:
        root = chosen or Path(recorded.root)
        check_store(root, recorded)
        return root, None
    if chosen is None:
        return paths.evidence_dir(data_dir), None
    store_id = (read_marker(chosen) if chosen.is_dir() else None) or write_marker(chosen)
    return chosen, StoreIdentity(store_id, str(chosen.resolve()))


def record_first_store(ctx: Any, identity: StoreIdentity) -> bool:
    """Record the store chosen at the first start, with its audit entry in the same
    transaction. False when this person may not write office settings (an office user:
    `admin init --evidence-dir` records it)."""
    value = {"id": identity.id, "root": identity.root}
    try:
        with ctx.transaction() as session:
            if recorded_identity(session) is not None:  # another workstation was first
                return False
            _put_audited(ctx, session, value, first_start=True)
    except Exception as exc:
        if not _refused(exc):
            raise
        return False
    return True


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
        _put_audited(ctx, session, value)
    return identity


def _put_audited(ctx: Any, session: Any, value: dict[str, str], **extra: Any) -> None:
    """The store's record and its audit entry, in the caller's transaction."""
    before = repo.put_setting(session, SETTING_KEY, value, ctx.actor)
    ctx.audit(
        session,
        action="update",
        entity="office_setting",
        entity_id=SETTING_KEY,
        before={"value": before},
        after={"value": value, **extra},
    )
