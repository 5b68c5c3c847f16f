"""Thumbnails, stills, activity scan and the remux of timestamp-less files."""

from __future__ import annotations

import subprocess
from pathlib import Path

import cv2
import numpy as np
import pytest
from video_support import cctv_painter, decode_all, encode, read_number

from app.domain.errors import ValidationError
from app.domain.media import Region
from app.domain.progress import Cancelled
from app.media.activity import scan_activity
from app.media.frame_index import build_index
from app.media.frames import FrameReader
from app.media.remux import needs_remux, remux_to_mp4
from app.media.stills import MARK_COLOUR_RGB, still_png
from app.media.thumbnails import thumbnail_frames, thumbnails


class RecordingProgress:
    def __init__(self, cancel_after: int | None = None) -> None:
        self.reports: list[tuple[int, int | None, str]] = []
        self.cancel_after = cancel_after

    def report(self, done: int, total: int | None = None, message: str = "") -> None:
        self.reports.append((done, total, message))

    def cancelled(self) -> bool:
        return self.cancel_after is not None and len(self.reports) >= self.cancel_after


def test_thumbnails_are_keyframes_in_order(clips: dict[str, Path]) -> None:
    path = clips["h264_bframes.mp4"]
    index = build_index(path)
    progress = RecordingProgress()
    strip = list(thumbnails(path, index, count=10, width=80, progress=progress))
    assert [t.index for t in strip] == [0, 30, 60, 90, 120]
    assert all(t.image.shape == (60, 80, 3) for t in strip)
    assert strip[2].media_time_s == pytest.approx(2.0)
    assert progress.reports[-1][:2] == (5, 5)
    assert thumbnail_frames(index, 0) == []


@pytest.mark.parametrize(
    "name", ["vfr.mp4", "mjpeg.avi", "mpeg4.mp4", "h264.ts", "hevc.mkv", "h264.mov"]
)
def test_thumbnails_of_every_format(clips: dict[str, Path], name: str) -> None:
    index = build_index(clips[name])
    strip = list(thumbnails(clips[name], index, count=4, width=64))
    assert [t.index for t in strip] == thumbnail_frames(index, 4)
    assert all(t.image.shape == (48, 64, 3) for t in strip)


def test_thumbnails_can_be_cancelled(clips: dict[str, Path]) -> None:
    index = build_index(clips["h264_bframes.mp4"])
    with pytest.raises(Cancelled):
        list(thumbnails(clips["h264_bframes.mp4"], index, 10, progress=RecordingProgress(2)))


def test_still_is_the_exact_frame_with_region_on_a_copy(clips: dict[str, Path]) -> None:
    path = clips["h264_bframes.mp4"]
    index = build_index(path)
    with FrameReader(path, index) as reader:
        image = reader.frame(42)
    before = image.copy()
    plain = cv2.cvtColor(
        cv2.imdecode(np.frombuffer(still_png(image), np.uint8), 1), cv2.COLOR_BGR2RGB
    )
    assert np.array_equal(plain, decode_all(path)[42])
    region = Region.parse("100, 120, 60, 40")
    marked = cv2.cvtColor(
        cv2.imdecode(np.frombuffer(still_png(image, region), np.uint8), 1), cv2.COLOR_BGR2RGB
    )
    assert np.array_equal(image, before)
    assert tuple(marked[120, 130]) == MARK_COLOUR_RGB
    assert np.array_equal(marked[140, 130], image[140, 130])  # inside the outline untouched
    assert read_number(marked) == 42


@pytest.mark.parametrize("text", ["1,2,3", "a,b,c,d", "0,0,0,5"])
def test_bad_regions_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        Region.parse(text).check_within(320, 240)


def test_region_outside_the_frame_is_refused() -> None:
    with pytest.raises(ValidationError, match="outside"):
        still_png(np.zeros((240, 320, 3), np.uint8), Region(300, 200, 50, 50))


@pytest.fixture(scope="module")
def cctv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # 30 s at 30 fps, GOP 2 s; a figure crosses at frames 200-290 and 611-650 (a short
    # passage between keyframes 600 and 660)
    return encode(
        tmp_path_factory.mktemp("cctv") / "yard.mp4",
        frames=900,
        width=480,
        height=270,
        gop=60,
        painter=cctv_painter([(200, 290), (611, 650)]),
    )


