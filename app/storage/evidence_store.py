"""Content-addressed evidence store: files kept read-only under their SHA-256.

Originals are written once: copied while hashing, the copy re-hashed before it is accepted,
then made read-only, in folders that are read-only too. A blob that is already stored is
re-hashed when the same content is added again and repaired from the new copy when it was
damaged. Symbolic links are refused (the file they point to must be added itself). Every put
leaves a pending marker in `incoming/`; `sweep` removes the blobs of puts whose transaction
never committed (a failed or killed import) and partial temporary files.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.errors import IntegrityFailure, ValidationError
from app.domain.progress import NullProgress, Progress, check_cancel

CHUNK = 4 * 1024 * 1024


READ_ONLY_DIR = 0o555  # r-x for everyone: nothing is created, renamed or removed inside
READ_ONLY_FILE = 0o444
PENDING_PREFIX = "pending-"
_FOLDERS = threading.Lock()  # one writer at a time unlocks a blob folder in this process


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    size: int
    path: Path
    repaired: bool = False  # the stored copy was damaged and has been replaced by this one


@dataclass
class SweepResult:
    orphans: list[str] = field(default_factory=list)  # blobs removed: no row refers to them
    partials: int = 0  # temporary files of interrupted writes removed


def hash_file(path: Path, progress: Progress | None = None) -> tuple[str, int]:
    """SHA-256 and size of a file, reading it in chunks with progress and cancel."""
    progress = progress or NullProgress()
    digest = hashlib.sha256()
    total = path.stat().st_size
    done = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            done += len(chunk)
            progress.report(done, total)
            check_cancel(progress)
    return digest.hexdigest(), done


class EvidenceStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def path_of(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def put(self, source: Path, progress: Progress | None = None) -> StoredBlob:
        """Copy `source` in, hashing while copying; verify the copy; make it read-only."""
        progress = progress or NullProgress()
        if source.is_symlink():
            raise ValidationError(
                f"{source}: is a symbolic link (to {os.path.realpath(source)}); "
                "add the file itself",
                field="file",
            )
        if not source.is_file():
            raise ValidationError(f"{source}: not a file or it no longer exists", field="file")
        total = source.stat().st_size
        digest = hashlib.sha256()
        tmp_dir = self.root / "incoming"
        tmp_dir.mkdir(exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=tmp_dir)
        tmp = Path(tmp_name)
        try:
            with source.open("rb") as src, os.fdopen(fd, "wb") as dst:
                done = 0
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    dst.write(chunk)
                    done += len(chunk)
                    progress.report(done, total, source.name)
                    check_cancel(progress)
                dst.flush()
                os.fsync(dst.fileno())
            sha = digest.hexdigest()
            copy_sha, size = hash_file(tmp)
            if copy_sha != sha:
                raise IntegrityFailure(f"{source}: the stored copy differs from the source")
            return self._accept(tmp, sha, size)
        finally:
            tmp.unlink(missing_ok=True)

    def put_bytes(self, data: bytes) -> StoredBlob:
        """Store generated content (stills, dossiers): same rules as `put`."""
        tmp_dir = self.root / "incoming"
        tmp_dir.mkdir(exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=tmp_dir)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as dst:
                dst.write(data)
                dst.flush()
                os.fsync(dst.fileno())
            return self._accept(tmp, hashlib.sha256(data).hexdigest(), len(data))
        finally:
            tmp.unlink(missing_ok=True)

    def _accept(self, tmp: Path, sha: str, size: int) -> StoredBlob:
        final = self.path_of(sha)
        self._mark_pending(sha)
        repaired = False
        if final.exists() or final.is_symlink():
            if final.is_file() and not final.is_symlink() and hash_file(final)[0] == sha:
                return StoredBlob(sha, size, final)
            repaired = True  # damaged (or replaced by something else): the new copy wins
        os.chmod(tmp, READ_ONLY_FILE)
        with self._unlocked(final.parent):
            if repaired:
                final.unlink(missing_ok=True)
            os.replace(tmp, final)
        return StoredBlob(sha, size, final, repaired)

    @contextmanager
    def _unlocked(self, folder: Path) -> Iterator[None]:
        """Make a blob's two folder levels writable for one rename, then read-only again."""
        levels = [folder.parent, folder]
        with _FOLDERS:
            for level in levels:
                level.mkdir(exist_ok=True)
                os.chmod(level, stat.S_IRWXU | READ_ONLY_DIR)
            try:
                yield
            finally:
                for level in reversed(levels):
                    os.chmod(level, READ_ONLY_DIR)

    def _mark_pending(self, sha: str) -> None:
        marker = self.root / "incoming" / f"{PENDING_PREFIX}{sha}"
        marker.touch()
        os.utime(marker)

    def status(self, sha256: str) -> str:
        """`ok`, `missing` (no file under its name) or `changed` (bytes differ)."""
        path = self.path_of(sha256)
        if not path.is_file() or path.is_symlink():
            return "missing"
        return "ok" if hash_file(path)[0] == sha256 else "changed"

    def sweep(
        self, referenced: Callable[[set[str]], set[str]], grace_s: float, *, full: bool
    ) -> SweepResult:
        """Remove blobs that no row refers to and temporary files of interrupted writes, all
        older than `grace_s` (another process may be between its put and its commit).
        `referenced(shas)` returns those of `shas` the database refers to. Without `full`
        only the blobs of pending puts are looked at (cheap enough for every start)."""
        result = SweepResult()
        incoming = self.root / "incoming"
        cutoff = time.time() - grace_s
        markers: dict[str, Path] = {}
        if incoming.is_dir():
            for entry in incoming.iterdir():
                if _mtime(entry) > cutoff:
                    continue
                if entry.name.startswith(PENDING_PREFIX):
                    markers[entry.name[len(PENDING_PREFIX) :]] = entry
                else:
                    entry.unlink(missing_ok=True)
                    result.partials += 1
        candidates = set(markers)
        if full:
            candidates |= {p.name for p in self._blobs() if _mtime(p) <= cutoff}
        keep = referenced(candidates) if candidates else set()
        for sha in sorted(candidates - keep):
            blob = self.path_of(sha)
            if blob.exists() and _mtime(blob) <= cutoff:
                with self._unlocked(blob.parent):
                    blob.unlink(missing_ok=True)
                result.orphans.append(sha)
        for marker in markers.values():
            marker.unlink(missing_ok=True)
        return result

    def _blobs(self) -> Iterator[Path]:
        for first in self.root.iterdir():
            if len(first.name) != 2 or not first.is_dir():
                continue
            for second in first.iterdir():
                if second.is_dir():
                    yield from (p for p in second.iterdir() if len(p.name) == 64)

    def verify(self, sha256: str) -> bool:
        """True when the stored file still hashes to its name."""
        path = self.path_of(sha256)
        if not path.is_file():
            return False
        return hash_file(path)[0] == sha256


def _mtime(path: Path) -> float:
    try:
        return path.lstat().st_mtime
    except OSError:
        return 0.0
