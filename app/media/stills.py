"""Stills: an exact frame as PNG bytes, with an annotation's region drawn on a copy.

The decoded frame array is never modified: the rectangle goes on a copy, so the still stays a
faithful picture of the evidence apart from the marked region's outline.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from app.domain.errors import ValidationError

MARK_COLOUR_RGB = (255, 32, 32)


@dataclass(frozen=True)
class Region:
    """A rectangle in frame pixels: left, top, width, height."""

    x: int
    y: int
    w: int
    h: int

    @classmethod
    def parse(cls, text: str) -> Region:
        """`X,Y,W,H` as typed on the command line."""
        parts = [p.strip() for p in text.split(",")]
        if len(parts) != 4 or not all(p.lstrip("-").isdigit() for p in parts):
            raise ValidationError(f"region must be X,Y,W,H in pixels: {text!r}", field="rect")
        return cls(*(int(p) for p in parts))

    def check_within(self, width: int, height: int) -> None:
        """ValidationError unless the region is non-empty and inside a width x height frame."""
        if self.w <= 0 or self.h <= 0:
            raise ValidationError("region must have a positive width and height", field="rect")
        if self.x < 0 or self.y < 0 or self.x + self.w > width or self.y + self.h > height:
            raise ValidationError(
                f"region {self.x},{self.y},{self.w},{self.h} lies outside the "
                f"{width}x{height} frame",
                field="rect",
            )

    def as_list(self) -> list[int]:
        return [self.x, self.y, self.w, self.h]


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


def still_png(image: np.ndarray, region: Region | None = None) -> bytes:
    """PNG bytes of the RGB `image`, with `region` outlined on a copy when given."""
    picture = mark_region(image, region) if region is not None else image
    ok, encoded = cv2.imencode(".png", cv2.cvtColor(picture, cv2.COLOR_RGB2BGR))
    if not ok:
        raise ValidationError("the frame could not be encoded as PNG", field="frame")
    return encoded.tobytes()
