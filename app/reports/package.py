"""The evidence package: a ZIP holding the dossier, the evidence files the profile allows,
`manifest.json`, `manifest.txt` (the `sha256sum -c` format) and a note on how to verify it.

`verify_package` checks every member against the manifests and names the first bad one;
`unpack_package` never writes outside its folder (no absolute paths, no `..`, no symlinks).
The same inputs give the same bytes: members in a fixed order with a fixed timestamp.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import tempfile
import unicodedata
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import IO

from app.domain.errors import IntegrityFailure, ValidationError
from app.domain.progress import NullProgress, Progress, check_cancel
from app.domain.timeutil import ensure_utc, iso_utc

FORMAT = "casebook-evidence-package/1"
MANIFEST_JSON = "manifest.json"
MANIFEST_TXT = "manifest.txt"
NOTE = "HOW-TO-VERIFY.txt"
CHUNK = 1024 * 1024
_LINE = re.compile(r"^([0-9a-f]{64}) [ *](.+)$")
# Media are compressed already: store them; deflate text and documents.
_STORED_SUFFIXES = {".mp4", ".mov", ".avi", ".mkv", ".ts", ".jpg", ".jpeg", ".png", ".zip"}


@dataclass(frozen=True, slots=True)
class PackageFile:
    """A file to put in the package: where it is, its name inside, and its known SHA-256."""

    source: Path
    arcname: str
    sha256: str


@dataclass(frozen=True, slots=True)
class PackageResult:
    path: Path
    sha256: str
    files: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PackageCheck:
    ok: bool
    files: int
    bad_member: str | None = None
    problem: str = ""


def safe_name(name: str) -> str:
    """A file name that cannot climb out of its folder or confuse another system."""
    cleaned = re.sub(r'[\x00-\x1f<>:"/\\|?*]', "_", name).strip(" .")
    return cleaned[:120] or "file"


def check_member_name(name: str) -> None:
    """Refuse absolute paths, drive letters, backslashes and `..` in a member name."""
    path = PurePosixPath(name)
    if (
        not name
        or "\\" in name
        or name.startswith("/")
        or re.match(r"^[A-Za-z]:", name)
        or any(part in ("..", "") for part in name.rstrip("/").split("/"))
        or path.is_absolute()
    ):
        raise IntegrityFailure(f"unsafe member name in package: {name!r}", member=name)


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def _zip_info(name: str, when: datetime) -> zipfile.ZipInfo:
    stamp = ensure_utc(when)
    info = zipfile.ZipInfo(
        name,
        date_time=(
            max(stamp.year, 1980),
            stamp.month,
            stamp.day,
            stamp.hour,
            stamp.minute,
            stamp.second,
        ),
    )
    info.external_attr = (stat.S_IFREG | 0o444) << 16
    suffix = PurePosixPath(name).suffix.lower()
    info.compress_type = zipfile.ZIP_STORED if suffix in _STORED_SUFFIXES else zipfile.ZIP_DEFLATED
    return info


def _copy_hashing(source: Path, target: IO[bytes], progress: Progress) -> str:
    digest = hashlib.sha256()
    with source.open("rb") as handle:
        while block := handle.read(CHUNK):
            check_cancel(progress)
            digest.update(block)
            target.write(block)
    return digest.hexdigest()


def build_package(
    out: Path,
    *,
    dossier: bytes,
    dossier_name: str,
    files: Sequence[PackageFile],
    note: str,
    meta: dict[str, object],
    created: datetime,
    progress: Progress | None = None,
) -> PackageResult:
    """Write the package to `out` atomically; a file whose bytes no longer match its recorded
    SHA-256 stops the export with `IntegrityFailure` naming it."""
    progress = progress or NullProgress()
    entries: list[dict[str, object]] = []
    names = [dossier_name, *(f.arcname for f in files)]
    for name in names:
        check_member_name(name)
    if len(set(names)) != len(names):
        raise ValidationError("duplicate file names in the package", field="files")
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".package-", suffix=".zip", dir=out.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", allowZip64=True) as archive:
            archive.writestr(_zip_info(dossier_name, created), dossier)
            entries.append(
                {
                    "path": dossier_name,
                    "sha256": hashlib.sha256(dossier).hexdigest(),
                    "size": len(dossier),
                    "kind": "dossier",
                }
            )
            for done, item in enumerate(files, 1):
                progress.report(done, len(files), item.arcname)
                size = item.source.stat().st_size
                with archive.open(
                    _zip_info(item.arcname, created), "w", force_zip64=size > 2**31
                ) as target:
                    actual = _copy_hashing(item.source, target, progress)
                if actual != item.sha256:
                    raise IntegrityFailure(
                        f"evidence file changed since it was stored: {item.arcname}",
                        member=item.arcname,
                    )
                entries.append({"path": item.arcname, "sha256": actual, "size": size})
            note_bytes = note.encode("utf-8")
            archive.writestr(_zip_info(NOTE, created), note_bytes)
            entries.append(
                {
                    "path": NOTE,
                    "sha256": hashlib.sha256(note_bytes).hexdigest(),
                    "size": len(note_bytes),
                }
            )
            manifest = {"format": FORMAT, "created": iso_utc(created), **meta, "files": entries}
            manifest_bytes = (
                json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
            ).encode("utf-8")
            archive.writestr(_zip_info(MANIFEST_JSON, created), manifest_bytes)
            lines = [f"{e['sha256']}  {e['path']}" for e in entries]
            lines.append(f"{hashlib.sha256(manifest_bytes).hexdigest()}  {MANIFEST_JSON}")
            archive.writestr(
                _zip_info(MANIFEST_TXT, created), ("\n".join(lines) + "\n").encode("utf-8")
            )
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    digest = hashlib.sha256()
    with out.open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    members = (*(str(e["path"]) for e in entries), MANIFEST_JSON, MANIFEST_TXT)
    return PackageResult(path=out, sha256=digest.hexdigest(), files=members)


def _member_sha256(archive: zipfile.ZipFile, name: str) -> str:
    digest = hashlib.sha256()
    with archive.open(name) as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _parse_txt(raw: bytes) -> dict[str, str]:
    listed: dict[str, str] = {}
    for line in raw.decode("utf-8").splitlines():
        match = _LINE.match(line)
        if not match or match.group(2) in listed:
            raise ValueError(line)
        listed[match.group(2)] = match.group(1)
    return listed


def _fold(name: str) -> str:
    """How a case-insensitive file system (Windows, macOS) would see a name."""
    return unicodedata.normalize("NFC", name).casefold()


def _check_names(infos: list[zipfile.ZipInfo]) -> PackageCheck | None:
    """Unsafe, duplicate and colliding names: a ZIP may hold two members under one name (one
    is checked, the other extracted) or names that are one file on Windows."""
    seen: dict[str, str] = {}
    for info in infos:
        try:
            check_member_name(info.filename)
        except IntegrityFailure as exc:
            return PackageCheck(False, 0, info.filename, exc.message)
        if _is_symlink(info):
            return PackageCheck(False, 0, info.filename, "symbolic link in package")
        if info.is_dir():
            return PackageCheck(False, 0, info.filename, "folder entry in package")
        folded = _fold(info.filename)
        if folded in seen:
            problem = (
                "the same name twice in the package"
                if seen[folded] == info.filename
                else f"name collides with {seen[folded]!r} on case-insensitive systems"
            )
            return PackageCheck(False, 0, info.filename, problem)
        seen[folded] = info.filename
    return None


def _check(archive: zipfile.ZipFile) -> PackageCheck:
    infos = archive.infolist()
    bad_name = _check_names(infos)
    if bad_name is not None:
        return bad_name
    names = {info.filename for info in infos}
    if MANIFEST_TXT not in names:
        return PackageCheck(False, 0, MANIFEST_TXT, "manifest missing")
    try:
        listed = _parse_txt(archive.read(MANIFEST_TXT))
    except (ValueError, zipfile.BadZipFile, zlib.error) as exc:
        return PackageCheck(False, 0, MANIFEST_TXT, f"unreadable manifest: {exc}")
    try:
        manifest = json.loads(archive.read(MANIFEST_JSON))
        json_listed = {str(e["path"]): str(e["sha256"]) for e in manifest["files"]}
    except (ValueError, KeyError, TypeError, zipfile.BadZipFile, zlib.error) as exc:
        return PackageCheck(False, 0, MANIFEST_JSON, f"unreadable manifest: {exc}")
    expected_json = listed.pop(MANIFEST_JSON, None)
    if expected_json is None or listed != json_listed:
        # The two manifests disagree: the one whose own hash does not hold is the changed one.
        member = MANIFEST_TXT
        if expected_json is not None and _member_sha256(archive, MANIFEST_JSON) != expected_json:
            member = MANIFEST_JSON
        return PackageCheck(False, 0, member, "manifests disagree")
    listed[MANIFEST_JSON] = expected_json
    unlisted = sorted(names - set(listed) - {MANIFEST_TXT})
    if unlisted:
        return PackageCheck(False, 0, unlisted[0], "file not listed in the manifest")
    checked = 0
    for name, expected in listed.items():
        if name not in names:
            return PackageCheck(False, checked, name, "listed file missing")
        try:
            actual = _member_sha256(archive, name)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            return PackageCheck(False, checked, name, f"damaged: {exc}")
        if actual != expected:
            return PackageCheck(False, checked, name, "SHA-256 does not match the manifest")
        checked += 1
    return PackageCheck(True, checked)


def verify_package(path: Path) -> PackageCheck:
    """Check every member of the package; the result names the first bad member."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _check(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        return PackageCheck(False, 0, None, f"not a readable ZIP: {exc}")


