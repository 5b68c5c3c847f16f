"""Faces of people who are not parties are found and pixelated on the still copy, on a real
photograph; a face inside a region marked as a party stays visible."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from app.domain.media import Region
from app.media.redaction import decode, detect_faces, face_detector, redact_still

PHOTO = Path(__file__).resolve().parents[2] / "data" / "faces" / "astronaut_face.jpg"


def _detail(image: np.ndarray, box: Region) -> float:
    """How far the box is from a coarse 8x8 mosaic of itself: large on a face, close to
    the JPEG noise level on a pixelated one."""
    part = cv2.cvtColor(image[box.y : box.y + box.h, box.x : box.x + box.w], cv2.COLOR_BGR2GRAY)
    coarse = cv2.resize(
        cv2.resize(part, (8, 8), interpolation=cv2.INTER_AREA),
        (box.w, box.h),
        interpolation=cv2.INTER_NEAREST,
    )
    return float(np.abs(part.astype(np.float64) - coarse).mean())


def test_this_installation_detects_faces():
    assert face_detector() is not None


def test_face_is_found_and_pixelated_on_a_copy():
    data = PHOTO.read_bytes()
    faces = detect_faces(decode(data))
    assert len(faces) == 1
    face = faces[0]
    result = redact_still(data)
    redacted = decode(result.jpeg)
    assert result.faces == 1
    assert _detail(redacted, face) < _detail(decode(data), face) / 5
    assert PHOTO.read_bytes() == data  # the original is never touched


def test_a_party_face_is_kept():
    data = PHOTO.read_bytes()
    face = detect_faces(decode(data))[0]
    keep = Region(face.x - 5, face.y - 5, face.w + 10, face.h + 10)
    result = redact_still(data, keep=[keep])
    assert result.faces == 0
    assert _detail(decode(result.jpeg), face) > _detail(decode(data), face) / 2
