"""Every frame exactly, on clips of the kinds real footage brings: for each frame of the index
(asked in shuffled order), the reader returns bit for bit the picture a straight decode shows at
that frame's time; the probe data names the access strategy, rotation and the audio track."""

from __future__ import annotations

import bisect
import hashlib
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from real_world_clips import (
    broken_idr,
    cinepak_avi,
    h264_avi,
    mpeg4_avi,
    msmpeg4v3_avi,
    phone,
    pictures_in_output_order,
    sequential_pictures,
    street_ts,
)

from app.media.frame_index import FrameIndex, build_index
from app.media.frames import FrameReader, check_access
from app.media.probe import probe
from app.media.stills import upright

MAKERS: dict[str, Callable[[Path], Path]] = {
    "phone.mp4": phone,
    "street.ts": street_ts,
    "mpeg4_bframes.avi": mpeg4_avi,
    "cinepak.avi": cinepak_avi,
    "cctv_msmpeg4v3.avi": msmpeg4v3_avi,
}


@pytest.fixture(scope="module")
def real_clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("real_world")
    made = {name: make(root / name) for name, make in MAKERS.items()}
    made["phone_broken_idr.mp4"] = broken_idr(made["phone.mp4"], root / "phone_broken_idr.mp4")
    return made


def _wrong_frames(
    path: Path, frames: list[int], one_shot: bool = False, player: bool = False
) -> list[int]:
    """The frames (asked in this order) whose picture is not what a straight decode shows at
    their time; one long-lived reader (`player`: the player's, whose seeks skip unreferenced
    pictures and which settles after every third frame), or a fresh one-shot reader per
    frame."""
    index = build_index(path)
    shown = sequential_pictures(path)
    stamps = sorted(shown)
    wrong = []
    kept = FrameReader(path, index, cache_bytes=8 * 1024 * 1024, skip_on_seek=player)
    with kept:
        for n, i in enumerate(frames):
            on_screen = stamps[bisect.bisect_right(stamps, index.raw_pts(i)) - 1]
            if one_shot:
                with FrameReader(path, index, one_shot=True) as reader:
                    picture = reader.frame(i)
            else:
                picture = kept.frame(i)
                if player and n % 3 == 2:
                    kept.settle(i, stop=lambda: False)
            if hashlib.md5(picture.tobytes()).hexdigest() != shown[on_screen]:
                wrong.append(i)
    return wrong


@pytest.mark.parametrize("name", [*MAKERS, "phone_broken_idr.mp4"])
def test_every_frame_as_a_straight_decode_shows_it(real_clips: dict[str, Path], name: str) -> None:
    order = list(range(build_index(real_clips[name]).count))
    random.Random(12).shuffle(order)
    assert _wrong_frames(real_clips[name], order) == []


@pytest.mark.parametrize("name", [*MAKERS, "phone_broken_idr.mp4"])
def test_the_players_reader_gives_every_frame_as_a_straight_decode_shows_it(
    real_clips: dict[str, Path], name: str
) -> None:
    """The player's seeks skip unreferenced pictures and settle fills them in later."""
    order = list(range(build_index(real_clips[name]).count))
    random.Random(13).shuffle(order)
    assert _wrong_frames(real_clips[name], order, player=True) == []


@pytest.mark.parametrize("name", [*MAKERS, "phone_broken_idr.mp4"])
def test_one_shot_reads_give_the_same_pictures(real_clips: dict[str, Path], name: str) -> None:
    """Stills and exports skip unreferenced pictures on the way: the frame is still exact."""
    frames = random.Random(8).sample(range(build_index(real_clips[name]).count), 12)
    assert _wrong_frames(real_clips[name], frames, one_shot=True) == []


def test_decode_order_stamps_are_counted_not_trusted(tmp_path: Path) -> None:
    """H.264 with B-frames in AVI: every picture's stamp names its packet in decode order, so
    matching stamps gives wrong frames; counting pictures from the keyframe gives each one."""
    path = h264_avi(tmp_path / "dvr_h264.avi")
    index = build_index(path)
    assert index.decode_order
    assert FrameIndex.from_bytes(index.to_bytes()).decode_order
    shown = pictures_in_output_order(path)
    assert len(shown) == index.count
    order = list(range(index.count))
    random.Random(3).shuffle(order)
    with FrameReader(path, index, cache_bytes=4 * 1024 * 1024) as reader:
        wrong = [i for i in order if hashlib.md5(reader.frame(i).tobytes()).hexdigest() != shown[i]]
    assert wrong == []
    assert check_access(path, index).strategy == "decode_order"


@pytest.mark.parametrize("name", [*MAKERS, "phone_broken_idr.mp4"])
def test_presentation_stamps_are_trusted(real_clips: dict[str, Path], name: str) -> None:
    assert not build_index(real_clips[name]).decode_order


def test_damaged_keyframes_are_reached_from_an_earlier_one(real_clips: dict[str, Path]) -> None:
    path = real_clips["phone_broken_idr.mp4"]
    index = build_index(path)
    stats = check_access(path, index, samples=50)
    assert stats.strategy == "earlier_keyframe"
    assert stats.rejected_packets > 0
    assert check_access(real_clips["phone.mp4"], build_index(real_clips["phone.mp4"])).strategy == (
        "keyframe"
    )


def test_phone_probe_names_rotation_and_audio(real_clips: dict[str, Path]) -> None:
    info = probe(real_clips["phone.mp4"])
    assert info.rotation == 90
    assert info.display_size == (240, 320)
    assert info.audio is not None and info.audio["codec"] == "aac"
    assert info.audio["sample_rate"] == 48000
    assert probe(real_clips["street.ts"]).audio is None


def test_upright_turns_the_picture_as_the_file_says(real_clips: dict[str, Path]) -> None:
    index = build_index(real_clips["phone.mp4"])
    with FrameReader(real_clips["phone.mp4"], index) as reader:
        raw = reader.frame(0)
    turned = upright(raw, 90)
    assert turned.shape == (320, 240, 3)
    assert (turned[0, :, :] == raw[:, -1, :]).all()  # the right column becomes the top row
