"""Hostile evidence packages: a tampered member followed by the genuine one under the same name,
names that collide on Windows, absolute paths, members the manifest does not list. Verify names
the member; `--extract` writes nothing unless the whole package checks out and never overwrites."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.reports.package import PackageFile, build_package, verify_package


@pytest.fixture
def package(tmp_path) -> Path:
    source = tmp_path / "clip.mp4"
    source.write_bytes(b"genuine video bytes" * 100)
    import hashlib

    out = tmp_path / "package.zip"
    build_package(
        out,
        dossier=b"%PDF-1.4 dossier",
        dossier_name="dossier_police.pdf",
        files=[
            PackageFile(
                source, "evidence/clip.mp4", hashlib.sha256(source.read_bytes()).hexdigest()
            )
        ],
        note="how to verify",
        meta={"case": "MSK-2025-0001"},
        created=datetime(2025, 5, 1, tzinfo=UTC),
    )
    return out


def _rewrite(src: Path, dst: Path, extra: list[tuple[str, bytes]], before: str | None = None):
    """Copy `src` into `dst`, adding `extra` members (before member `before`, or at the end)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            if info.filename == before:
                for name, data in extra:
                    zout.writestr(name, data)
            zout.writestr(info, zin.read(info))
        if before is None:
            for name, data in extra:
                zout.writestr(name, data)
    return dst


def test_the_genuine_package_verifies_and_extracts(package, tmp_path, run_cli):
    result = run_cli("verify-package", str(package), "--extract", str(tmp_path / "out"))
    assert result.code == 0, result.err
    assert (tmp_path / "out" / "evidence" / "clip.mp4").read_bytes().startswith(b"genuine")


@pytest.mark.filterwarnings("ignore:Duplicate name")  # the hostile ZIP is made on purpose
@pytest.mark.parametrize(
    "extra,before,problem",
    [
        ([("evidence/clip.mp4", b"tampered")], "evidence/clip.mp4", "the same name twice"),
        ([("Evidence/CLIP.mp4", b"tampered")], None, "collides with"),
        ([("/etc/cron.d/x", b"tampered")], None, "unsafe member name"),
        ([("evidence/../../x", b"tampered")], None, "unsafe member name"),
        ([("C:/Windows/x.dll", b"tampered")], None, "unsafe member name"),
        ([("evidence/extra.exe", b"MZ")], None, "not listed in the manifest"),
    ],
    ids=["duplicate", "case-collision", "absolute", "dotdot", "drive", "unlisted"],
)
def test_hostile_members_are_refused_and_nothing_is_written(
    package, tmp_path, run_cli, extra, before, problem
):
    bad = _rewrite(package, tmp_path / "bad.zip", extra, before)
    assert not verify_package(bad).ok
    target = tmp_path / "out"
    result = run_cli("verify-package", str(bad), "--extract", str(target))
    assert result.code == 1 and problem in result.err
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert not target.exists() or not any(target.rglob("*"))


def test_extract_never_overwrites(package, tmp_path, run_cli):
    target = tmp_path / "out"
    (target / "evidence").mkdir(parents=True)
    (target / "evidence" / "clip.mp4").write_bytes(b"investigator's own file")
    result = run_cli("verify-package", str(package), "--extract", str(target))
    assert result.code == 2 and "already exists" in result.err
    assert (target / "evidence" / "clip.mp4").read_bytes() == b"investigator's own file"
    assert sorted(p.name for p in target.rglob("*")) == ["clip.mp4", "evidence"]
