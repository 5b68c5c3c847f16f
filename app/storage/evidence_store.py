"""Content-addressed evidence store: files kept read-only under their SHA-256.

Originals are written once: copied while hashing, the copy re-hashed before it is accepted,
then made read-only. A blob that is already stored is not copied again.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import IntegrityFailure, ValidationError
from app.domain.progress import NullProgress, Progress, check_cancel

CHUNK = 4 * 1024 * 1024


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    size: int
    path: Path


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
        if not final.exists():
            final.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            os.replace(tmp, final)
        return StoredBlob(sha, size, final)

    def verify(self, sha256: str) -> bool:
        """True when the stored file still hashes to its name."""
        path = self.path_of(sha256)
        if not path.is_file():
            return False
        return hash_file(path)[0] == sha256
