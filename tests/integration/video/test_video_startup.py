"""`evidence frame` starts light: on a database already at head it loads neither Alembic nor
OpenCV, reportlab or Qt (start-up is most of a one-frame export's time), and the migration
folder's head, read without Alembic, is Alembic's own."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import av
import numpy as np
from video_support import read_number

from app.storage import db

_PROBE = """
import json, sys
from app.cli import main
code = main(sys.argv[1:])
heavy = ("alembic", "cv2", "reportlab", "PySide6", "natasha", "pymorphy3")
print(json.dumps({"code": code, "loaded": [m for m in heavy if m in sys.modules]}))
"""


def test_the_head_named_by_the_files_is_alembics() -> None:
    assert db.named_head_revision() == db.head_revision()


def test_frame_export_loads_no_migration_tool_nor_image_library(
    run_cli: Any, data_dir: Path, dashcam_clip: Path, tmp_path: Path
) -> None:
    case = run_cli("case", "new", "--title", "t", "--region", "MSK", "--tz", "Europe/Moscow")
    number = case.json()["number"]
    added = run_cli("evidence", "add", number, str(dashcam_clip), "--kind", "dashcam")
    assert added.code == 0, added.err
    out = tmp_path / "frame.png"
    argv = ["--json", "--data-dir", str(data_dir), "evidence", "frame", number]
    argv += [str(added.json()["id"]), "--media-time", "1.5", "--out", str(out)]
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *argv], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert json.loads(lines[0])["frame_index"] == 45
    assert json.loads(lines[-1]) == {"code": 0, "loaded": []}
    with av.open(str(out)) as png:
        picture = next(png.decode(video=0)).to_ndarray(format="rgb24")
    with av.open(str(dashcam_clip)) as clip:
        reference = [f.to_ndarray(format="rgb24") for f in clip.decode(video=0)][45]
    assert read_number(picture) == 45
    assert np.array_equal(picture, reference)
