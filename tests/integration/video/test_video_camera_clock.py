"""The camera's own clock: the start of a file from the investigator, the container or a
dash-cam's file name; `calibrate --camera-time` states how far the camera was off; the dossier
says it in words."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from video_support import encode

from app.services.core.cases import resolve_case
from app.services.dossier.sources import clock_corrections


def _cli(run_cli: Any, ctx: Any) -> Any:
    """The CLI on the test's own database (SQLite file or PostgreSQL)."""
    url = ctx.engine.url.render_as_string(hide_password=False)
    return lambda *args: run_cli(*args, db_url=url)


def _case(run_cli: Any) -> str:
    made = run_cli("case", "new", "--title", "Курьер у двери", "--region", "MSK", "--tz",
                   "Europe/Moscow")  # fmt: skip
    assert made.code == 0, made.err
    return str(made.json()["number"])


def _plain_clip(tmp_path: Path, name: str) -> Path:
    """A clip without a container creation time, named as a dash-cam names its files."""
    made = encode(tmp_path / "plain.mp4", frames=60, gop=30)
    return Path(shutil.copy(made, tmp_path / name))


def test_camera_time_read_off_the_frame_gives_the_offset(
    run_cli: Any, ctx: Any, tmp_path: Path
) -> None:
    run_cli = _cli(run_cli, ctx)
    case = _case(run_cli)
    clip = _plain_clip(tmp_path, "entrance_cam.mp4")
    added = run_cli("evidence", "add", case, str(clip), "--kind", "cctv", "--tz",
                    "Europe/Moscow")  # fmt: skip
    assert added.code == 0, added.err
    evidence = str(added.json()["id"])
    # The overlay reads 14:09:04 where the investigator knows it was truly 14:06:33.
    done = run_cli("evidence", "calibrate", case, evidence, "--media-time", "1.0",
                   "--camera-time", "2025-09-12T14:09:04",
                   "--true-time", "2025-09-12T14:06:33")  # fmt: skip
    assert done.code == 0, done.err
    assert done.json() == {"offset_s": -151.0, "drift_ppm": 0.0, "points": 1}
    entries = clock_corrections(ctx, resolve_case(ctx, case), "ru", "Europe/Moscow")
    assert "Часы камеры спешили на 2 мин 31 с." in entries[0].method
    assert "Показания часов камеры прочитаны с кадра." in entries[0].method
    english = clock_corrections(ctx, resolve_case(ctx, case), "en", "Europe/Moscow")
    assert "The camera's clock was 2 min 31 s fast." in english[0].method


def test_start_from_a_dash_cam_file_name_in_the_source_zone(
    run_cli: Any, ctx: Any, tmp_path: Path
) -> None:
    run_cli = _cli(run_cli, ctx)
    case = _case(run_cli)
    clip = _plain_clip(tmp_path, "20250912_140851_NF.mp4")  # BlackVue, local time
    added = run_cli("evidence", "add", case, str(clip), "--kind", "dashcam", "--tz",
                    "Asia/Yekaterinburg")  # fmt: skip
    assert added.code == 0, added.err
    evidence = str(added.json()["id"])
    done = run_cli("evidence", "calibrate", case, evidence, "--media-time", "0",
                   "--true-time", "2025-09-12T09:10:00Z")  # fmt: skip
    # the name says 14:08:51 +05:00 = 09:08:51 UTC at the first frame: the camera ran 69 s slow
    assert done.json()["offset_s"] == 69.0


def test_camera_start_entered_wins_over_the_file_name(
    run_cli: Any, ctx: Any, tmp_path: Path
) -> None:
    run_cli = _cli(run_cli, ctx)
    case = _case(run_cli)
    clip = _plain_clip(tmp_path, "2025_0912_140851_0042F.MP4")  # Viofo
    added = run_cli(
        "evidence",
        "add",
        case,
        str(clip),
        "--kind",
        "dashcam",
        "--camera-start",
        "2025-09-12T14:00:00",
    )  # fmt: skip  (the case's zone)
    assert added.code == 0, added.err
    evidence = str(added.json()["id"])
    done = run_cli("evidence", "calibrate", case, evidence, "--media-time", "0",
                   "--true-time", "2025-09-12T14:00:30+03:00")  # fmt: skip
    assert done.json()["offset_s"] == 30.0
