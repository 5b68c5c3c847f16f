"""Reading a camera's burned-in clock off a frame with Tesseract (the system's `tesseract`
program, found at run time): dash-cams and CCTV print their own date and time into the picture,
and that reading is what a calibration compares with the true time.

The overlay sits in a band along the top or the bottom edge; each band is cut out, enlarged,
binarised in both polarities (white text with a dark outline, or dark text), read as one line
restricted to digits and separators, and the first date-time found wins (highest confidence).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import cv2
import numpy as np

from app.domain.errors import ValidationError
from app.domain.media import Region

_BAND = 0.16  # of the frame height, top and bottom
_SCALE = 3
_WHITELIST = "0123456789:-./ "
_DATE_TIME = (
    # 2025-09-12 14:09:04, 2025/09/12 14:09:04, 2025.09.12 14:09:04
    re.compile(
        r"(?P<y>20\d{2})\s*[-./]\s*(?P<mo>\d{2})\s*[-./]\s*(?P<d>\d{2})\D{1,6}"
        r"(?P<h>\d{2})\s*:\s*(?P<mi>\d{2})\s*:\s*(?P<s>\d{2})"
    ),
    # 12.09.2025 14:09:04, 12-09-2025 14:09:04, 12/09/2025 14:09:04
    re.compile(
        r"(?P<d>\d{2})\s*[-./]\s*(?P<mo>\d{2})\s*[-./]\s*(?P<y>20\d{2})\D{1,6}"
        r"(?P<h>\d{2})\s*:\s*(?P<mi>\d{2})\s*:\s*(?P<s>\d{2})"
    ),
)


class TesseractMissing(ValidationError):
    """No `tesseract` program on this machine."""

    code = "tesseract_missing"


@dataclass(frozen=True)
class ClockReading:
    """What the overlay says (naive: the camera's local time), the text read, Tesseract's
    mean word confidence (0..100) and where in the frame it was read."""

    local_time: datetime
    text: str
    confidence: float
    region: Region


def tesseract_path() -> str:
    found = shutil.which("tesseract")
    if found is None:
        raise TesseractMissing(
            "reading the camera's clock needs Tesseract OCR: install the tesseract-ocr package "
            "(Debian/Astra: apt install tesseract-ocr; Windows: the UB Mannheim installer)",
            field="tesseract",
        )
    return found


def read_clock(image: np.ndarray, region: Region | None = None) -> ClockReading | None:
    """The date and time burned into the RGB `image` (in `region`, else the top and bottom
    bands), or None when no date-time can be read there."""
    program = tesseract_path()
    height, width = image.shape[:2]
    if region is not None:
        region.check_within(width, height)
        regions = [region]
    else:
        band = max(16, round(height * _BAND))
        regions = [Region(0, height - band, width, band), Region(0, 0, width, band)]
    best: ClockReading | None = None
    for area in regions:
        crop = image[area.y : area.y + area.h, area.x : area.x + area.w]
        for picture in _binarised(crop):
            text, confidence = _ocr(program, picture)
            moment = _date_time(text)
            if moment is not None and (best is None or confidence > best.confidence):
                best = ClockReading(moment, text.strip(), confidence, area)
        if best is not None:
            return best
    return best


def _binarised(crop: np.ndarray) -> list[np.ndarray]:
    grey = cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY)
    big = cv2.resize(grey, None, fx=_SCALE, fy=_SCALE, interpolation=cv2.INTER_CUBIC)
    _, light = cv2.threshold(big, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    # Overlay text is usually light on a darker scene: inverted, it becomes dark on white,
    # which Tesseract reads best; the other polarity covers dark text on a light sky.
    return [light, cv2.bitwise_not(light)]


def _ocr(program: str, picture: np.ndarray) -> tuple[str, float]:
    with tempfile.TemporaryDirectory(prefix="casebook-ocr-") as tmp:
        source = Path(tmp) / "clock.png"
        cv2.imwrite(str(source), picture)
        done = subprocess.run(
            [program, str(source), "stdout", "--psm", "7", "-l", "eng",
             "-c", f"tessedit_char_whitelist={_WHITELIST}", "tsv"],
            capture_output=True, text=True, timeout=30, check=False,
        )  # fmt: skip
    if done.returncode != 0:
        raise ValidationError(f"tesseract failed: {done.stderr.strip()[:200]}", field="tesseract")
    words, scores = [], []
    for line in done.stdout.splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) == 12 and cells[11].strip():
            words.append(cells[11].strip())
            scores.append(float(cells[10]))
    return " ".join(words), (sum(scores) / len(scores) if scores else 0.0)


def _date_time(text: str) -> datetime | None:
    for pattern in _DATE_TIME:
        found = pattern.search(text)
        if found is None:
            continue
        g = {k: int(v) for k, v in found.groupdict().items()}
        try:
            return datetime(g["y"], g["mo"], g["d"], g["h"], g["mi"], g["s"])
        except ValueError:
            continue
    return None
