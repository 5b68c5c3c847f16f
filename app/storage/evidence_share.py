"""Which evidence store a database belongs to: a marker file at the store's root holding the
store's id, and the same id recorded in the database. A workstation that finds the share
missing, or finds another store at the configured path, refuses to start instead of writing
evidence where nobody else will find it."""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import StorageError
from app.domain.timeutil import iso_utc, now_utc

MARKER = "casebook-store.json"


@dataclass(frozen=True)
class StoreIdentity:
    id: str
    root: str


def read_marker(root: Path) -> str | None:
    """The store id written at `root`, or None when there is no store there."""
    path = root / MARKER
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise StorageError(f"{path}: the evidence store's marker is unreadable ({exc})") from exc
    value = data.get("store_id") if isinstance(data, dict) else None
    if not isinstance(value, str) or not value:
        raise StorageError(f"{path}: the evidence store's marker holds no store id")
    return value


def write_marker(root: Path) -> str:
    """Create a new store at `root` (its folder may exist, empty or holding blobs of an older
    Casebook); a concurrent creator's marker wins (O_EXCL), so two starts agree on one id."""
    root.mkdir(parents=True, exist_ok=True)
    store_id = uuid.uuid4().hex
    body = json.dumps({"store_id": store_id, "created_at": iso_utc(now_utc())}).encode()
    try:
        fd = os.open(root / MARKER, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o444)
    except FileExistsError:
        found = read_marker(root)
        assert found is not None
        return found
    try:
        os.write(fd, body)
        os.fsync(fd)
    finally:
        os.close(fd)
    return store_id


def check_store(root: Path, recorded: StoreIdentity) -> None:
    """Refuse a missing share or a different store, with what to do about it."""
    if not root.is_dir():
        raise StorageError(
            f"{root}: the evidence share is not reachable (not mounted or no access); the database "
            f"keeps its evidence in store {recorded.id[:8]} at {recorded.root}. Mount the share "
            "or give its path with --evidence-dir / CASEBOOK_EVIDENCE_DIR"
        )
    found = read_marker(root)
    if found is None:
        raise StorageError(
            f"{root}: no Casebook evidence store here; the database keeps its evidence in store "
            f"{recorded.id[:8]} at {recorded.root}. Is the share mounted at this path?"
        )
    if found != recorded.id:
        raise StorageError(
            f"{root}: this is a different evidence store ({found[:8]}); the database keeps its "
            f"evidence in store {recorded.id[:8]} at {recorded.root}"
        )
