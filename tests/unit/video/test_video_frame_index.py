"""The pts index: frame counts, intervals, frame_at bisection, keyframes, serialisation."""

from __future__ import annotations

import io
import subprocess
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest
from video_support import read_number

from app.media.frame_index import FrameIndex, build_index
from app.media.frames import FrameReader
from app.media.probe import probe


def _reference_pts(path: Path) -> list[int]:
    with av.open(str(path)) as container:
        return [frame.pts for frame in container.decode(video=0)]


@pytest.mark.parametrize(
    "name", ["h264_bframes.mp4", "vfr.mp4", "mjpeg.avi", "mpeg4.mp4", "h264.ts"]
)
def test_index_matches_decoded_presentation_order(clips: dict[str, Path], name: str) -> None:
    index = build_index(clips[name])
    assert index.pts.tolist() == _reference_pts(clips[name])
    assert index.keyframe[0]


def test_frame_at_uses_presentation_intervals_on_vfr(clips: dict[str, Path]) -> None:
    index = build_index(clips["vfr.mp4"])
    # durations cycle 33, 33, 50, 100, 17 ms: frame 3 starts at 116 ms and lasts 100 ms
    assert index.pts_of(3) == pytest.approx(0.116)
    assert index.end_of(3) == pytest.approx(0.216)
    assert index.frame_at(0.116) == 3
    assert index.frame_at(0.2159) == 3
    assert index.frame_at(0.216) == 4
    assert index.frame_at(0.1159) == 2
    assert index.frame_at(-5) == 0
    assert index.frame_at(1e6) == index.count - 1


def test_every_frame_start_maps_back_to_itself(clips: dict[str, Path]) -> None:
    index = build_index(clips["h264_bframes.mp4"])
    for i in range(index.count):
        assert index.frame_at(index.pts_of(i)) == i
        assert index.frame_at((index.pts_of(i) + index.end_of(i)) / 2) == i


def test_keyframe_lookup(clips: dict[str, Path]) -> None:
    index = build_index(clips["h264_bframes.mp4"])
    assert index.keyframes() == [0, 30, 60, 90, 120]
    assert index.keyframe_at_or_before(59) == 30
    assert index.keyframe_at_or_before(60) == 60
    assert index.keyframe_after(60) == 90
    assert index.keyframe_after(121) is None
    with pytest.raises(IndexError):
        index.keyframe_at_or_before(index.count)


def test_wrong_header_count_is_ignored(clips: dict[str, Path]) -> None:
    path = clips["wrong_count.avi"]
    with av.open(str(path)) as container:
        assert container.streams.video[0].frames == 9999
    assert probe(path).frames == 30


def test_probe_reports_index_figures(clips: dict[str, Path]) -> None:
    info = probe(clips["h264_bframes.mp4"])
    assert (info.codec, info.width, info.height, info.frames) == ("h264", 320, 240, 150)
    assert info.duration_s == pytest.approx(5.0)
    assert info.fps == pytest.approx(30.0)
    assert info.has_video
    assert info.container.startswith("mov,mp4")
    assert probe(clips["h264.ts"]).container == "mpegts"


def test_round_trip_through_bytes(clips: dict[str, Path]) -> None:
    index = build_index(clips["vfr.mp4"])
    again = FrameIndex.from_bytes(index.to_bytes())
    assert np.array_equal(again.pts, index.pts)
    assert np.array_equal(again.keyframe, index.keyframe)
    assert again.time_base == index.time_base
    assert again.end_pts == index.end_pts
    assert again.frame_at(1.0) == index.frame_at(1.0)


def test_an_index_stored_by_the_previous_version_is_read(clips: dict[str, Path]) -> None:
    index = build_index(clips["h264_bframes.mp4"])
    buffer = io.BytesIO()
    np.savez_compressed(  # format 1: no decode-order flag in the meta row
        buffer,
        version=np.array([1], dtype=np.int64),
        pts=index.pts,
        keyframe=index.keyframe,
        sizes=index.sizes,
        meta=np.array([index.end_pts, 1, 15360, index.stream_index], dtype=np.int64),
    )
    old = FrameIndex.from_bytes(buffer.getvalue())
    assert np.array_equal(old.pts, index.pts) and not old.decode_order
    assert old.time_base == Fraction(1, 15360)


def test_frames_cut_away_by_an_edit_list_are_not_indexed(
    tmp_path: Path, clips: dict[str, Path]
) -> None:
    # a stream copy that starts mid-GOP keeps the GOP's first frames for reference only
    cut = tmp_path / "trimmed.mp4"
    subprocess.run(
        [
            "ffmpeg",
            "-loglevel",
            "error",
            "-ss",
            "0.5",
            "-i",
            str(clips["h264_bframes.mp4"]),
            "-c",
            "copy",
            str(cut),
        ],
        check=True,
    )
    index = build_index(cut)
    shown = _reference_pts(cut)
    assert index.pts.tolist() == shown
    assert index.pts_of(0) == 0.0
    with FrameReader(cut, index) as reader:
        quick = reader.keyframe_image(0)
        first = read_number(quick.image)
        assert quick.exact and first == 15
        assert [read_number(reader.frame(i)) for i in (index.count - 1, 7, 0)] == [
            first + index.count - 1,
            first + 7,
            first,
        ]
