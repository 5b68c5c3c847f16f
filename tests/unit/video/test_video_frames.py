"""Exact frames: the frame number drawn into each frame must come back, bit for bit."""

from __future__ import annotations

import os
import random
import threading
from pathlib import Path

import numpy as np
import pytest
from video_support import decode_all, read_number

from app.domain.media import MediaError
from app.media.frame_index import build_index
from app.media.frames import FrameReader

FORMATS = [
    "h264_bframes.mp4",
    "vfr.mp4",
    "mjpeg.avi",
    "mpeg4.mp4",
    "h264.ts",
    "hevc.mkv",
    "h264.mov",
]


@pytest.mark.parametrize("skip_on_seek", [False, True], ids=["every_picture", "player"])
@pytest.mark.parametrize("name", FORMATS)
def test_random_access_is_exact(clips: dict[str, Path], name: str, skip_on_seek: bool) -> None:
    path = clips[name]
    index = build_index(path)
    reference = decode_all(path)
    order = list(range(index.count))
    random.Random(4).shuffle(order)
    with FrameReader(path, index, skip_on_seek=skip_on_seek) as reader:
        for i in [*order, 3, 2, 1, 0, index.count - 1]:
            image = reader.frame(i)
            assert image.dtype == np.uint8 and image.shape == reference[i].shape
            assert read_number(image) == i
            assert np.array_equal(image, reference[i])


@pytest.mark.parametrize("name", ["h264_bframes.mp4", "vfr.mp4", "h264.ts"])
def test_frame_at_time_returns_frame_on_screen(clips: dict[str, Path], name: str) -> None:
    index = build_index(clips[name])
    with FrameReader(clips[name], index) as reader:
        for t in (0.0, 0.5, 1.234, index.duration_s - 0.001):
            picture = reader.frame_at_time(t)
            assert index.pts_of(picture.index) <= t < index.end_of(picture.index)
            assert read_number(picture.image) == picture.index


def test_stepping_back_within_the_gop_is_served_from_cache(clips: dict[str, Path]) -> None:
    index = build_index(clips["h264_bframes.mp4"])
    with FrameReader(clips["h264_bframes.mp4"], index) as reader:
        reader.frame(55)
        assert all(reader.is_cached(i) for i in range(30, 56))
        for i in range(54, 44, -1):
            assert reader.is_cached(i)
            assert read_number(reader.frame(i)) == i


def test_the_players_seek_skips_unreferenced_pictures_and_settle_fills_them_in(
    clips: dict[str, Path],
) -> None:
    path = clips["h264_bframes.mp4"]
    index = build_index(path)
    reference = decode_all(path)
    key = index.keyframe_at_or_before(55)
    with FrameReader(path, index, skip_on_seek=True) as reader:
        assert np.array_equal(reader.frame(55), reference[55])
        skipped = [i for i in range(key, 55) if not reader.is_cached(i)]
        assert skipped  # B-frames nothing refers to were not decoded on the way
        assert not reader.settle(55, stop=lambda: True)  # a new request: given up at once
        assert reader.settle(55, stop=lambda: False)
        assert all(reader.is_cached(i) for i in range(key, 56))
        seeks = reader.access.seeks
        assert reader.settle(55, stop=lambda: False)  # settled already: nothing to do
        assert np.array_equal(reader.frame(56), reference[56])  # the decoder stands at 55
        for i in range(54, key - 1, -1):
            assert np.array_equal(reader.frame(i), reference[i])
        assert reader.access.seeks == seeks


def test_cache_stays_within_its_byte_budget(clips: dict[str, Path]) -> None:
    index = build_index(clips["h264_bframes.mp4"])
    one_frame = 320 * 240 * 3 // 2
    with FrameReader(clips["h264_bframes.mp4"], index, cache_bytes=10 * one_frame) as reader:
        reader.frame(59)
        cached = [i for i in range(index.count) if reader.is_cached(i)]
        assert len(cached) <= 10
        assert 59 in cached and min(cached) >= 49  # the frames nearest the position stay


