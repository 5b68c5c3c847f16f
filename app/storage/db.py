"""Engine, connection settings, migrations and backups.

SQLite (default) gets `foreign_keys=ON`, WAL and `synchronous=FULL` on every connection and is
refused on a network share; PostgreSQL is used by URL. The schema only ever changes through
Alembic, and a database made by a newer Casebook is refused untouched.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import StorageError
from app.storage.office_masking import MASKED_SCHEMA

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
NETWORK_FILESYSTEMS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "9p",
    "sshfs",
    "fuse.sshfs",
    "afs",
    "ncpfs",
    "davfs",
    "fuse.davfs2",
    "glusterfs",
    "ceph",
}
BUSY_TIMEOUT_MS = 5000


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def is_network_path(path: Path) -> bool:
    """True when `path` lies on a network file system, where SQLite's WAL does not work."""
    resolved = path.resolve()
    if sys.platform == "win32":  # pragma: no cover - checked on Windows runners
        import ctypes

        if str(resolved).startswith("\\\\"):
            return True
        drive = resolved.drive + "\\"
        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == 4)  # DRIVE_REMOTE
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return False
    best, best_type = "", ""
    text = str(resolved)
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = text == point or text.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, best_type = point, parts[2]
    return best_type in NETWORK_FILESYSTEMS


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # Evidence and audit rows must survive a power cut: NORMAL can lose the last commits.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


SUPPORTED_BACKENDS = ("sqlite", "postgresql")


def check_url(url: str) -> None:
    """A one-line error for a URL that is not a database URL or names another database."""
    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError as exc:
        raise StorageError(f"--db-url: not a database URL: {url[:80]!r}") from exc
    if backend not in SUPPORTED_BACKENDS:
        raise StorageError(
            f"--db-url: {backend} is not supported; Casebook works with SQLite and PostgreSQL "
            "(postgresql+psycopg://user@host/db)"
        )


def make_engine(url: str, *, allow_network: bool = False) -> Engine:
    """An engine with Casebook's connection settings; refuses SQLite on a network share."""
    check_url(url)
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not allow_network and is_network_path(path.parent):
            raise StorageError(
                f"{path}: the database is on a network share, where SQLite cannot work safely; "
                "offices that share a database use PostgreSQL (--db-url postgresql://...)"
            )
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_on_connect)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _alembic_config(connection: Any) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest schema revision this version of Casebook knows."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    head = script.get_current_head()
    assert head is not None
    return head


_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


def named_head_revision() -> str | None:
    """The head as the migration files name it (revision `NNNN` lives in `NNNN_*.py`, a
    linear chain), read from the folder without loading Alembic; a test holds it equal to
    Alembic's own head."""
    numbers = [
        match.group(1)
        for name in os.listdir(MIGRATIONS_DIR / "versions")
        if (match := _REVISION_FILE.match(name))
    ]
    return max(numbers, default=None)


def at_head(engine: Engine) -> bool:
    """True when the database's version table names the head revision: the cheap check that
    lets a short command (`evidence frame`) start without importing Alembic. Anything else
    (no version table, another revision, an error) leaves the decision to Alembic."""
    head = named_head_revision()
    if head is None:
        return False
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:
        return False
    return [row[0] for row in rows] == [head]


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def check_schema(engine: Engine) -> str | None:
    """The database's revision; StorageError when it comes from a newer Casebook."""
    from alembic.script import ScriptDirectory

    revision = current_revision(engine)
    if revision is None:
        return None
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    known = {rev.revision for rev in script.walk_revisions()}
    if revision not in known:
        raise StorageError(
            f"{describe(engine)}: the database was made by a newer Casebook (schema {revision}); "
            f"this version knows schemas up to {head_revision()} and leaves it untouched. "
            "Install the newer version."
        )
    return revision


def migrate(engine: Engine, *, backup_dir: Path | None = None) -> bool:
    """Bring the schema to head. Returns True when it changed anything. A non-empty SQLite
    database that needs an upgrade is first backed up (SQLite backup API) into `backup_dir`."""
    if at_head(engine):
        return False
    from alembic import command

    revision = check_schema(engine)
    head = head_revision()
    if revision == head:
        return False
    if revision is None and _has_foreign_tables(engine):
        raise StorageError(
            f"{describe(engine)}: the database holds tables but no Casebook schema version; "
            "it is left untouched"
        )
    if revision is not None and backup_dir is not None:
        path = sqlite_path(engine.url.render_as_string(hide_password=False))
        if path is not None:
            backup_sqlite(engine, backup_dir / f"{path.stem}.before-{head}.sqlite3")
    try:
        with engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                # An office server's masked views pin the columns they show; `admin init`
                # builds them again for the new schema (until then people are refused).
                connection.exec_driver_sql(f"DROP SCHEMA IF EXISTS {MASKED_SCHEMA} CASCADE")
            command.upgrade(_alembic_config(connection), "head")
    except OperationalError as exc:
        raise storage_error(engine, exc) from exc
    return True


def prepare_schema(engine: Engine, *, migrate_schema: bool, backup_dir: Path | None) -> None:
    """Migrate the schema (or only check it is one this Casebook reads); a database that cannot
    be reached, is locked or unreadable becomes a StorageError and the engine is disposed."""
    try:
        if migrate_schema:
            migrate(engine, backup_dir=backup_dir)
        elif not at_head(engine):
            check_schema(engine)
    except OperationalError as exc:
        engine.dispose()
        raise storage_error(engine, exc) from exc


def _has_foreign_tables(engine: Engine) -> bool:
    names = set(inspect(engine).get_table_names())
    return bool(names - {"alembic_version"})


def backup_sqlite(engine: Engine, target: Path) -> Path:
    """Consistent copy of a live SQLite database with the backup API (never a file copy)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    source_path = sqlite_path(engine.url.render_as_string(hide_password=False))
    if source_path is None:
        raise StorageError("backups through Casebook are for SQLite; use pg_dump for PostgreSQL")
    if target.exists():
        target.unlink()
    source = sqlite3.connect(source_path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def describe(engine: Engine) -> str:
    """The database named for messages, without a password."""
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    return str(path) if path else engine.url.render_as_string(hide_password=True)


def storage_error(engine: Engine, exc: Exception) -> StorageError:
    """Turn a driver error into a clear one-line message."""
    text = str(getattr(exc, "orig", exc))
    if "locked" in text or "busy" in text:
        return StorageError(
            f"{describe(engine)}: the database is locked by another program "
            "(another Casebook window or a backup); try again when it has finished"
        )
    if "connection" in text and ("refused" in text or "failed" in text or "timeout" in text):
        return StorageError(
            f"{describe(engine)}: cannot connect to the database server ({text.splitlines()[0]})"
        )
    if "unable to open" in text or "readonly" in text:
        return StorageError(f"{describe(engine)}: cannot open the database for writing ({text})")
    return StorageError(f"{describe(engine)}: {text.splitlines()[0] if text else exc}")


def database_url_from_env() -> str | None:
    return os.environ.get("CASEBOOK_DB_URL")


def url_without_password(url: str) -> str:
    return make_url(url).set(password=None).render_as_string(hide_password=False)


def url_with_password(url: str, password: str) -> str:
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def url_user(url: str) -> str:
    return make_url(url).username or ""


def url_with_user(url: str, user: str) -> str:
    return make_url(url).set(username=user or None).render_as_string(hide_password=False)
