"""Generated footage for the demo case: an entrance CCTV camera and the courier's dash-cam,
each with its own clock burned into the picture and written as the container's creation time
(the entrance camera runs 151 s fast), so the newcomer can calibrate, annotate and compare the
two side by side. Nothing here pretends to be real evidence: the demo case says so."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import cast
from zoneinfo import ZoneInfo

import av
import cv2
import numpy as np

FPS = 15
SIZE = (640, 360)


def _scene_entrance(t: float, width: int, height: int) -> np.ndarray:
    image = np.zeros((height, width, 3), np.uint8)
    image[:] = (58, 62, 70)
    cv2.rectangle(image, (0, int(height * 0.78)), (width, height), (92, 88, 84), -1)  # floor
    cv2.rectangle(image, (420, 70), (540, int(height * 0.78)), (40, 70, 120), -1)  # door 48
    cv2.putText(image, "48", (462, 110), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (220, 220, 220), 2)
    if 4.0 <= t <= 17.0:  # a person walks to the door, stays, rings
        x = int(min(60 + (t - 4.0) * 70, 360))
        cv2.circle(image, (x + 20, 150), 18, (170, 150, 140), -1)
        cv2.rectangle(image, (x, 170), (x + 40, 270), (30, 110, 190), -1)  # courier jacket
    return image


def _scene_dashcam(t: float, width: int, height: int) -> np.ndarray:
    image = np.zeros((height, width, 3), np.uint8)
    image[: height // 2] = (150, 120, 90)  # evening sky
    image[height // 2 :] = (60, 60, 60)  # road
    offset = int(t * 80) % 80
    for y in range(height // 2 + 10 - offset % 40, height, 40):
        cv2.line(image, (width // 2, y), (width // 2, y + 18), (230, 230, 230), 3)
    if t >= 6.0:  # the building comes closer, then the car stops
        size = int(min(40 + (t - 6.0) * 25, 220))
        cv2.rectangle(
            image,
            (width - 40 - size, height // 2 - size),
            (width - 40, height // 2),
            (90, 90, 140),
            -1,
        )
    return image


def write_clip(
    path: Path, camera_start: datetime, label: str, kind: str, zone: str, seconds: int = 20
) -> Path:
    """Write an H.264 clip whose clock starts at `camera_start` (the camera's own, possibly
    wrong, time): burned into the picture in the camera's local `zone`, as cameras do, and
    stored as the container's creation time in UTC."""
    width, height = SIZE
    scene = _scene_entrance if kind == "cctv" else _scene_dashcam
    codec = "libx264" if "libx264" in av.codecs_available else "mpeg4"
    with av.open(str(path), mode="w") as out:
        out.metadata["creation_time"] = camera_start.strftime("%Y-%m-%dT%H:%M:%S.000000Z")
        stream = cast(av.VideoStream, out.add_stream(codec, rate=FPS))
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"g": str(FPS * 2), "bf": "2", "preset": "veryfast"}
        for number in range(seconds * FPS):
            t = number / FPS
            image = scene(t, width, height)
            local = (camera_start + timedelta(seconds=t)).astimezone(ZoneInfo(zone))
            stamp = local.strftime("%Y-%m-%d %H:%M:%S")
            cv2.putText(
                image,
                f"{label}  {stamp}",
                (12, height - 14),
                cv2.FONT_HERSHEY_SIMPLEX,
                0.6,
                (255, 255, 255),
                2,
            )
            rgb = np.ascontiguousarray(image[:, :, ::-1], dtype=np.uint8)
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path
