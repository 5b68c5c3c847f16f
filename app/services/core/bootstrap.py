"""Open Casebook's storage: settings, engine, migrations (with a backup first), evidence store."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from app import paths
from app.services.core.context import ServiceContext
from app.services.core.evidence_care import sweep_store
from app.services.core.evidence_root import record_first_store, resolve_store_root
from app.services.core.identity import server_identity
from app.settings import Settings
from app.storage import db
from app.storage.evidence_store import EvidenceStore


def default_actor(settings: Settings) -> str:
    """Who acts, for the audit log: the investigator's configured name and the OS account."""
    try:
        account = getpass.getuser()
    except (KeyError, OSError):
        account = os.environ.get("USERNAME", "unknown")
    name = settings.investigator_name.strip()
    return f"{name} ({account})" if name else account


def open_context(
    data_dir: str | os.PathLike[str] | None = None,
    db_url: str | None = None,
    actor: str | None = None,
    *,
    migrate: bool = True,
    evidence_dir: str | os.PathLike[str] | None = None,
) -> ServiceContext:
    """Open (and migrate) the database. Raises StorageError with a clear message when it is
    locked, on a network share, or made by a newer Casebook."""
    data = paths.data_dir(data_dir)
    config = paths.config_dir(data if data_dir or os.environ.get(paths.DATA_DIR_ENV) else None)
    settings = Settings.load(config)
    url = db_url or db.database_url_from_env() or paths.default_db_url(data)
    engine = db.make_engine(url)
    db.prepare_schema(engine, migrate_schema=migrate, backup_dir=data / "backups")
    sessions = db.session_factory(engine)
    try:
        root, first_store = resolve_store_root(sessions, data, evidence_dir, settings)
        identity, server_actor = server_identity(sessions)
    except BaseException:
        engine.dispose()
        raise
    ctx = ServiceContext(
        engine=engine,
        sessions=sessions,
        data_dir=data,
        config_dir=config,
        # On an office server the database names the actor (its audit trigger checks it).
        actor=server_actor or actor or default_actor(settings),
        settings=settings,
        evidence=EvidenceStore(root),
        identity=identity,
    )
    if first_store is not None:
        record_first_store(ctx, first_store)
    if migrate:
        # What a killed import left behind: its blob with no row, its half-written temp file.
        sweep_store(ctx, full=False)
    return ctx


def close_context(ctx: ServiceContext) -> None:
    ctx.engine.dispose()


# Copies of stored files opened in the desktop's own viewer (a signed statement's scan): personal
# data on this workstation, removed when its case is destroyed or leaves this person's reach.
OPENED_COPIES = ("cache", "opened")


def data_path(ctx: ServiceContext, *parts: str) -> Path:
    """A working directory inside the data dir (caches, indexes), created on demand."""
    path = ctx.data_dir.joinpath(*parts)
    path.mkdir(parents=True, exist_ok=True)
    return path