def test_keyframe_image_first_then_exact(clips: dict[str, Path]) -> None:
    path = clips["h264_bframes.mp4"]
    index = build_index(path)
    reference = decode_all(path)
    with FrameReader(path, index) as reader:
        quick = reader.keyframe_image(77)
        assert (quick.index, quick.exact) == (60, False)
        assert np.array_equal(quick.image, reference[60])
        assert read_number(reader.frame(77)) == 77
        again = reader.keyframe_image(77)
        assert (again.index, again.exact) == (77, True)


def test_file_cut_short_while_open(tmp_path: Path, clips: dict[str, Path]) -> None:
    path = tmp_path / "growing.mp4"
    path.write_bytes(clips["h264.ts"].read_bytes())
    index = build_index(path)
    with FrameReader(path, index) as reader:
        reader.frame(1)
        os.truncate(path, path.stat().st_size // 3)
        with pytest.raises(MediaError, match=r"growing\.mp4: file was cut short"):
            reader.frame(110)


def test_file_that_vanishes_while_open(tmp_path: Path, clips: dict[str, Path]) -> None:
    path = tmp_path / "copy.mp4"
    path.write_bytes(clips["h264_bframes.mp4"].read_bytes())
    index = build_index(path)
    with FrameReader(path, index) as reader:
        reader.frame(1)
        os.truncate(path, 0)
        path.unlink()
        with pytest.raises(MediaError, match=r"copy\.mp4: file vanished while it was open"):
            reader.frame(140)


def test_one_reader_per_thread_in_parallel(clips: dict[str, Path]) -> None:
    path = clips["h264_bframes.mp4"]
    index = build_index(path)
    wrong: list[tuple[int, int]] = []

    def review(seed: int) -> None:
        order = list(range(index.count))
        random.Random(seed).shuffle(order)
        with FrameReader(path, index) as reader:
            wrong.extend((i, n) for i in order[:50] if (n := read_number(reader.frame(i))) != i)

    workers = [threading.Thread(target=review, args=(seed,)) for seed in (1, 2, 3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert wrong == []


@pytest.mark.parametrize("name", ["h264_bframes.mp4", "h264.ts", "hevc.mkv", "vfr.mp4"])
def test_a_one_shot_read_skips_unreferenced_pictures_and_gives_the_same_frame(
    clips: dict[str, Path], name: str
) -> None:
    path = clips[name]
    index = build_index(path)
    shown = decode_all(path)
    targets = [index.keyframe_at_or_before(index.count - 1) - 1, index.count // 2, 29]
    decoded = {}
    for one_shot in (False, True):
        decoded[one_shot] = 0
        for i in targets:
            with FrameReader(path, index, one_shot=one_shot) as reader:
                assert np.array_equal(reader.frame(i), shown[i])
                decoded[one_shot] += reader.access.decoded
    assert decoded[True] < decoded[False]


def test_stand_ins_are_shrunk_in_the_conversion_and_kept(clips: dict[str, Path]) -> None:
    from app.services.video.pictures import Keyframes

    path = clips["h264_bframes.mp4"]
    index = build_index(path)
    reference = decode_all(path)  # RGB, 320 x 240
    one = 160 * 120 * 4
    stand_ins = Keyframes(path, index, fit=(160, 160), keep_bytes=2 * one)
    exact = Keyframes(path, index)
    try:
        key, picture, scale = stand_ins.at_or_before(77)
        assert (key, picture.shape, scale) == (60, (120, 160, 4), 0.5)

        def error(frame: int) -> float:  # from the frame shrunk by 2 x 2 means (BGRX: BGR)
            shrunk = reference[frame].reshape(120, 2, 160, 2, 3).mean(axis=(1, 3))
            return float(np.abs(picture[:, :, 2::-1].astype(float) - shrunk).mean())

        assert error(60) < 4 and error(60) < error(30) / 2
        assert stand_ins.at_or_before(61)[1] is picture  # kept: not decoded again
        stand_ins.at_or_before(30)
        stand_ins.at_or_before(0)  # a third picture: the oldest (60) goes
        assert stand_ins.at_or_before(70)[1] is not picture
        key, whole, scale = exact.at_or_before(77)
        assert (key, scale) == (60, 1.0)
        assert np.array_equal(whole[:, :, 2::-1], reference[60])
    finally:
        stand_ins.close()
        exact.close()
