"""Media value types shared by every layer: a region in frame pixels and the error raised for
a file that cannot be read. They hold no decoder and touch no file, so the player in the UI,
the services and the media layer speak of regions and media problems in one language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import ValidationError


class MediaError(ValidationError):
    """A media file that cannot be read; the message names the file and the problem.

    `reason` is a stable code for the UI to translate: missing, unreadable, empty, truncated,
    not_media, unknown_codec, no_video, no_timestamps, no_frames, cut_short, decode_failed.
    """

    code = "media"

    def __init__(self, path: str | Path, problem: str, reason: str = "decode_failed") -> None:
        self.path = str(path)
        self.problem = problem
        self.reason = reason
        super().__init__(f"{Path(path).name}: {problem}", field="file", path=self.path)


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
