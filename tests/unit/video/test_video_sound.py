"""The sound of a video: the level strip and PCM from a media time on (tests/data/video's Big
Buck Bunny excerpt has an AAC track; the generated phone clip a 440 Hz tone)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.domain.media import MediaError
from app.media.audio import PLAYBACK_RATE, SoundReader, audio_levels
from app.media.frame_index import build_index

BUNNY = Path(__file__).resolve().parents[2] / "data" / "video" / "bigbuckbunny.mp4"
BYTES_PER_S = PLAYBACK_RATE * 2 * 2


def _pcm(path: Path, start_s: float) -> bytes:
    reader = SoundReader(path, build_index(path))
    try:
        return b"".join(reader.pcm(start_s))
    finally:
        reader.close()


def test_levels_follow_the_sound() -> None:
    levels = audio_levels(BUNNY, build_index(BUNNY), 53)
    assert levels.shape == (53,)
    assert levels.max() > 0.01  # the soundtrack is heard
    assert (levels >= 0).all() and (levels <= 1).all()


def test_pcm_starts_exactly_at_the_media_time() -> None:
    whole = _pcm(BUNNY, 0.0)
    later = _pcm(BUNNY, 2.0)
    duration = build_index(BUNNY).duration_s
    assert abs(len(later) / BYTES_PER_S - (duration - 2.0)) < 0.1
    offset = int(2.0 * PLAYBACK_RATE) * 4
    first = np.frombuffer(later[:4000], dtype=np.int16)
    same = np.frombuffer(whole[offset : offset + 4000], dtype=np.int16)
    assert np.abs(first.astype(int) - same.astype(int)).max() <= 2  # resampler rounding only


def test_a_silent_video_has_no_sound(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from video_support import encode

    clip = encode(tmp_path / "silent.mp4", frames=30)
    assert not audio_levels(clip, build_index(clip), 10).any()
    with pytest.raises(MediaError) as failed:
        SoundReader(clip, build_index(clip))
    assert failed.value.reason == "no_audio"