def unpack_package(path: Path, dest: Path) -> list[Path]:
    """Extract into `dest` only after the whole package checked out; nothing lands outside
    `dest`, nothing is overwritten, and each member is hashed again while it is written (a file
    changed after the check leaves nothing behind)."""
    root = dest.resolve()
    with zipfile.ZipFile(path) as archive:
        check = _check(archive)
        if not check.ok:
            raise IntegrityFailure(
                f"{path}: {check.bad_member or ''}: {check.problem}", member=check.bad_member
            )
        listed = _parse_txt(archive.read(MANIFEST_TXT))
        targets: list[tuple[zipfile.ZipInfo, Path]] = []
        for info in archive.infolist():
            target = (root / info.filename).resolve()
            if not target.is_relative_to(root):
                raise IntegrityFailure(
                    f"member escapes the folder: {info.filename}", member=info.filename
                )
            if target.exists() or target.is_symlink():
                raise ValidationError(
                    f"{target}: already exists; extract into an empty folder", field="extract"
                )
            targets.append((info, target))
        written: list[Path] = []
        try:
            for info, target in targets:
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                with archive.open(info) as source, target.open("xb") as handle:
                    written.append(target)
                    while block := source.read(CHUNK):
                        digest.update(block)
                        handle.write(block)
                expected = listed.get(info.filename)
                if expected is not None and digest.hexdigest() != expected:
                    raise IntegrityFailure(
                        f"{info.filename}: changed while it was extracted", member=info.filename
                    )
        except BaseException:
            for done in written:
                done.unlink(missing_ok=True)
            raise
    return written
