"""A still image with its annotation regions drawn over it as vectors.

The JPEG file is embedded as it is (reportlab passes JPEG through without decoding), which
keeps a dossier with a hundred 1280x720 stills fast; the regions are drawn on top, so the
image file itself is never altered.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from app.reports.fonts import FontSet
from app.reports.model import Region

MARK = colors.HexColor("#d0021b")


class _ContentNamedPath(str):
    """A JPEG path whose text form is its content hash.

    reportlab names (and de-duplicates) an image XObject by `str(filename)`; the stills of an
    export sit in a fresh temporary folder, so the path would differ between two exports of
    the same case and so would the PDF bytes. The file is still opened by its real path.
    """

    def __new__(cls, path: Path) -> _ContentNamedPath:
        made = super().__new__(cls, str(path))
        made.digest = "still-" + hashlib.sha256(path.read_bytes()).hexdigest()
        return made

    digest: str

    def __str__(self) -> str:
        return self.digest


class StillImage(Flowable):  # type: ignore[misc]
    """The still scaled to fit `max_w` x `max_h`, keeping its aspect ratio."""

    def __init__(
        self,
        path: Path,
        regions: tuple[Region, ...],
        max_w: float,
        max_h: float,
        fonts: FontSet,
    ) -> None:
        super().__init__()
        self.path = _ContentNamedPath(path)
        self.regions = regions
        self.fonts = fonts
        px_w, px_h = ImageReader(self.path).getSize()
        scale = min(max_w / px_w, max_h / px_h)
        self.img_w = px_w * scale
        self.img_h = px_h * scale
        self.hAlign = "CENTER"

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.img_w, self.img_h

    def draw(self) -> None:
        canv = self.canv
        w, h = self.img_w, self.img_h
        canv.drawImage(self.path, 0, 0, w, h)
        canv.setStrokeColor(colors.HexColor("#444444"))
        canv.setLineWidth(0.4)
        canv.rect(0, 0, w, h, stroke=1, fill=0)
        for region in self.regions:
            x = region.x * w
            y = h - (region.y + region.h) * h
            canv.setStrokeColor(MARK)
            canv.setLineWidth(1.6)
            canv.rect(x, y, region.w * w, region.h * h, stroke=1, fill=0)
            if region.label:
                size = 8.0
                label_w = canv.stringWidth(region.label, self.fonts.sans_bold, size) + 6
                top = y + region.h * h
                label_y = top if top + 12 <= h else top - 12
                canv.setFillColor(MARK)
                canv.rect(x, label_y, label_w, 12, stroke=0, fill=1)
                canv.setFillColor(colors.white)
                canv.setFont(self.fonts.sans_bold, size)
                canv.drawString(x + 3, label_y + 3, region.label)
