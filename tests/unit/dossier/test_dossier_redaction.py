"""Redacted stills: drawn regions and detected faces pixelated on a copy; parties kept."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from app.domain.errors import ValidationError
from app.domain.media import Region
from app.media import redaction


def noisy_still(fmt: str = ".jpg") -> bytes:
    rng = np.random.default_rng(7)
    image = rng.integers(0, 255, (360, 640, 3), dtype=np.uint8)
    ok, data = cv2.imencode(fmt, image)
    assert ok
    return data.tobytes()


def detail(image: np.ndarray, r: Region) -> float:
    """Mean absolute difference between neighbouring pixels: near zero once pixelated."""
    part = image[r.y : r.y + r.h, r.x : r.x + r.w].astype(np.int16)
    return float(np.abs(np.diff(part, axis=1)).mean())


def test_drawn_region_pixelated_on_a_copy() -> None:
    original = noisy_still()
    before = bytes(original)
    region = Region(100, 80, 160, 120)
    result = redaction.redact_still(original, blur=[region], faces=False)
    assert original == before
    out = cv2.imdecode(np.frombuffer(result.jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert result.jpeg[:3] == b"\xff\xd8\xff"
    assert result.regions == 1 and result.faces == 0
    assert detail(out, Region(104, 84, 150, 110)) < 8
    assert detail(out, Region(400, 200, 150, 110)) > 40  # the rest keeps its detail


def test_regions_outside_the_image_are_clipped() -> None:
    result = redaction.redact_still(
        noisy_still(), blur=[Region(600, 300, 200, 200), Region(900, 900, 10, 10)], faces=False
    )
    assert result.regions == 1


def test_faces_outside_kept_regions_pixelated(monkeypatch: pytest.MonkeyPatch) -> None:
    """The detector is replaced by one that reports two known boxes: one is a party's."""
    stranger, party = Region(20, 20, 80, 80), Region(400, 100, 80, 80)
    monkeypatch.setattr(redaction, "_detector", lambda: ("test", lambda image: [stranger, party]))
    result = redaction.redact_still(noisy_still(), keep=[Region(380, 80, 140, 140)])
    out = cv2.imdecode(np.frombuffer(result.jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert result.faces == 1 and result.detector == "test"
    assert detail(out, Region(24, 24, 70, 70)) < 8
    assert detail(out, Region(404, 104, 70, 70)) > 40


def test_png_becomes_jpeg_and_jpeg_passes_through() -> None:
    png = noisy_still(".png")
    assert redaction.jpeg_copy(png)[:3] == b"\xff\xd8\xff"
    jpeg = noisy_still()
    assert redaction.jpeg_copy(jpeg) is jpeg


def test_unreadable_still() -> None:
    with pytest.raises(ValidationError):
        redaction.redact_still(b"not an image")
