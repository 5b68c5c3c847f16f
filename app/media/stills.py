"""Stills: an exact frame as PNG bytes, with an annotation's region drawn on a copy.

The decoded frame array is never modified: the rectangle goes on a copy, so the still stays a
faithful picture of the evidence apart from the marked region's outline.
"""

from __future__ import annotations

import cv2
import numpy as np

from app.domain.errors import ValidationError
from app.domain.media import Region

MARK_COLOUR_RGB = (255, 32, 32)


def mark_region(image: np.ndarray, region: Region) -> np.ndarray:
    """A copy of the RGB `image` with `region` outlined."""
    height, width = image.shape[:2]
    region.check_within(width, height)
    marked = image.copy()
    thickness = max(2, round(min(width, height) / 240))
    cv2.rectangle(
        marked,
        (region.x, region.y),
        (region.x + region.w - 1, region.y + region.h - 1),
        MARK_COLOUR_RGB,
        thickness,
    )
    return marked


def upright(image: np.ndarray, rotation: int) -> np.ndarray:
    """The decoded picture turned as the file says it is shown (phones record turned)."""
    turns = (rotation // 90) % 4
    return np.ascontiguousarray(np.rot90(image, k=turns)) if turns else image


def still_png(image: np.ndarray, region: Region | None = None) -> bytes:
    """PNG bytes of the RGB `image`, with `region` outlined on a copy when given."""
    picture = mark_region(image, region) if region is not None else image
    # Fast deflate: a 1080p frame in less than half the default time, 10% larger, lossless.
    bgr = cv2.cvtColor(picture, cv2.COLOR_RGB2BGR)
    ok, encoded = cv2.imencode(".png", bgr, [cv2.IMWRITE_PNG_COMPRESSION, 1])
    if not ok:
        raise ValidationError("the frame could not be encoded as PNG", field="frame")
    return encoded.tobytes()
