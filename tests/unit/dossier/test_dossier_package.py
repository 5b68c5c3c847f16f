"""The evidence package: round trip, `sha256sum -c`, tampering, unsafe names, symlinks."""

from __future__ import annotations

import hashlib
import shutil
import stat
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain.errors import IntegrityFailure
from app.reports.package import (
    MANIFEST_JSON,
    MANIFEST_TXT,
    NOTE,
    PackageFile,
    build_package,
    safe_name,
    unpack_package,
    verify_package,
)

CREATED = datetime(2025, 10, 12, 8, 0, tzinfo=UTC)


def evidence(tmp_path: Path) -> list[PackageFile]:
    files = []
    for index, (name, data) in enumerate(
        [
            ("запись камеры.mp4", b"\x00video" * 5000),
            ("журнал звонков.csv", "время;кто;кому\n".encode() * 300),
        ]
    ):
        path = tmp_path / f"src{index}"
        path.write_bytes(data)
        files.append(
            PackageFile(
                path,
                f"evidence/{index + 1:03d}_{safe_name(name)}",
                hashlib.sha256(data).hexdigest(),
            )
        )
    return files


def make(tmp_path: Path, name: str = "package.zip") -> Path:
    result = build_package(
        tmp_path / name,
        dossier=b"%PDF-1.4 dossier",
        dossier_name="dossier.pdf",
        files=evidence(tmp_path),
        note="Проверка: sha256sum -c manifest.txt\n",
        meta={"case": "СБ-2025/0142", "profile": "police"},
        created=CREATED,
    )
    assert result.path.read_bytes()
    return result.path


def test_round_trip_and_sha256sum(tmp_path: Path) -> None:
    path = make(tmp_path)
    check = verify_package(path)
    assert check.ok and check.files == 5  # dossier, 2 files, note, manifest.json
    folder = tmp_path / "unpacked"
    written = unpack_package(path, folder)
    assert {p.relative_to(folder).as_posix() for p in written} == {
        "dossier.pdf",
        "evidence/001_запись камеры.mp4",
        "evidence/002_журнал звонков.csv",
        NOTE,
        MANIFEST_JSON,
        MANIFEST_TXT,
    }
    if shutil.which("sha256sum"):
        run = subprocess.run(
            ["sha256sum", "-c", MANIFEST_TXT],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode == 0, run.stdout + run.stderr
        assert run.stdout.count(": OK") == 5


def test_same_inputs_same_bytes(tmp_path: Path) -> None:
    assert make(tmp_path, "a.zip").read_bytes() == make(tmp_path, "b.zip").read_bytes()


def rewrite(path: Path, member: str, change) -> None:
    """Rewrite the ZIP with one member's bytes changed (CRC consistent, so only the hash
    check can catch it)."""
    out = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, change(data) if info.filename == member else data)
    out.replace(path)


@pytest.mark.parametrize(
    "member",
    [
        "dossier.pdf",
        "evidence/002_журнал звонков.csv",
        NOTE,
        MANIFEST_JSON,
        MANIFEST_TXT,
    ],
)
def test_one_changed_byte_names_the_member(tmp_path: Path, member: str) -> None:
    path = make(tmp_path)

    def flip(data: bytes) -> bytes:
        return data[:-2] + bytes([data[-2] ^ 0x01]) + data[-1:]

    rewrite(path, member, flip)
    check = verify_package(path)
    assert not check.ok
    assert check.bad_member == member


def test_damaged_stored_bytes_name_the_member(tmp_path: Path) -> None:
    path = make(tmp_path)
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("evidence/001_запись камеры.mp4")
    raw = bytearray(path.read_bytes())
    raw[info.header_offset + 30 + len(info.filename.encode()) + 100] ^= 0xFF
    path.write_bytes(bytes(raw))
    check = verify_package(path)
    assert check.bad_member == "evidence/001_запись камеры.mp4"


def test_extra_member_is_reported(tmp_path: Path) -> None:
    path = make(tmp_path)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("evidence/extra.txt", b"planted")
    assert verify_package(path).bad_member == "evidence/extra.txt"


@pytest.mark.parametrize(
    "name", ["../evil.txt", "/etc/evil", "a/../../evil", "C:/evil", "a\\..\\evil"]
)
def test_unsafe_names_never_unpack(tmp_path: Path, name: str) -> None:
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("ok.txt", b"fine")
        archive.writestr(zipfile.ZipInfo(name), b"evil")
    dest = tmp_path / "dest" / "inner"
    with pytest.raises(IntegrityFailure):
        unpack_package(path, dest)
    assert not dest.exists()
    assert not (tmp_path / "evil.txt").exists()
    assert verify_package(path).bad_member == name


def test_symlink_members_refused(tmp_path: Path) -> None:
    path = tmp_path / "link.zip"
    info = zipfile.ZipInfo("link")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(info, "/etc/passwd")
    with pytest.raises(IntegrityFailure):
        unpack_package(path, tmp_path / "dest")
    assert verify_package(path).bad_member == "link"


def test_changed_evidence_file_stops_the_export(tmp_path: Path) -> None:
    files = evidence(tmp_path)
    files[0].source.write_bytes(b"swapped")
    with pytest.raises(IntegrityFailure):
        build_package(
            tmp_path / "p.zip",
            dossier=b"pdf",
            dossier_name="dossier.pdf",
            files=files,
            note="",
            meta={},
            created=CREATED,
        )
    assert not (tmp_path / "p.zip").exists()
    assert list(tmp_path.glob(".package-*")) == []


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    path.write_bytes(b"not a zip")
    check = verify_package(path)
    assert not check.ok and "ZIP" in check.problem


def test_safe_name() -> None:
    assert safe_name("../../etc/passwd") == "_.._etc_passwd"
    assert safe_name("a:b*c?.mp4") == "a_b_c_.mp4"
    assert safe_name("...") == "file"
