"""Non-square pixels (issue 12, point 2: "sample aspect ratio honoured"): a PAL-style clip whose
pixels are 16:15 gets annotation stills (the dossier's pictures) resampled to the shape the
camera meant, with the region outlined where it was drawn, while a frame export keeps the file's
own pixels; a turned picture turns its pixels' stretch too."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest

from app.domain.media import Region
from app.media.stills import MARK_COLOUR_RGB
from app.services.core import cases
from app.services.video.annotations import annotate
from app.services.video.dto import EvidenceDetails, MediaSummary
from app.services.video.intake import add_video_evidence, export_frame, list_case_evidence


@pytest.fixture(scope="module")
def pal_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """360x288 with 16:15 pixels (as PAL DV writes them), 1 s at 25 fps."""
    path = tmp_path_factory.mktemp("pal") / "cctv_pal.mp4"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=360x288:rate=25",
         "-t", "1", "-vf", "setsar=16/15", "-c:v", "libx264", "-preset", "ultrafast",
         "-pix_fmt", "yuv420p", str(path)],
        check=True,
    )  # fmt: skip
    return path


def _png_picture(data: bytes) -> np.ndarray:
    with av.open(io.BytesIO(data)) as png:
        return next(png.decode(video=0)).to_ndarray(format="rgb24")


def test_a_still_has_the_shape_the_camera_meant(ctx: Any, pal_clip: Path) -> None:
    case_id = cases.create_case(
        ctx, cases.CaseInput(title="Подъезд", region="MSK", tz="Europe/Moscow")
    ).id
    added = add_video_evidence(ctx, case_id, pal_clip, EvidenceDetails("cctv"))
    assert added.media is not None
    assert added.media.sample_aspect == "16:15"
    assert added.media.pixel_stretch == (pytest.approx(16 / 15), 1.0)
    note = annotate(
        ctx, case_id, added.evidence.id, 0.4, "дверь", rect=Region(150, 100, 60, 40), still=True
    )
    still = next(e for e in list_case_evidence(ctx, case_id) if e.evidence.id == note.still_id)
    picture = _png_picture(ctx.evidence.path_of(still.evidence.sha256).read_bytes())
    assert picture.shape == (288, 384, 3)  # 360 × 16/15 wide: square pixels
    red = np.all(np.abs(picture.astype(int) - MARK_COLOUR_RGB) < 40, axis=2)
    columns = np.flatnonzero(red[100 + 20])  # a row through the region's middle
    columns = columns[columns < 250]  # the test picture's own red bar lies further right
    # the outline's left and right edges, moved with the stretch (150 → 160, 210 → 224)
    assert abs(columns.min() - 160) <= 2 and abs(columns.max() - 223) <= 2
    assert still.evidence.meta["region"] == [150, 100, 60, 40]  # kept in the file's pixels


def test_a_frame_export_keeps_the_files_own_pixels(
    ctx: Any, pal_clip: Path, tmp_path: Path
) -> None:
    case_id = cases.create_case(
        ctx, cases.CaseInput(title="Подъезд", region="MSK", tz="Europe/Moscow")
    ).id
    added = add_video_evidence(ctx, case_id, pal_clip, EvidenceDetails("cctv"))
    out = tmp_path / "frame.png"
    export_frame(ctx, case_id, added.evidence.id, 0.4, out)
    assert _png_picture(out.read_bytes()).shape == (288, 360, 3)


def _media(rotation: int, sample_aspect: str | None) -> MediaSummary:
    return MediaSummary(
        "mp4", "h264", 1.0, 25.0, 360, 288, 25, None, None, None, False,
        rotation=rotation, sample_aspect=sample_aspect,
    )  # fmt: skip


def test_the_stretch_turns_with_the_picture_and_ignores_nonsense() -> None:
    assert _media(0, "4:3").pixel_stretch == (pytest.approx(4 / 3), 1.0)
    assert _media(90, "4:3").pixel_stretch == (1.0, pytest.approx(4 / 3))
    assert _media(270, "8:9").pixel_stretch == (1.0, pytest.approx(8 / 9))
    for square in (None, "1:1", "0:1", "4:0", "abc", ""):
        assert _media(0, square).pixel_stretch == (1.0, 1.0)
