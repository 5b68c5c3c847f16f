"""`casebook evidence ...`, `annotate`, `scan-activity` end to end through the CLI."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path
from typing import Any

import cv2
import pytest
from video_support import read_number


def _case(run_cli: Any) -> str:
    result = run_cli(
        "case",
        "new",
        "--title",
        "Звонки после доставки",
        "--region",
        "MSK",
        "--tz",
        "Europe/Moscow",
    )
    assert result.code == 0, result.err
    return str(result.json()["number"])


def test_add_calibrate_frame_annotate_scan(
    run_cli: Any, dashcam_clip: Path, tmp_path: Path
) -> None:
    case = _case(run_cli)
    added = run_cli(
        "evidence",
        "add",
        case,
        str(dashcam_clip),
        "--kind",
        "dashcam",
        "--source",
        "Лада Ларгус А123ВС",
        "--tz",
        "Europe/Moscow",
    )
    assert added.code == 0, added.err
    body = added.json()
    assert set(body) == {"id", "sha256", "size", "media"}
    assert body["media"] == {
        "codec": "h264",
        "duration_s": 4.0,
        "fps": 30.0,
        "width": 320,
        "height": 240,
        "frames": 120,
        "access": "keyframe",
        "rotation": 0,
        "sample_aspect": None,
        "audio": None,
    }
    evidence = str(body["id"])

    # camera clock 08:00:00 at start; frame at 1.5 s truly happened at 08:01:33.5 UTC: 92 s slow
    cal = run_cli(
        "evidence",
        "calibrate",
        case,
        evidence,
        "--media-time",
        "1.5",
        "--true-time",
        "2025-10-09T11:01:33.5+03:00",
    )
    assert cal.code == 0, cal.err
    assert cal.json()["offset_s"] == pytest.approx(92.0)
    assert cal.json()["drift_ppm"] == 0

    out = tmp_path / "frame.png"
    frame = run_cli("evidence", "frame", case, evidence, "--media-time", "2.51", "--out", str(out))
    assert frame.code == 0, frame.err
    assert frame.json() == {"frame_index": 75, "pts_s": 2.5}
    image = cv2.cvtColor(cv2.imread(str(out)), cv2.COLOR_BGR2RGB)
    assert read_number(image) == 75

    note = run_cli(
        "annotate",
        case,
        evidence,
        "--media-time",
        "3.0",
        "--text",
        "курьер у подъезда",
        "--rect",
        "100,100,50,60",
        "--tag",
        "door",
        "--still",
    )
    assert note.code == 0, note.err
    ann = note.json()
    assert ann["frame_index"] == 90
    assert ann["true_time_utc"] == "2025-10-09T08:01:35Z"
    assert ann["still_id"] is not None

    listing = run_cli("evidence", "list", case).json()["evidence"]
    still = next(e for e in listing if e["id"] == ann["still_id"])
    assert still["kind"] == "still" and still["parent_id"] == int(evidence)
    assert still["frame_index"] == 90 and still["media_time_s"] == pytest.approx(3.0)
    assert still["media"] is None
    assert next(e for e in listing if e["id"] == int(evidence))["media"]["frames"] == 120

    scan = run_cli("scan-activity", case, evidence)
    assert scan.code == 0, scan.err
    segments = scan.json()["segments"]
    assert segments and all(set(s) == {"start_s", "end_s"} for s in segments)

    assert run_cli("evidence", "verify", case).code == 0


def test_second_calibration_point_adds_drift(run_cli: Any, dashcam_clip: Path) -> None:
    case = _case(run_cli)
    evidence = str(
        run_cli("evidence", "add", case, str(dashcam_clip), "--kind", "cctv").json()["id"]
    )
    run_cli(
        "evidence",
        "calibrate",
        case,
        evidence,
        "--media-time",
        "0",
        "--true-time",
        "2025-10-09T08:00:10Z",
    )
    second = run_cli(
        "evidence",
        "calibrate",
        case,
        evidence,
        "--media-time",
        "3.9",
        "--true-time",
        "2025-10-09T08:00:13.9039Z",
    )
    assert second.code == 0, second.err
    assert second.json()["offset_s"] == pytest.approx(10.0)
    assert second.json()["drift_ppm"] == pytest.approx(1000.0, rel=1e-3)
    assert second.json()["points"] == 2


def test_non_video_evidence_has_no_media(run_cli: Any, tmp_path: Path) -> None:
    case = _case(run_cli)
    statement = tmp_path / "объяснение.txt"
    statement.write_text("Клиент: курьер звонил с разных номеров.", encoding="utf-8")
    added = run_cli("evidence", "add", case, str(statement), "--kind", "statement")
    assert added.code == 0, added.err
    assert added.json()["media"] is None


def test_verify_names_a_tampered_file(run_cli: Any, dashcam_clip: Path, data_dir: Path) -> None:
    case = _case(run_cli)
    sha = run_cli("evidence", "add", case, str(dashcam_clip), "--kind", "dashcam").json()["sha256"]
    stored = next(p for p in data_dir.rglob(sha) if p.is_file())
    os.chmod(stored, stat.S_IRUSR | stat.S_IWUSR)
    data = bytearray(stored.read_bytes())
    data[len(data) // 2] ^= 0x01
    stored.write_bytes(bytes(data))
    result = run_cli("evidence", "verify", case)
    assert result.code == 1
    assert "dashcam_0001.mp4" in result.err
    assert result.json()["failed"][0]["sha256"] == sha


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"", "empty file"), ("не видео".encode() * 50, "not a media file")],
)
def test_bad_video_is_refused_and_nothing_stored(
    run_cli: Any, tmp_path: Path, data_dir: Path, content: bytes, problem: str
) -> None:
    case = _case(run_cli)
    bad = tmp_path / "camera.mp4"
    bad.write_bytes(content)
    result = run_cli("evidence", "add", case, str(bad), "--kind", "cctv")
    assert result.code == 2
    assert "camera.mp4" in result.err and problem in result.err
    assert run_cli("evidence", "list", case).json()["evidence"] == []
    assert not [p for p in data_dir.rglob("*") if p.is_file() and len(p.name) == 64]


def test_truncated_recording_is_refused(run_cli: Any, tmp_path: Path, dashcam_clip: Path) -> None:
    case = _case(run_cli)
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(dashcam_clip.read_bytes()[:20000])
    result = run_cli("evidence", "add", case, str(cut), "--kind", "dashcam")
    assert result.code == 2
    assert "cut.mp4: moov atom not found" in result.err


def test_frame_outside_the_file_and_wrong_case(
    run_cli: Any, dashcam_clip: Path, tmp_path: Path
) -> None:
    case = _case(run_cli)
    other = _case(run_cli)
    evidence = str(
        run_cli("evidence", "add", case, str(dashcam_clip), "--kind", "dashcam").json()["id"]
    )
    late = run_cli(
        "evidence", "frame", case, evidence, "--media-time", "99", "--out", str(tmp_path / "x.png")
    )
    assert late.code == 2 and "outside the file" in late.err
    wrong = run_cli(
        "evidence", "frame", other, evidence, "--media-time", "1", "--out", str(tmp_path / "x.png")
    )
    assert wrong.code == 2 and "no evidence" in wrong.err
    assert not (tmp_path / "x.png").exists()


def test_verify_covers_the_working_copy(
    run_cli: Any, dashcam_clip: Path, data_dir: Path, tmp_path: Path
) -> None:
    raw = tmp_path / "REC0002.h264"
    subprocess.run(
        [
            "ffmpeg",
            "-loglevel",
            "error",
            "-i",
            str(dashcam_clip),
            "-c",
            "copy",
            "-bsf:v",
            "h264_mp4toannexb",
            str(raw),
        ],
        check=True,
    )
    case = _case(run_cli)
    sha = run_cli("evidence", "add", case, str(raw), "--kind", "dashcam").json()["sha256"]
    assert run_cli("evidence", "verify", case).json()["checked"] == 2
    copy = next(
        p for p in data_dir.rglob("*") if p.is_file() and len(p.name) == 64 and p.name != sha
    )
    os.chmod(copy, stat.S_IRUSR | stat.S_IWUSR)
    copy.write_bytes(copy.read_bytes()[:-10])
    result = run_cli("evidence", "verify", case)
    assert result.code == 1 and "REC0002.h264 (working copy)" in result.err


def test_true_time_without_zone_is_read_in_the_source_zone(
    run_cli: Any, dashcam_clip: Path
) -> None:
    case = _case(run_cli)
    added = run_cli(
        "evidence", "add", case, str(dashcam_clip), "--kind", "dashcam", "--tz", "Asia/Vladivostok"
    )
    evidence = str(added.json()["id"])
    # 18:00:05 in Vladivostok (UTC+10) is 08:00:05 UTC; the camera read 08:00:01
    cal = run_cli(
        "evidence",
        "calibrate",
        case,
        evidence,
        "--media-time",
        "1",
        "--true-time",
        "2025-10-09T18:00:05",
    )
    assert cal.code == 0, cal.err
    assert cal.json()["offset_s"] == pytest.approx(4.0)
    text = run_cli("evidence", "list", case)
    assert text.code == 0


def test_text_output_without_json(dashcam_clip: Path, data_dir: Path, capsys: Any) -> None:
    from app.__main__ import main

    assert (
        main(
            [
                "--data-dir",
                str(data_dir),
                "case",
                "new",
                "--title",
                "t",
                "--region",
                "MSK",
                "--tz",
                "Europe/Moscow",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert (
        main(
            [
                "--data-dir",
                str(data_dir),
                "evidence",
                "add",
                "1",
                str(dashcam_clip),
                "--kind",
                "cctv",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "sha256:" in out and "frames: 120" in out
