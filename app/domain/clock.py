"""Camera clock correction: from what a camera's clock says to the true time, and back.

Every camera's clock is off by its own offset and may drift. The investigator calibrates it:
"this frame shows true time T". One calibration point gives a constant offset; two or more give
a linear drift as well (least squares, exact for two points):

    true = camera + offset_s + (camera - reference) * drift_ppm / 1e6

where `reference` is the camera time of the earliest calibration point, so `offset_s` is the
clock error at that moment. A frame's camera time is the camera-time origin of its file (the
container creation time, or an origin the investigator set for the source) plus its media time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from app.domain.errors import ValidationError

# A clock running 1% fast or slow is broken, not drifting: refuse such calibrations.
MAX_DRIFT_PPM = 10_000.0
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class CalibrationPoint:
    """The camera's clock read `camera_time` at the moment that truly was `true_time`."""

    camera_time: datetime
    true_time: datetime

    def __post_init__(self) -> None:
        for name in ("camera_time", "true_time"):
            if getattr(self, name).tzinfo is None:
                raise ValidationError(f"{name} must carry a zone", field=name)


@dataclass(frozen=True)
class ClockCorrection:
    """A camera's clock error: an offset at `reference` plus a linear drift in ppm."""

    reference: datetime
    offset_s: float = 0.0
    drift_ppm: float = 0.0

    @classmethod
    def identity(cls) -> ClockCorrection:
        """No correction: the camera clock is taken as true."""
        return cls(reference=_EPOCH)

    @classmethod
    def from_points(cls, points: list[CalibrationPoint]) -> ClockCorrection:
        """The correction through one point (offset) or fitted to two or more (offset + drift)."""
        if not points:
            raise ValidationError("a clock correction needs a calibration point", field="points")
        ordered = sorted(points, key=lambda p: p.camera_time)
        reference = ordered[0].camera_time
        xs = [_seconds(p.camera_time - reference) for p in ordered]
        errors = [_seconds(p.true_time - p.camera_time) for p in ordered]
        if len(ordered) == 1:
            return cls(reference=reference, offset_s=errors[0])
        mean_x = sum(xs) / len(xs)
        spread = sum((x - mean_x) ** 2 for x in xs)
        if spread == 0:
            raise ValidationError(
                "calibration points must be at different camera times", field="media_time"
            )
        mean_e = sum(errors) / len(errors)
        slope = sum((x - mean_x) * (e - mean_e) for x, e in zip(xs, errors, strict=True)) / spread
        drift_ppm = slope * 1e6
        if abs(drift_ppm) > MAX_DRIFT_PPM:
            raise ValidationError(
                f"calibration implies a drift of {drift_ppm:.0f} ppm; check the points",
                field="true_time",
            )
        return cls(reference=reference, offset_s=mean_e - slope * mean_x, drift_ppm=drift_ppm)

    def true_time(self, camera_time: datetime) -> datetime:
        """The true instant at which the camera's clock showed `camera_time`."""
        elapsed = _seconds(camera_time - self.reference)
        return camera_time + timedelta(seconds=self.offset_s + elapsed * self.drift_ppm * 1e-6)

    def camera_time(self, true_time: datetime) -> datetime:
        """What the camera's clock showed at the true instant `true_time` (the inverse)."""
        rate = 1 + self.drift_ppm * 1e-6
        elapsed = (_seconds(true_time - self.reference) - self.offset_s) / rate
        return self.reference + timedelta(seconds=elapsed)


def camera_time_at(origin: datetime, media_time_s: float) -> datetime:
    """The camera's clock reading at media time `media_time_s` of a file starting at `origin`."""
    if origin.tzinfo is None:
        raise ValidationError("camera-time origin must carry a zone", field="origin")
    return origin.astimezone(UTC) + timedelta(seconds=media_time_s)


def media_time_at(origin: datetime, camera_time: datetime) -> float:
    """The media time (seconds into the file) at which the camera's clock read `camera_time`."""
    return _seconds(camera_time - origin)


def _seconds(delta: timedelta) -> float:
    return delta.total_seconds()


# Dash-cams and phones name each file after the moment their clock started it, in the
# camera's local time: BlackVue `20250912_140851_NF.mp4`, Viofo `2025_0912_140851_0042F.MP4`,
# 70mai `NO20250912-140851-000042F.MP4`, Mio/Neoline `FILE250912-140851F.MP4`, Thinkware
# `REC_2025_09_12_14_08_51_F.MP4`, Nextbase Piqo `250912_140851_001_FH.MP4` (its support
# page: "the exact time the recording began"), Android phones `VID_20250912_140851.mp4`.
_NAME_PATTERNS = (
    re.compile(
        r"^(?P<y>\d{4})(?P<mo>\d{2})(?P<d>\d{2})_(?P<h>\d{2})(?P<mi>\d{2})(?P<s>\d{2})_[NEPMI]"
    ),
    re.compile(
        r"^(?P<y>\d{4})_(?P<mo>\d{2})(?P<d>\d{2})_(?P<h>\d{2})(?P<mi>\d{2})(?P<s>\d{2})_\d+"
    ),
    re.compile(
        r"^(?:NO|EV|PA|EMR|PARK)(?P<y>\d{4})(?P<mo>\d{2})(?P<d>\d{2})-"
        r"(?P<h>\d{2})(?P<mi>\d{2})(?P<s>\d{2})-\d+"
    ),
    re.compile(
        r"^FILE(?P<yy>\d{2})(?P<mo>\d{2})(?P<d>\d{2})-(?P<h>\d{2})(?P<mi>\d{2})(?P<s>\d{2})"
    ),
    re.compile(
        r"^REC_(?P<y>\d{4})_(?P<mo>\d{2})_(?P<d>\d{2})_(?P<h>\d{2})_(?P<mi>\d{2})_(?P<s>\d{2})"
    ),
    re.compile(
        r"^(?P<yy>\d{2})(?P<mo>\d{2})(?P<d>\d{2})_(?P<h>\d{2})(?P<mi>\d{2})(?P<s>\d{2})_\d{3}_[FR]"
    ),
    re.compile(r"^VID_(?P<y>\d{4})(?P<mo>\d{2})(?P<d>\d{2})_(?P<h>\d{2})(?P<mi>\d{2})(?P<s>\d{2})"),
)


def camera_start_from_name(name: str, zone: tzinfo) -> datetime | None:
    """The camera clock's reading at the start of a file named by a common dash-cam or phone
    (local time in `zone`, returned as UTC), or None for other names."""
    stem = name.rsplit("/", 1)[-1].upper()
    for pattern in _NAME_PATTERNS:
        found = pattern.match(stem)
        if found is None:
            continue
        parts = found.groupdict()
        year = int(parts["y"]) if parts.get("y") else 2000 + int(parts["yy"])
        try:
            local = datetime(
                year,
                int(parts["mo"]),
                int(parts["d"]),
                int(parts["h"]),
                int(parts["mi"]),
                int(parts["s"]),
                tzinfo=zone,
            )
        except ValueError:
            return None  # digits that are no date (a counter, a serial number)
        return local.astimezone(UTC)
    return None


def offset_parts(offset_s: float) -> tuple[str, int, int, int]:
    """How a camera's clock was off, for the dossier's words: (`fast`, `slow` or `right`,
    hours, minutes, seconds), from `offset_s` = true − camera (negative: the camera ran fast)."""
    whole = round(abs(offset_s))
    if whole == 0:
        return "right", 0, 0, 0
    hours, rest = divmod(whole, 3600)
    minutes, seconds = divmod(rest, 60)
    return ("fast" if offset_s < 0 else "slow"), hours, minutes, seconds
