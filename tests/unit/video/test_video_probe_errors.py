"""Bad input gives one clear MediaError naming the file and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.errors import ValidationError
from app.domain.media import MediaError
from app.media.frame_index import build_index
from app.media.probe import probe


@pytest.mark.parametrize(
    ("name", "problem", "reason"),
    [
        ("truncated.mp4", "moov atom not found", "truncated"),
        ("text.mp4", "not a media file", "not_media"),
        ("zero.mp4", "empty file", "empty"),
        ("unknown_codec.avi", "unknown video codec", "unknown_codec"),
    ],
)
def test_bad_file_is_named_with_its_problem(
    bad_files: dict[str, Path], name: str, problem: str, reason: str
) -> None:
    with pytest.raises(MediaError) as caught:
        probe(bad_files[name])
    assert isinstance(caught.value, ValidationError)
    assert name in str(caught.value) and problem in str(caught.value)
    assert caught.value.path == str(bad_files[name])
    assert caught.value.reason == reason
    with pytest.raises(MediaError, match=problem):
        build_index(bad_files[name])


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MediaError, match=r"gone\.mp4: file not found"):
        probe(tmp_path / "gone.mp4")
