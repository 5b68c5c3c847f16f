"""Real clips nobody here wrote (tests/data/video, see SOURCES.md): every frame exactly as a
straight decode shows it, the audio track noted in the probe data, and the activity scan giving
the same segments for the MP4 and its MPEG-TS remux (MPEG-TS seeks land a GOP late)."""

from __future__ import annotations

import bisect
import hashlib
import random
import subprocess
from pathlib import Path

import pytest
from real_world_clips import sequential_pictures

from app.media.activity import scan_activity
from app.media.frame_index import build_index
from app.media.frames import FrameReader
from app.media.probe import probe

DATA = Path(__file__).resolve().parents[2] / "data" / "video"
SAMPLES = ["bikes.mp4", "bigbuckbunny.mp4", "carphone_pristine.mp4"]


@pytest.mark.parametrize("name", SAMPLES)
def test_every_frame_of_a_real_clip(name: str) -> None:
    path = DATA / name
    index = build_index(path)
    shown = sequential_pictures(path)
    assert len(shown) == index.count
    stamps = sorted(shown)
    order = list(range(index.count))
    random.Random(5).shuffle(order)
    wrong = []
    with FrameReader(path, index, cache_bytes=16 * 1024 * 1024) as reader:
        for i in order[:120]:
            on_screen = stamps[bisect.bisect_right(stamps, index.raw_pts(i)) - 1]
            if hashlib.md5(reader.frame(i).tobytes()).hexdigest() != shown[on_screen]:
                wrong.append(i)
    assert wrong == []


def test_probe_of_real_clips() -> None:
    bunny = probe(DATA / "bigbuckbunny.mp4")
    assert (bunny.width, bunny.height, bunny.frames) == (1280, 720, 132)
    assert bunny.audio is not None and bunny.audio["codec"] == "aac"
    assert bunny.rotation == 0 and bunny.sample_aspect is None
    bikes = probe(DATA / "bikes.mp4")
    assert bikes.frames == 250 and bikes.audio is None


def test_activity_is_the_same_in_mp4_and_ts(tmp_path: Path) -> None:
    mp4 = DATA / "bikes.mp4"
    ts = tmp_path / "bikes.ts"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(mp4), "-c", "copy", "-f", "mpegts", str(ts)],
        check=True,
    )
    from_mp4 = [(s.start_s, s.end_s) for s in scan_activity(mp4, build_index(mp4))]
    from_ts = [(s.start_s, s.end_s) for s in scan_activity(ts, build_index(ts))]
    assert from_mp4 == from_ts
    assert from_mp4 and from_mp4[0][0] == 0.0  # the riders move from the first frame