def test_activity_scan_finds_both_passages(cctv: Path) -> None:
    index = build_index(cctv)
    progress = RecordingProgress()
    segments = scan_activity(cctv, index, progress)
    assert len(segments) == 2
    first, second = segments
    assert first.start_s <= 200 / 30 < 290 / 30 <= first.end_s
    assert first.end_s - first.start_s < 290 / 30 - 200 / 30 + 2.0
    assert second.start_s <= 611 / 30 < 650 / 30 <= second.end_s
    assert progress.reports


def test_small_figure_between_keyframes_is_found(tmp_path: Path) -> None:
    # a distant passer-by, 4 % of the frame wide, gone again before the next keyframe
    clip = encode(
        tmp_path / "far.mp4",
        frames=360,
        width=480,
        height=270,
        gop=60,
        painter=cctv_painter([(130, 170)], figure=0.04),
    )
    segments = scan_activity(clip, build_index(clip))
    assert len(segments) == 1
    assert segments[0].start_s <= 130 / 30 < 170 / 30 <= segments[0].end_s


def test_activity_scan_of_a_still_scene_is_empty(tmp_path: Path) -> None:
    still = encode(tmp_path / "empty.mp4", frames=300, gop=30, painter=cctv_painter([]))
    assert scan_activity(still, build_index(still)) == []


def test_activity_scan_can_be_cancelled(cctv: Path) -> None:
    with pytest.raises(Cancelled):
        scan_activity(cctv, build_index(cctv), RecordingProgress(cancel_after=1))


def test_raw_h264_is_remuxed_with_timestamps(tmp_path: Path, clips: dict[str, Path]) -> None:
    raw = tmp_path / "dashcam.h264"
    subprocess.run(
        [
            "ffmpeg",
            "-loglevel",
            "error",
            "-i",
            str(clips["h264_bframes.mp4"]),
            "-c",
            "copy",
            "-bsf:v",
            "h264_mp4toannexb",
            str(raw),
        ],
        check=True,
    )
    original = raw.read_bytes()
    assert needs_remux(raw)
    assert not needs_remux(clips["h264_bframes.mp4"])
    copy = remux_to_mp4(raw, tmp_path / "dashcam.mp4")
    assert raw.read_bytes() == original
    assert not needs_remux(copy)
    index = build_index(copy)
    assert index.count == 150
    with FrameReader(copy, index) as reader:
        for i in (0, 77, 149, 31):
            assert read_number(reader.frame(i)) == i


def test_avi_without_index_is_remuxed(tmp_path: Path, clips: dict[str, Path]) -> None:
    data = clips["mpeg4.avi"].read_bytes()
    broken = tmp_path / "MOVI0001.avi"
    broken.write_bytes(data[: data.rfind(b"idx1")])  # recording stopped before the index
    assert needs_remux(broken)
    assert not needs_remux(clips["mpeg4.avi"])
    copy = remux_to_mp4(broken, tmp_path / "MOVI0001.mp4")
    index = build_index(copy)
    assert index.count == 30
    with FrameReader(copy, index) as reader:
        assert [read_number(reader.frame(i)) for i in (29, 3, 17)] == [29, 3, 17]


@pytest.mark.parametrize("gop", ["closed", "open"])
def test_activity_is_the_same_in_an_mp4_and_its_ts_remux(tmp_path: Path, gop: str) -> None:
    # encoded like a camera's file (x264 medium: CABAC, B-frames); an open GOP's first
    # B-frames are shown before its keyframe and need the keyframe that closes a stretch
    events = [(200, 290), (430, 470)]
    mp4 = encode(
        tmp_path / "yard.mp4",
        frames=600,
        width=480,
        height=270,
        gop=60,
        painter=cctv_painter(events),
        options={"preset": "medium", "x264-params": f"open-gop={int(gop == 'open')}"},
    )
    ts = tmp_path / "yard.ts"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(mp4), "-c", "copy", "-f", "mpegts", str(ts)],
        check=True,
    )
    ts_index = build_index(ts)
    assert ts_index.start_pts != build_index(mp4).start_pts  # the remux shifts every pts
    from_mp4 = scan_activity(mp4, build_index(mp4))
    from_ts = scan_activity(ts, ts_index)
    assert from_mp4 == from_ts
    for start, end in events:
        assert any(s.start_s <= start / 30 < end / 30 <= s.end_s for s in from_mp4)
