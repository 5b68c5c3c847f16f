"""Redacted copies of stills: faces of people who are not parties and investigator-drawn
regions pixelated, returned as new JPEG bytes. The original bytes are never touched.

Face detection uses what the installed OpenCV offers: the Haar cascade bundled with
opencv-python(-headless) 4.x (`cv2.data.haarcascades`; the project pins OpenCV below 5 for it),
or, where that is gone (OpenCV 5 removed `CascadeClassifier`), the YuNet detector
(`cv2.FaceDetectorYN`) with its ONNX model when one is installed under `resources/models/`.
`face_detector()` says which one is in use; without one only the drawn regions are
pixelated and the caller must say so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np

from app.domain.errors import ValidationError
from app.domain.media import Region
from app.paths import resource_path

YUNET_MODEL = "face_detection_yunet_2023mar.onnx"
JPEG_QUALITY = 90
MOSAIC_CELLS = 8  # a face pixelated to 8 cells across cannot be recognised or un-blurred
Detector = Callable[[np.ndarray], list[Region]]


@dataclass(frozen=True, slots=True)
class RedactedStill:
    jpeg: bytes
    faces: int  # faces found and pixelated (those inside a kept region excluded)
    regions: int  # investigator regions pixelated
    detector: str | None  # None when no face detector was available


def _haar() -> Detector | None:
    classifier_type = getattr(cv2, "CascadeClassifier", None)
    folder = getattr(getattr(cv2, "data", None), "haarcascades", None)
    if classifier_type is None or not folder:
        return None
    path = Path(folder) / "haarcascade_frontalface_default.xml"
    if not path.is_file():
        return None
    classifier = classifier_type(str(path))

    def detect(image: np.ndarray) -> list[Region]:
        grey = cv2.equalizeHist(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY))
        found = classifier.detectMultiScale(grey, scaleFactor=1.1, minNeighbors=5, minSize=(24, 24))
        return [Region(int(x), int(y), int(w), int(h)) for x, y, w, h in found]

    return detect


def _yunet() -> Detector | None:
    model = resource_path("models", YUNET_MODEL)
    if not hasattr(cv2, "FaceDetectorYN") or not model.is_file():
        return None

    def detect(image: np.ndarray) -> list[Region]:
        height, width = image.shape[:2]
        detector = cv2.FaceDetectorYN.create(str(model), "", (width, height), 0.6)
        _, faces = detector.detect(image)
        if faces is None:
            return []
        return [Region(int(f[0]), int(f[1]), int(f[2]), int(f[3])) for f in faces]

    return detect


@lru_cache(maxsize=1)
def _detector() -> tuple[str | None, Detector | None]:
    for name, make in (("haar", _haar), ("yunet", _yunet)):
        found = make()
        if found is not None:
            return name, found
    return None, None


def face_detector() -> str | None:
    """`haar`, `yunet`, or None when this installation cannot detect faces."""
    return _detector()[0]


def detect_faces(image: np.ndarray) -> list[Region]:
    detect = _detector()[1]
    return detect(image) if detect is not None else []


def _clip(region: Region, width: int, height: int) -> Region | None:
    x0, y0 = max(region.x, 0), max(region.y, 0)
    x1, y1 = min(region.x + region.w, width), min(region.y + region.h, height)
    if x1 <= x0 or y1 <= y0:
        return None
    return Region(x0, y0, x1 - x0, y1 - y0)


def _inside(face: Region, keep: Region) -> bool:
    """The face's centre lies in a region the investigator marked as a party."""
    cx, cy = face.x + face.w / 2, face.y + face.h / 2
    return keep.x <= cx <= keep.x + keep.w and keep.y <= cy <= keep.y + keep.h


def pixelate(image: np.ndarray, region: Region) -> None:
    """Replace the region (in place, on a copy the caller owns) with a coarse mosaic."""
    part = image[region.y : region.y + region.h, region.x : region.x + region.w]
    cells_x = max(1, min(MOSAIC_CELLS, region.w))
    cells_y = max(1, min(region.h, round(MOSAIC_CELLS * region.h / region.w)))
    small = cv2.resize(part, (cells_x, cells_y), interpolation=cv2.INTER_AREA)
    image[region.y : region.y + region.h, region.x : region.x + region.w] = cv2.resize(
        small, (region.w, region.h), interpolation=cv2.INTER_NEAREST
    )


def decode(data: bytes) -> np.ndarray:
    image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        raise ValidationError("the still is not a readable image", field="still")
    return image


def encode_jpeg(image: np.ndarray, quality: int = JPEG_QUALITY) -> bytes:
    ok, buffer = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValidationError("the still could not be encoded as JPEG", field="still")
    return bytes(buffer.tobytes())


def jpeg_copy(data: bytes) -> bytes:
    """The still as JPEG: JPEG bytes pass through unchanged, other images are re-encoded."""
    if data[:3] == b"\xff\xd8\xff":
        return data
    return encode_jpeg(decode(data))


def redact_still(
    data: bytes,
    *,
    blur: Sequence[Region] = (),
    keep: Sequence[Region] = (),
    faces: bool = True,
) -> RedactedStill:
    """A redacted JPEG copy of the still `data` (any format OpenCV reads).

    `blur`: regions the investigator drew; `keep`: regions holding parties, whose faces stay
    visible; `faces`: also pixelate every detected face outside `keep`.
    """
    image = decode(data).copy()
    height, width = image.shape[:2]
    found = []
    if faces:
        found = [f for f in detect_faces(image) if not any(_inside(f, k) for k in keep)]
    drawn = [r for r in (_clip(b, width, height) for b in blur) if r is not None]
    for region in [*(c for c in (_clip(f, width, height) for f in found) if c), *drawn]:
        pixelate(image, region)
    return RedactedStill(
        encode_jpeg(image), len(found), len(drawn), face_detector() if faces else None
    )
